//go:build linux

package outdir

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the kill and concurrency tests run Write in a child
// process: OUTDIR_CHILD=dir,bundle,killAt.
func TestMain(m *testing.M) {
	if spec := os.Getenv("OUTDIR_CHILD"); spec != "" {
		os.Exit(child(spec))
	}
	os.Exit(m.Run())
}

func child(spec string) int {
	parts := strings.Split(spec, ",")
	n, _ := strconv.Atoi(parts[1])
	killAt, _ := strconv.Atoi(parts[2])
	steps := 0
	opt := Options{Wait: time.Minute, step: func(string) {
		if steps == killAt {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
		steps++
	}}
	if _, err := Write(parts[0], bundle(n), opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// bundle is test bundle number n: the same paths mostly, different
// content, and one file only some bundles have. Bundle 10 is bundle 0 with
// a new agreement: the rest is unchanged, as when a file is regenerated
// after one edit.
func bundle(n int) []File {
	if n == 10 {
		files := bundle(0)
		for i, f := range bundle(1) {
			if f.Path == "samarbeidsavtale.pdf" {
				files[i] = f
			}
		}
		return files
	}
	var files []File
	add := func(p string, size int) {
		files = append(files, File{p, []byte(strings.Repeat(fmt.Sprintf("%s %d\n", p, n), size))})
	}
	add("samarbeidsavtale.md", 200)
	add("samarbeidsavtale.pdf", 3000)
	for i := range 4 {
		add(fmt.Sprintf("rutiner/rolle%d.md", i), 50)
		add(fmt.Sprintf("rutiner/rolle%d.pdf", i), 500)
	}
	add(fmt.Sprintf("sjekklister/mote%d.md", n%3), 40)
	add("arshjul.ics", 100)
	return files
}

// tree lists the regular files under dir with their content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func asTree(files []File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return out
}

func write(t *testing.T, dir string, files []File) Result {
	t.Helper()
	res, err := Write(dir, files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// withoutManifest drops the manifest and the given extra paths.
func withoutManifest(m map[string]string, extra ...string) map[string]string {
	out := maps.Clone(m)
	delete(out, Manifest)
	for _, p := range extra {
		delete(out, p)
	}
	return out
}

func TestWriteReplacesTheBundleAndKeepsTheUsersFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	write(t, dir, bundle(0))
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, asTree(bundle(0))) {
		t.Fatalf("first bundle: %v", slices.Sorted(maps.Keys(got)))
	}
	manifest, _ := os.ReadFile(filepath.Join(dir, Manifest))
	if !strings.Contains(string(manifest), "  rutiner/rolle0.pdf\n") {
		t.Errorf("manifest:\n%s", manifest)
	}
	// The user's own files, and a tool file the user changed.
	mustWrite(t, filepath.Join(dir, "notater.txt"), "mine notater")
	mustWrite(t, filepath.Join(dir, "arkiv", "2025", "gammel.pdf"), "arkiv")
	mustWrite(t, filepath.Join(dir, "rutiner", "egen.md"), "egen rutine")
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "lenke")); err != nil {
		t.Fatal(err)
	}
	res := write(t, dir, bundle(1)) // drops sjekklister/mote0.md, adds mote1.md
	want := asTree(bundle(1))
	want["notater.txt"] = "mine notater"
	want["arkiv/2025/gammel.pdf"] = "arkiv"
	want["rutiner/egen.md"] = "egen rutine"
	got := withoutManifest(tree(t, dir), "lenke")
	if !maps.Equal(got, want) {
		t.Errorf("after the second run: %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	if to, err := os.Readlink(filepath.Join(dir, "lenke")); err != nil || to != "/etc/hostname" {
		t.Errorf("the user's link: %q, %v", to, err)
	}
	if !slices.Equal(res.Removed, []string{"sjekklister/mote0.md"}) || len(res.Kept) != 0 {
		t.Errorf("result %+v", res)
	}
	// A file the tool wrote and the user then changed is kept, and said so.
	mustWrite(t, filepath.Join(dir, "sjekklister", "mote1.md"), "endret av brukeren")
	res = write(t, dir, bundle(0))
	if !slices.Equal(res.Kept, []string{"sjekklister/mote1.md"}) {
		t.Errorf("result %+v", res)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "sjekklister", "mote1.md")); string(data) != "endret av brukeren" {
		t.Errorf("changed file: %q", data)
	}
	assertNoSiblings(t, dir)
}

func mustWrite(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertNoSiblings: nothing but the folder is left beside it.
func assertNoSiblings(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) {
			t.Errorf("left beside the folder: %s", e.Name())
		}
	}
}

func TestWriteNeverFollowsALinkOutOfTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ut")
	elsewhere := filepath.Join(root, "andre")
	mustWrite(t, filepath.Join(elsewhere, "rolle0.md"), "ikke din")
	mustWrite(t, filepath.Join(dir, "x"), "")
	if err := os.Symlink(elsewhere, filepath.Join(dir, "rutiner")); err != nil {
		t.Fatal(err)
	}
	_, err := Write(dir, bundle(0), Options{})
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "rutiner")+": er en symbolsk lenke") {
		t.Fatalf("error: %v", err)
	}
	if got := tree(t, elsewhere); !maps.Equal(got, map[string]string{"rolle0.md": "ikke din"}) {
		t.Errorf("the linked folder changed: %v", got)
	}
	// A link where the bundle has a file is replaced, not written through.
	os.Remove(filepath.Join(dir, "rutiner"))
	secret := filepath.Join(elsewhere, "hemmelig")
	mustWrite(t, secret, "uendret")
	if err := os.Symlink(secret, filepath.Join(dir, "arshjul.ics")); err != nil {
		t.Fatal(err)
	}
	write(t, dir, bundle(0))
	if data, _ := os.ReadFile(secret); string(data) != "uendret" {
		t.Errorf("written through the link: %q", data)
	}
	if info, _ := os.Lstat(filepath.Join(dir, "arshjul.ics")); !info.Mode().IsRegular() {
		t.Errorf("arshjul.ics is %v", info.Mode())
	}
}

func TestWriteRespectsUmaskAndKeepsModes(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "ut")
	write(t, dir, bundle(0))
	mode := func(rel string) fs.FileMode {
		info, err := os.Stat(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		return info.Mode().Perm()
	}
	if m := mode("samarbeidsavtale.pdf"); m != 0o640 {
		t.Errorf("new file: %v, want 0640 under umask 027", m)
	}
	if m := mode("rutiner"); m != 0o750 {
		t.Errorf("new folder: %v, want 0750", m)
	}
	os.Chmod(filepath.Join(dir, "samarbeidsavtale.pdf"), 0o600)
	os.Chmod(filepath.Join(dir, "rutiner"), 0o700)
	os.Chmod(dir, 0o711)
	write(t, dir, bundle(1))
	if m := mode("samarbeidsavtale.pdf"); m != 0o600 {
		t.Errorf("existing file: %v, want its 0600 kept", m)
	}
	if m := mode("rutiner"); m != 0o700 {
		t.Errorf("existing folder: %v, want 0700 kept", m)
	}
	if m := mode("."); m != 0o711 {
		t.Errorf("the folder: %v, want 0711 kept", m)
	}
}

func TestWriteCleansLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	write(t, dir, bundle(0))
	staging, retired := siblings(dir)
	mustWrite(t, filepath.Join(staging, "samarbeidsavtale.md"), "halv")
	mustWrite(t, filepath.Join(dir, ".samarbeidsavtale.pdf.123456.tmp"), "halv")
	mustWrite(t, filepath.Join(dir, "rutiner", ".rolle0.md.99.tmp"), "halv")
	write(t, dir, bundle(1))
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, asTree(bundle(1))) {
		t.Errorf("after cleaning: %v", slices.Sorted(maps.Keys(got)))
	}
	assertNoSiblings(t, dir)

	// Stopped between the two renames of the fallback: the folder is
	// gone and the previous bundle stands aside; it is put back.
	if err := os.Rename(dir, retired); err != nil {
		t.Fatal(err)
	}
	write(t, dir, bundle(2))
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, asTree(bundle(2))) {
		t.Errorf("after recovery: %v", slices.Sorted(maps.Keys(got)))
	}
	assertNoSiblings(t, dir)
}

func TestWriteRefusesConfusingTargets(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "fil")
	mustWrite(t, file, "x")
	wd, _ := os.Getwd()
	for _, c := range []struct{ dir, want string }{
		{file, "finnes og er ikke en mappe"},
		{wd, "er mappen du står i"},
		{filepath.Dir(wd), "er mappen du står i"},
		{"/", "er rotmappen"},
	} {
		_, err := Write(c.dir, bundle(0), Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.dir, err, c.want)
		}
	}
}

func TestReasonIsNorwegian(t *testing.T) {
	for err, want := range map[error]string{
		syscall.ENOSPC: "disken er full",
		&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}: "mangler tilgang",
		syscall.EROFS: "skrivebeskyttet",
	} {
		if got := Reason(err); !strings.Contains(got, want) {
			t.Errorf("%v: %q", err, got)
		}
	}
	e := &Error{"/tmp/ut/rutiner", "kan ikke skrive", syscall.ENOSPC}
	if got := e.Error(); got != "/tmp/ut/rutiner: kan ikke skrive: disken er full; frigjør plass og prøv igjen" {
		t.Errorf("%q", got)
	}
}

// TestKillAtEveryStep kills a writing process at every point of the write
// phase; the folder holds the old bundle or the new one, complete, and
// the user's file, every time, and the next run cleans up.
func TestKillAtEveryStep(t *testing.T) {
	// Bundle 1 changes every file; bundle 10 only one, so the others are
	// taken over from the old bundle.
	for _, next := range []int{1, 10} {
		t.Run(fmt.Sprint("bundle", next), func(t *testing.T) { killAtEveryStep(t, next) })
	}
}

func killAtEveryStep(t *testing.T, next int) {
	steps := 0
	probe := filepath.Join(t.TempDir(), "ut")
	write(t, probe, bundle(0))
	if _, err := Write(probe, bundle(next), Options{step: func(string) { steps++ }}); err != nil {
		t.Fatal(err)
	}
	if steps < 10 {
		t.Fatalf("only %d steps", steps)
	}
	old, new := asTree(bundle(0)), asTree(bundle(next))
	for _, m := range []map[string]string{old, new} {
		m["notater.txt"] = "mine"
	}
	for n := range steps + 1 {
		dir := filepath.Join(t.TempDir(), "ut")
		write(t, dir, bundle(0))
		mustWrite(t, filepath.Join(dir, "notater.txt"), "mine")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("OUTDIR_CHILD=%s,%d,%d", dir, next, n))
		err := cmd.Run()
		killed := err != nil && strings.Contains(err.Error(), "killed")
		if n < steps && !killed {
			t.Fatalf("step %d: child not killed: %v", n, err)
		}
		got := withoutManifest(tree(t, dir))
		if !maps.Equal(got, old) && !maps.Equal(got, new) {
			t.Fatalf("killed at step %d: a mix: %v", n, slices.Sorted(maps.Keys(got)))
		}
		write(t, dir, bundle(2))
		assertNoSiblings(t, dir)
	}
	t.Logf("killed at each of %d steps", steps)
}

// TestWriteReusesUnchangedFiles: a file the tool wrote before with the same
// bytes is taken over as it is (the same file, not written again); a
// changed file, or one with the same bytes that the tool did not write, is
// written anew.
func TestWriteReusesUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	write(t, dir, bundle(0))
	// The user's own file, with the bytes the bundle is about to bring.
	arshjul := string(bundle(0)[len(bundle(0))-1].Data)
	mustWrite(t, filepath.Join(dir, "egen.ics"), arshjul)
	before := map[string]os.FileInfo{}
	for p := range tree(t, dir) {
		before[p] = stat(t, filepath.Join(dir, p))
	}
	next := append(bundle(10), File{"egen.ics", []byte(arshjul)})
	write(t, dir, next)
	want := asTree(next)
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, want) {
		t.Fatalf("the folder holds %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for p := range want {
		same := os.SameFile(before[p], stat(t, filepath.Join(dir, p)))
		if reused := p != "samarbeidsavtale.pdf" && p != "egen.ics"; same != reused {
			t.Errorf("%s: the same file as before: %v, want %v", p, same, reused)
		}
	}
	// Written again unchanged, every file is taken over, the manifest too.
	again := map[string]os.FileInfo{}
	for p := range tree(t, dir) {
		again[p] = stat(t, filepath.Join(dir, p))
	}
	write(t, dir, next)
	for p, info := range again {
		if !os.SameFile(info, stat(t, filepath.Join(dir, p))) {
			t.Errorf("%s was written again, unchanged", p)
		}
	}
}

func stat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestConcurrentRunsTakeTurns: several runs into one folder at once all
// succeed, and the folder ends with exactly one of their bundles.
func TestConcurrentRunsTakeTurns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	var cmds []*exec.Cmd
	for i := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("OUTDIR_CHILD=%s,%d,-1", dir, i))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	got := withoutManifest(tree(t, dir))
	found := false
	for i := range 4 {
		found = found || maps.Equal(got, asTree(bundle(i)))
	}
	if !found {
		t.Errorf("not one complete bundle: %v", slices.Sorted(maps.Keys(got)))
	}
	assertNoSiblings(t, dir)
}

func TestWriteWaitsThenRefuses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	hold := make(chan struct{})
	released := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		Write(dir, bundle(0), Options{step: func(what string) {
			if what == "låst" {
				close(hold)
				<-released
			}
		}})
	}()
	<-hold
	waited := false
	_, err := Write(dir, bundle(1), Options{Wait: 200 * time.Millisecond, Waiting: func() { waited = true }})
	close(released)
	<-done
	if !waited || err == nil || !strings.Contains(err.Error(), "en annen «samarbeid generate» skriver hit") {
		t.Errorf("waited %v, error %v", waited, err)
	}
}

// TestWriteLeavesNoFileOpen: a bundle of more files than are flushed at
// once is written whole, and neither it nor a write that fails half-way
// (a folder of the old bundle where the new one has a file) leaves a file
// open.
func TestWriteLeavesNoFileOpen(t *testing.T) {
	if _, err := os.ReadDir("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd to count open files")
	}
	open := func() int {
		fds, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Fatal(err)
		}
		return len(fds)
	}
	var files []File
	for i := range 3*maxUnsynced + 5 {
		files = append(files, File{Path: fmt.Sprintf("rutiner/rolle%03d.md", i), Data: []byte(strings.Repeat("x", i))})
	}
	dir := filepath.Join(t.TempDir(), "ut")
	before := open()
	write(t, dir, files)
	if got := withoutManifest(tree(t, dir)); !maps.Equal(got, asTree(files)) {
		t.Fatalf("%d files written of %d", len(got), len(files))
	}
	if after := open(); after != before {
		t.Errorf("%d files open before Write, %d after", before, after)
	}
	// rutiner/rolle050.md is now a folder of the user's
	if err := os.Remove(filepath.Join(dir, "rutiner", "rolle050.md")); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "rutiner", "rolle050.md", "egen.txt"), "min")
	if _, err := Write(dir, files, Options{}); err == nil {
		t.Fatal("a file over the user's folder was written")
	}
	if after := open(); after != before {
		t.Errorf("%d files open before the failed Write, %d after", before, after)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "rutiner", "rolle050.md", "egen.txt")); err != nil || string(got) != "min" {
		t.Errorf("the user's file: %q, %v", got, err)
	}
}
