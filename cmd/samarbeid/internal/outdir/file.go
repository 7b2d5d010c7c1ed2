package outdir

import (
	"crypto/rand"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces the file name with data in one step: a reader sees the
// old content or the new. A new file gets the mode the umask allows; an
// existing file keeps its mode. A symbolic link at name is replaced, not
// written through.
func WriteFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return &Error{dir, "kan ikke lage mappen", err}
	}
	if info, err := os.Lstat(name); err == nil && info.IsDir() {
		return &Error{name, "er en mappe; oppgi et filnavn", nil}
	}
	mode, exact := fs.FileMode(0o666), false
	if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() {
		mode, exact = info.Mode().Perm(), true
	}
	var random [6]byte
	rand.Read(random[:])
	tmp := filepath.Join(dir, "."+filepath.Base(name)+"."+hex.EncodeToString(random[:])+".samarbeid-ny")
	err := createFile(tmp, data, mode, exact)
	if err == nil {
		err = os.Rename(tmp, name)
	}
	os.Remove(tmp) // nothing left to remove after a successful rename
	if err != nil {
		return &Error{name, "kan ikke skrive", err}
	}
	return nil
}
