// Package outdir replaces a folder of generated files all at once: the new
// bundle is written into a sibling folder and switched in with a rename, so
// a reader sees the old bundle or the new one, never a mix.
package outdir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// Manifest is the file in the folder that lists what the tool wrote, in
// the format of sha256sum, so «sha256sum -c» can verify the bundle.
const Manifest = ".samarbeid-filer.sha256"

// File is one file of the bundle, by its slash-separated path inside the
// folder.
type File struct {
	Path string
	Data []byte
}

// Options tune Write.
type Options struct {
	// Wait is how long to wait for another run that writes to the same
	// folder; after that Write refuses.
	Wait time.Duration
	// Waiting is called once when another run holds the folder.
	Waiting func()

	// step is called at each point of the write phase; tests kill the
	// process there.
	step func(what string)
}

// Result tells what happened to the files of the previous bundle that the
// new one does not have.
type Result struct {
	Removed []string // written by the tool before, unchanged: removed
	Kept    []string // written by the tool before, changed since: kept
}

// Error is a failure to write the folder, in Norwegian, with the path.
type Error struct {
	Path string
	What string // what could not be done, e.g. «kan ikke skrive»
	Err  error  // the OS error, or nil when What says it all
}

func (e *Error) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("%s: %s", e.Path, e.What)
	}
	return fmt.Sprintf("%s: %s: %s", e.Path, e.What, Reason(e.Err))
}

func (e *Error) Unwrap() error { return e.Err }

// staging and retired are the sibling folders of a run; their names are
// the tool's own, so leftovers of an interrupted run can be removed.
func siblings(dir string) (staging, retired string) {
	parent, base := filepath.Split(dir)
	return filepath.Join(parent, "."+base+".samarbeid-ny"), filepath.Join(parent, "."+base+".samarbeid-gammel")
}

// Write makes dir hold exactly files plus what the folder held that the
// tool did not write. Files of the previous bundle that the new one does
// not have are removed when they are unchanged since the tool wrote them.
func Write(dir string, files []File, opt Options) (Result, error) {
	dir, err := target(dir)
	if err != nil {
		return Result{}, err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return Result{}, &Error{parent, "kan ikke lage mappen", err}
	}
	unlock, err := lock(parent, dir, opt)
	if err != nil {
		return Result{}, err
	}
	defer unlock()
	opt.at("låst")
	staging, retired := siblings(dir)
	if err := recoverInterrupted(dir, staging, retired); err != nil {
		return Result{}, err
	}
	opt.at("ryddet")
	w := &writer{dir: dir, staging: staging, opt: opt, files: map[string]bool{}, dirs: map[string]bool{".": true}}
	res, err := w.build(files)
	if err != nil {
		os.RemoveAll(staging)
		return Result{}, err
	}
	opt.at("klar")
	if err := swap(dir, staging, retired, w.oldExists); err != nil {
		os.RemoveAll(staging)
		return Result{}, err
	}
	opt.at("byttet")
	syncDir(parent)
	os.RemoveAll(staging) // the previous bundle, after an exchange
	opt.at("ferdig")
	return res, nil
}

func (o Options) at(what string) {
	if o.step != nil {
		o.step(what)
	}
}

// target is the folder to replace. A symbolic link named on the command
// line is followed: the user chose it; links inside the folder never are.
func target(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", &Error{dir, "kan ikke finne mappen", err}
	}
	if info, err := os.Lstat(abs); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return "", &Error{dir, "er en symbolsk lenke som ikke fører til en mappe", err}
		}
		abs = real
	}
	if filepath.Dir(abs) == abs {
		return "", &Error{dir, "er rotmappen; velg en egen mappe for pakken, for eksempel -o ut", nil}
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(abs, wd); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", &Error{dir, "er mappen du står i (eller en mappe over den), og hele mappen byttes ut; velg en undermappe, for eksempel -o ut", nil}
		}
	}
	return abs, nil
}

// recoverInterrupted undoes what an interrupted run left: a half-written
// staging folder, or the previous bundle moved aside when the run stopped
// between the two renames of the fallback switch.
func recoverInterrupted(dir, staging, retired string) error {
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if _, err := os.Lstat(retired); err == nil {
			if err := os.Rename(retired, dir); err != nil {
				return &Error{retired, "kan ikke sette tilbake pakken fra en avbrutt kjøring", err}
			}
		}
	}
	for _, p := range []string{staging, retired} {
		if err := os.RemoveAll(p); err != nil {
			return &Error{p, "kan ikke rydde bort rester etter en avbrutt kjøring", err}
		}
	}
	return nil
}

// swap puts staging in the place of dir.
func swap(dir, staging, retired string, oldExists bool) error {
	if !oldExists {
		if err := os.Rename(staging, dir); err != nil {
			return &Error{dir, "kan ikke lage mappen", err}
		}
		return nil
	}
	if err := exchange(staging, dir); err == nil {
		return nil
	}
	// No atomic exchange on this system: two renames. An interruption
	// between them is repaired by the next run (recoverInterrupted).
	if err := os.Rename(dir, retired); err != nil {
		return &Error{dir, "kan ikke bytte ut mappen", err}
	}
	if err := os.Rename(staging, dir); err != nil {
		os.Rename(retired, dir)
		return &Error{dir, "kan ikke bytte ut mappen", err}
	}
	os.RemoveAll(retired)
	return nil
}

// writer builds the new bundle in the staging folder.
type writer struct {
	dir, staging string
	opt          Options
	oldExists    bool
	files        map[string]bool // the new bundle's paths
	dirs         map[string]bool // folders the new bundle needs
	manifest     map[string]string
	modes        []dirMode
	unsynced     []openFile // written, not yet flushed to disk
}

// openFile is a file of the bundle written and still open, to be flushed.
type openFile struct {
	rel string
	f   *os.File
}

// maxUnsynced bounds the files open at once while their flush waits
// (macOS allows a process 256 by default).
const maxUnsynced = 32

type dirMode struct {
	path string
	mode fs.FileMode
}

func (w *writer) build(files []File) (Result, error) {
	defer w.closeUnsynced()
	info, err := os.Lstat(w.dir)
	switch {
	case err == nil && !info.IsDir():
		return Result{}, &Error{w.dir, "finnes og er ikke en mappe; velg en annen mappe for pakken", nil}
	case err == nil:
		w.oldExists = true
		w.manifest = readManifest(filepath.Join(w.dir, Manifest))
	case !errors.Is(err, fs.ErrNotExist):
		return Result{}, &Error{w.dir, "kan ikke lese mappen", err}
	}
	for _, f := range files {
		if !fs.ValidPath(f.Path) || f.Path == "." || f.Path == Manifest {
			return Result{}, fmt.Errorf("outdir: bad path %q", f.Path)
		}
		w.files[f.Path] = true
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			w.dirs[d] = true
		}
	}
	if err := w.mkdir("."); err != nil {
		return Result{}, err
	}
	var sums strings.Builder
	for _, f := range files {
		if err := w.checkOld(f.Path); err != nil {
			return Result{}, err
		}
		if err := w.mkdir(path.Dir(f.Path)); err != nil {
			return Result{}, err
		}
		sum := sha256.Sum256(f.Data)
		hexSum := hex.EncodeToString(sum[:])
		mode := fs.FileMode(0o666) // less the umask
		keep := false
		if info, err := os.Lstat(w.old(f.Path)); err == nil && info.Mode().IsRegular() {
			mode, keep = info.Mode().Perm(), true
		}
		if !keep || w.manifest[f.Path] != hexSum || !w.reuse(f.Path, f.Data) {
			if err := w.writeFile(f.Path, f.Data, mode, keep); err != nil {
				return Result{}, err
			}
		}
		fmt.Fprintf(&sums, "%s  %s\n", hexSum, f.Path)
		w.opt.at("skrev " + f.Path)
	}
	var res Result
	if w.oldExists {
		if err := w.carry(".", &res); err != nil {
			return Result{}, err
		}
	}
	if !w.oldExists || !w.reuse(Manifest, []byte(sums.String())) {
		if err := w.writeFile(Manifest, []byte(sums.String()), 0o666, false); err != nil {
			return Result{}, err
		}
	}
	if err := w.flush(); err != nil {
		return Result{}, err
	}
	// Folder modes last, deepest first, so a read-only folder is filled
	// before it becomes read-only.
	for i := len(w.modes) - 1; i >= 0; i-- {
		if err := os.Chmod(w.new(w.modes[i].path), w.modes[i].mode); err != nil {
			return Result{}, &Error{w.show(w.modes[i].path), "kan ikke sette tilgangen til mappen", err}
		}
	}
	syncDir(w.staging)
	return res, nil
}

// reuse puts the old bundle's file rel into the new bundle as a hard link
// when it is a plain file that holds exactly data. Callers make sure the
// tool wrote those bytes (the old manifest has their sum; the manifest is
// the tool's own), so the run that wrote them flushed them to disk: the
// file is neither written nor flushed again, and removing the old bundle
// only drops a name. Regenerating gives most files the same bytes.
func (w *writer) reuse(rel string, data []byte) bool {
	info, err := os.Lstat(w.old(rel))
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(w.old(rel))
	if err != nil || !bytes.Equal(old, data) {
		return false
	}
	return os.Link(w.old(rel), w.new(rel)) == nil
}

func (w *writer) old(rel string) string { return filepath.Join(w.dir, filepath.FromSlash(rel)) }
func (w *writer) new(rel string) string { return filepath.Join(w.staging, filepath.FromSlash(rel)) }

// show is the path a message names: where the user will look.
func (w *writer) show(rel string) string { return w.old(rel) }

// checkOld refuses to put a file where the folder has a link to a folder
// or something else than a folder on the way to it.
func (w *writer) checkOld(rel string) error {
	if !w.oldExists {
		return nil
	}
	var parts []string
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		parts = append(parts, d)
	}
	slices.Reverse(parts)
	for _, d := range parts {
		info, err := os.Lstat(w.old(d))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return &Error{w.show(d), "kan ikke lese mappen", err}
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			to, _ := os.Readlink(w.old(d))
			return &Error{w.show(d), fmt.Sprintf("er en symbolsk lenke (til %s), og samarbeid skriver ikke gjennom lenker; slett lenken, så lager samarbeid mappen, eller velg en annen mappe med -o", to), nil}
		}
		if !info.IsDir() {
			return &Error{w.show(d), "er en fil, men pakken trenger en mappe med dette navnet; gi filen et annet navn eller velg en annen mappe med -o", nil}
		}
	}
	if info, err := os.Lstat(w.old(rel)); err == nil && info.IsDir() {
		return &Error{w.show(rel), "er en mappe, men pakken skriver en fil med dette navnet; gi mappen et annet navn eller velg en annen mappe med -o", nil}
	}
	return nil
}

// mkdir makes a folder of the new bundle, with the mode of the old one.
func (w *writer) mkdir(rel string) error {
	if _, err := os.Lstat(w.new(rel)); err == nil {
		return nil
	}
	if rel != "." {
		if err := w.mkdir(path.Dir(rel)); err != nil {
			return err
		}
	}
	if err := os.Mkdir(w.new(rel), 0o777); err != nil {
		if rel == "." {
			return &Error{filepath.Dir(w.dir), "kan ikke lage en ny mappe her", err}
		}
		return &Error{w.show(rel), "kan ikke lage mappen", err}
	}
	if info, err := os.Lstat(w.old(rel)); err == nil && info.IsDir() && w.oldExists {
		w.modes = append(w.modes, dirMode{rel, info.Mode().Perm()})
	}
	return nil
}

// writeFile writes a new file of the bundle. It is flushed to disk with
// others (flush) before the folder is switched in: flushing files side by
// side takes the disk a fraction of the time of one after another, which
// was most of writing the agreement alone.
func (w *writer) writeFile(rel string, data []byte, mode fs.FileMode, exact bool) error {
	f, err := writeNew(w.new(rel), data, mode, exact)
	if err != nil {
		return &Error{w.show(rel), "kan ikke skrive", err}
	}
	w.unsynced = append(w.unsynced, openFile{rel, f})
	if len(w.unsynced) >= maxUnsynced {
		return w.flush()
	}
	return nil
}

// flush flushes the files written since the last flush to disk, side by
// side, and closes them; the error is that of the first file that failed,
// in the order they were written.
func (w *writer) flush() error {
	errs := make([]error, len(w.unsynced))
	var wg sync.WaitGroup
	for i, o := range w.unsynced {
		wg.Go(func() {
			errs[i] = o.f.Sync()
			if err := o.f.Close(); errs[i] == nil {
				errs[i] = err
			}
		})
	}
	wg.Wait()
	pending := w.unsynced
	w.unsynced = nil
	for i, err := range errs {
		if err != nil {
			return &Error{w.show(pending[i].rel), "kan ikke skrive", err}
		}
	}
	return nil
}

// closeUnsynced closes what a failed build left open, so the staging
// folder can be removed (Windows cannot remove an open file).
func (w *writer) closeUnsynced() {
	for _, o := range w.unsynced {
		o.f.Close()
	}
	w.unsynced = nil
}

// createFile writes a new file and flushes it to disk. The mode is that of
// a new file (less the umask) unless exact.
func createFile(name string, data []byte, mode fs.FileMode, exact bool) error {
	f, err := writeNew(name, data, mode, exact)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeNew creates a new file and writes data into it, leaving it open;
// on error it is closed.
func writeNew(name string, data []byte, mode fs.FileMode, exact bool) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		return nil, err
	}
	_, err = f.Write(data)
	if err == nil && exact {
		err = f.Chmod(mode)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// leftoverTemp matches the temporary files that versions before the folder
// switch left behind when interrupted.
var leftoverTemp = regexp.MustCompile(`^\..+\.[0-9]+\.tmp$`)

// carry brings what the old folder rel holds and the new bundle does not
// replace into the staging folder, as hard links (or copies) so that
// nothing is lost whenever the run stops.
func (w *writer) carry(rel string, res *Result) error {
	entries, err := os.ReadDir(w.old(rel))
	if err != nil {
		return &Error{w.show(rel), "kan ikke lese mappen", err}
	}
	for _, e := range entries {
		p := path.Join(rel, e.Name())
		switch {
		case p == Manifest || leftoverTemp.MatchString(e.Name()):
			continue
		case w.files[p]:
			continue // replaced by the new bundle
		case e.IsDir():
			if err := w.carry(p, res); err != nil {
				return err
			}
			if _, err := os.Lstat(w.new(p)); err != nil && !w.madeByTool(p) {
				if err := w.mkdir(p); err != nil { // the user's own, empty folder
					return err
				}
			}
			continue
		}
		if sum, ok := w.manifest[p]; ok {
			if e.Type().IsRegular() && fileSum(w.old(p)) == sum {
				res.Removed = append(res.Removed, p)
				continue
			}
			res.Kept = append(res.Kept, p)
		}
		if err := w.mkdir(rel); err != nil {
			return err
		}
		if err := w.link(p, e.Type()); err != nil {
			return err
		}
	}
	return nil
}

// madeByTool tells whether the folder rel held files the tool wrote.
func (w *writer) madeByTool(rel string) bool {
	for p := range w.manifest {
		if strings.HasPrefix(p, rel+"/") {
			return true
		}
	}
	return false
}

func (w *writer) link(rel string, typ fs.FileMode) error {
	from, to := w.old(rel), w.new(rel)
	switch {
	case typ&fs.ModeSymlink != 0:
		dest, err := os.Readlink(from)
		if err == nil {
			err = os.Symlink(dest, to)
		}
		if err != nil {
			return &Error{w.show(rel), "kan ikke ta vare på lenken", err}
		}
		return nil
	case typ.IsRegular():
		if err := os.Link(from, to); err == nil {
			return nil
		}
		if err := copyFile(from, to); err != nil {
			return &Error{w.show(rel), "kan ikke ta vare på filen", err}
		}
		return nil
	}
	return &Error{w.show(rel), "er en spesialfil som samarbeid ikke kan flytte med; flytt den ut av mappen", nil}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Chmod(info.Mode().Perm())
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

func readManifest(name string) map[string]string {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, p, ok := strings.Cut(sc.Text(), "  ")
		if ok && len(sum) == 64 && fs.ValidPath(p) {
			out[p] = sum
		}
	}
	return out
}

func fileSum(name string) string {
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

func syncDir(name string) {
	if d, err := os.Open(name); err == nil {
		d.Sync()
		d.Close()
	}
}
