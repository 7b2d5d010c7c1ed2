//go:build linux

package main

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run the command in a child process it can kill:
// SAMARBEID_CHILD holds the arguments, separated by newlines.
func TestMain(m *testing.M) {
	if args := os.Getenv("SAMARBEID_CHILD"); args != "" {
		if limit, err := strconv.ParseUint(os.Getenv("SAMARBEID_FSIZE"), 10, 64); err == nil {
			// Files may not grow past limit bytes: a disk that fills up.
			syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit})
		}
		os.Exit(run(context.Background(), strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func childCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "SAMARBEID_CHILD="+strings.Join(args, "\n"))
	return cmd
}

const andoy = "../../samples/andoy.yaml"

// TestKilledGenerateLeavesOneBundle kills a real generate run at points
// spread over its whole run, write phase included: the folder holds the
// old bundle or the new one, complete, every time.
func TestKilledGenerateLeavesOneBundle(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	root := t.TempDir()
	old := generateInto(t, andoy, filepath.Join(root, "andoy"))
	new := generateInto(t, kristiansand, filepath.Join(root, "kristiansand"))
	start := time.Now()
	if err := childCommand("generate", kristiansand, "-o", filepath.Join(root, "tid")).Run(); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	const tries = 8
	mixes := 0
	for i := range tries {
		dir := filepath.Join(root, "ut")
		os.RemoveAll(dir)
		for p, content := range old {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
			os.WriteFile(filepath.Join(dir, p), []byte(content), 0o644)
		}
		cmd := childCommand("generate", kristiansand, "-o", dir)
		cmd.Stderr = nil
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// From half the run (generation) to past its end (writing).
		time.Sleep(took/2 + took*time.Duration(i)/tries*3/4)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := files(t, dir)
		delete(got, ".samarbeid-filer.sha256")
		if !maps.Equal(got, without(old)) && !maps.Equal(got, without(new)) {
			mixes++
			t.Errorf("try %d: neither the old nor the new bundle: %v", i, slices.Sorted(maps.Keys(got)))
		}
	}
	t.Logf("one run takes %v; %d kills, %d mixes", took, tries, mixes)
}

func TestGenerateRemovesWhatTheBundleNoLongerHas(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ut")
	generateInto(t, kristiansand, dir)
	os.WriteFile(filepath.Join(dir, "mine-notater.txt"), []byte("mine"), 0o644)
	data, _ := os.ReadFile(kristiansand)
	renamed := filepath.Join(root, "avtale.yaml")
	text := strings.ReplaceAll(string(data), "programradgiver", "programveileder")
	if text == string(data) {
		t.Fatal("the sample has no role «programradgiver»")
	}
	os.WriteFile(renamed, []byte(text), 0o644)
	code, out, errOut := call(t, "generate", renamed, "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Fjernet "+filepath.Join(dir, "rutiner", "programradgiver.pdf")+", som ikke lenger hører til pakken.") {
		t.Errorf("stdout does not say what was removed:\n%s", out)
	}
	got := files(t, dir)
	if _, ok := got["rutiner/programradgiver.md"]; ok {
		t.Error("the renamed role's old routine sheet is still there")
	}
	if _, ok := got["rutiner/programveileder.md"]; !ok {
		t.Error("the renamed role has no routine sheet")
	}
	if got["mine-notater.txt"] != "mine" {
		t.Error("the user's own file is gone")
	}
}

func TestTemplatesMustBeAFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "finnes-ikke")
	for _, cmd := range []string{"generate", "check"} {
		code, _, errOut := call(t, cmd, kristiansand, "--templates", missing)
		if code != exitBad || !strings.Contains(errOut, "--templates "+missing+": finnes ikke") {
			t.Errorf("%s: exit %d: %s", cmd, code, errOut)
		}
	}
}

func TestGenerateRefusesALinkedSubfolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ut")
	generateInto(t, andoy, dir)
	elsewhere := filepath.Join(root, "delt")
	os.Mkdir(elsewhere, 0o755)
	os.RemoveAll(filepath.Join(dir, "rutiner"))
	os.Symlink(elsewhere, filepath.Join(dir, "rutiner"))
	code, _, errOut := call(t, "generate", andoy, "-o", dir)
	if code != exitBad || !strings.Contains(errOut, filepath.Join(dir, "rutiner")+": er en symbolsk lenke") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) > 0 {
		t.Errorf("wrote through the link: %d files", len(entries))
	}
}

// TestLimits: a file over the size limit, or /dev/zero, is refused with
// the limit named, without being read to the end.
func TestLimits(t *testing.T) {
	huge := filepath.Join(t.TempDir(), "stor.yaml")
	os.WriteFile(huge, []byte("title: "+strings.Repeat("a", 2<<20)+"\n"), 0o644)
	for _, name := range []string{huge, "/dev/zero"} {
		code, _, errOut := call(t, "check", name)
		if code != exitBad || !strings.Contains(errOut, "filen er større enn 1024 kB, grensen for en avtalefil") {
			t.Errorf("%s: exit %d: %s", name, code, errOut)
		}
	}
	// Many roles times a long text would make thousands of pages.
	data, _ := os.ReadFile(andoy)
	text := string(data) + "clauses:\n"
	for range 30 {
		text += "  - title: Lang\n    text: [\"" + strings.Repeat("Lang tekst om samarbeid. ", 190) + "\"]\n"
	}
	big := filepath.Join(t.TempDir(), "mange.yaml")
	os.WriteFile(big, []byte(strings.Repeat("# fyll\n", 80000)+text), 0o644)
	for _, cmd := range []string{"check", "generate"} {
		code, _, errOut := call(t, cmd, big, "-o", filepath.Join(t.TempDir(), "ut"))
		if cmd == "check" {
			code, _, errOut = call(t, cmd, big)
		}
		if code != exitBad || !strings.Contains(errOut, "mange.yaml:1:1: filen er ") || !strings.Contains(errOut, "mer enn en pakke kan ha (10 MB tekst til sammen)") {
			t.Errorf("%s: exit %d: %s", cmd, code, errOut)
		}
	}
}

// TestOddFileNames: an emoji or a byte that is not UTF-8 in the file's
// name does not stop generate, and never reaches the terminal raw.
func TestOddFileNames(t *testing.T) {
	data, err := os.ReadFile(andoy)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"avtale 😀.yaml", "avt\xe6le.yaml", "av\x1b[2Jtale.yaml"} {
		in := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(in, data, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := call(t, "generate", in, "-o", filepath.Join(t.TempDir(), "ut"))
		if code != exitOK {
			t.Errorf("%q: exit %d: %s", name, code, errOut)
		}
		if strings.Contains(out+errOut, "\x1b") {
			t.Errorf("%q: an escape reached the terminal: %q", name, out+errOut)
		}
	}
	_, _, errOut := call(t, "\x1b]0;tittel\x07")
	if strings.ContainsAny(errOut, "\x1b\x07") || !strings.Contains(errOut, `ukjent kommando «\x1b]0;tittel\x07»`) {
		t.Errorf("unknown command: %q", errOut)
	}
}

// TestDiskFullLeavesTheOldBundle: when writing fails halfway (here a file
// size limit, as a full disk), generate exits 2 with a Norwegian message
// naming the file, and the folder holds the old bundle, untouched.
func TestDiskFullLeavesTheOldBundle(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ut")
	old := generateInto(t, andoy, dir)
	cmd := childCommand("generate", kristiansand, "-o", dir)
	cmd.Env = append(cmd.Env, "SAMARBEID_FSIZE=40000")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitBad {
		t.Fatalf("exit %d (%v): %s", code, err, stderr.String())
	}
	if !regexp.MustCompile(`samarbeid generate: ` + regexp.QuoteMeta(dir) + `/\S+: kan ikke skrive: filen blir større enn det er plass til`).MatchString(stderr.String()) {
		t.Errorf("stderr: %s", stderr.String())
	}
	if got := files(t, dir); !maps.Equal(got, old) {
		t.Errorf("the old bundle changed: %v", slices.Sorted(maps.Keys(got)))
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("left beside the folder: %v", entries)
	}
}

// TestConcurrentGenerates: three generate runs into one folder at once
// all succeed, and the folder ends with one of their bundles, complete.
func TestConcurrentGenerates(t *testing.T) {
	root := t.TempDir()
	want := map[string]map[string]string{}
	samples := []string{kristiansand, andoy, "../../samples/afjord.yaml"}
	for _, s := range samples {
		want[s] = without(generateInto(t, s, filepath.Join(root, filepath.Base(s))))
	}
	dir := filepath.Join(root, "ut")
	var cmds []*exec.Cmd
	for _, s := range samples {
		cmd := childCommand("generate", s, "-o", dir)
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
	got := without(files(t, dir))
	for _, w := range want {
		if maps.Equal(got, w) {
			return
		}
	}
	t.Errorf("not one complete bundle: %v", slices.Sorted(maps.Keys(got)))
}
