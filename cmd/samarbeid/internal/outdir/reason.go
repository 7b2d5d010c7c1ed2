package outdir

import (
	"errors"
	"io/fs"
	"syscall"
)

// Reason says in Norwegian why the operating system refused, without the
// path (the message names it already).
func Reason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := reasons[errno]; ok {
			return s
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "finnes ikke"
	case errors.Is(err, fs.ErrPermission):
		return "mangler tilgang"
	case errors.Is(err, fs.ErrExist):
		return "finnes fra før"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "feil fra operativsystemet: " + pe.Err.Error()
	}
	return "feil fra operativsystemet: " + err.Error()
}

var reasons = map[syscall.Errno]string{
	syscall.ENOSPC:       "disken er full; frigjør plass og prøv igjen",
	syscall.EDQUOT:       "diskkvoten din er brukt opp; frigjør plass og prøv igjen",
	syscall.EACCES:       "mangler tilgang; sjekk at du har skrivetilgang til mappen",
	syscall.EPERM:        "operasjonen er ikke tillatt her",
	syscall.EROFS:        "disken er skrivebeskyttet",
	syscall.ENOENT:       "finnes ikke",
	syscall.ENOTDIR:      "en del av stien er en fil, ikke en mappe",
	syscall.EISDIR:       "er en mappe",
	syscall.EEXIST:       "finnes fra før",
	syscall.ENAMETOOLONG: "navnet er for langt for filsystemet",
	syscall.ELOOP:        "for mange symbolske lenker etter hverandre",
	syscall.EXDEV:        "ligger på en annen disk",
	syscall.EIO:          "lese- eller skrivefeil på disken",
	syscall.ENOTEMPTY:    "mappen er ikke tom",
	syscall.EBUSY:        "er i bruk",
	syscall.EMFILE:       "for mange åpne filer",
	syscall.EFBIG:        "filen blir større enn det er plass til (grensen for filstørrelse)",
}
