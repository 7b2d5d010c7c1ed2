package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestStarterSaysDraft: check and generate on the untouched starter file
// say «utkast» and why, with positions; generate ends with the content
// check's summary line and the count of warnings.
func TestStarterSaysDraft(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "avtale.yaml")
	if code, _, errOut := call(t, "init", "-o", name); code != exitOK {
		t.Fatal(errOut)
	}
	reason := name + ":135:11: utkast: «Navn Navnesen» er eksempelverdien fra startfilen"
	code, out, errOut := call(t, "check", name)
	if code != exitOK || !strings.Contains(out, "Dokumentene er et utkast") || !strings.Contains(out, reason) {
		t.Errorf("check: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	code, out, errOut = call(t, "generate", name, "-o", filepath.Join(dir, "ut"))
	if code != exitOK || !strings.Contains(out, reason) {
		t.Errorf("generate: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if n := len(lines); n < 2 || !strings.HasPrefix(lines[n-2], "Innholdskontroll: ") || lines[n-1] != "0 advarsler." {
		t.Errorf("generate does not end with the summary and the warning count:\n%s", out)
	}
	_, out, _ = call(t, "generate", kristiansand, "-o", filepath.Join(dir, "k"))
	if strings.Contains(out, "utkast") || !strings.HasSuffix(out, "Innholdskontroll: 6 av 9 påkrevde punkter dekket.\n1 advarsel.\n") {
		t.Errorf("a sample is no draft and ends with its summary:\n%s", out)
	}
}
