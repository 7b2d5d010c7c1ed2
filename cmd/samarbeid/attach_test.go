package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const annexFile = `title: Samarbeidsavtale
municipality: Eksempel kommune
version: "1"
parties:
  - {id: kommunen, name: Eksempel kommune, kind: kommune}
  - {id: nav, name: NAV Eksempel, kind: nav}
references:
  - id: kjop
    title: Kjøpsavtale
    file: vedlegg/kjop.pdf
signatories:
  - {title: Rådmann, for: kommunen}
  - {title: NAV-leder, for: nav}
`

// TestAnnexFromTheFilesFolder: an attached file is read relative to the
// agreement file, not the working folder; a link out of the folder is
// refused at the «file:» line.
func TestAnnexFromTheFilesFolder(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "avtale.yaml")
	if err := os.WriteFile(yaml, []byte(annexFile), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "vedlegg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := call(t, "check", yaml); code != exitBad || !strings.Contains(errOut, "avtale.yaml:10:11: vedlegget «vedlegg/kjop.pdf» finnes ikke") {
		t.Errorf("missing annex: exit %d, stderr %s", code, errOut)
	}
	outside := filepath.Join(t.TempDir(), "hemmelig.pdf")
	if err := os.WriteFile(outside, []byte("hemmelig"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "vedlegg", "kjop.pdf")); err != nil {
		t.Skip("no symbolic links here")
	}
	if code, _, errOut := call(t, "check", yaml); code != exitBad || !strings.Contains(errOut, "avtale.yaml:10:11: vedlegget «vedlegg/kjop.pdf» kan ikke leses") {
		t.Errorf("a link out of the folder: exit %d, stderr %s", code, errOut)
	}
	if err := os.Remove(filepath.Join(dir, "vedlegg", "kjop.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "vedlegg", "kjop.pdf"), []byte("%PDF-1.4 kjøp"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ut")
	if code, _, errOut := call(t, "generate", yaml, "-o", out); code != exitOK {
		t.Fatalf("generate: exit %d, stderr %s", code, errOut)
	}
}
