package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffSameFileIsNoChange(t *testing.T) {
	code, out, errOut := call(t, "diff", kristiansand, kristiansand)
	if code != exitOK || !strings.Contains(out, "Ingen endringer") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestDiffFindsRenamedMeeting(t *testing.T) {
	data, err := os.ReadFile(kristiansand)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, "name: Trekantsamtaler") {
		t.Fatal("the sample has no meeting «Trekantsamtaler»")
	}
	renamed := filepath.Join(t.TempDir(), "ny.yaml")
	if err := os.WriteFile(renamed, []byte(strings.Replace(text, "name: Trekantsamtaler", "name: Trepartssamtaler", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := call(t, "diff", kristiansand, renamed)
	if code != exitRefused || !strings.Contains(out, "Trepartssamtaler") || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, md, _ := call(t, "diff", "--format", "md", kristiansand, renamed)
	if code != exitRefused || !strings.Contains(md, "### Møter") || !strings.Contains(md, "- Møtet Trekantsamtaler har fått nytt navn: Trepartssamtaler") {
		t.Errorf("Markdown: exit %d:\n%s", code, md)
	}
}

func TestDiffBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "feil.yaml")
	if err := os.WriteFile(bad, []byte("title: T\nmunicipality: K\nversion: \"1\"\npartis: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"diff", kristiansand}, "oppgi to avtalefiler"},
		{[]string{"diff", kristiansand, kristiansand, kristiansand}, "oppgi to avtalefiler"},
		{[]string{"diff", "--format", "html", kristiansand, kristiansand}, "--format html finnes ikke"},
		{[]string{"diff", kristiansand, filepath.Join(dir, "finnes-ikke.yaml")}, "filen finnes ikke"},
		{[]string{"diff", bad, kristiansand}, "feil.yaml:4:1: ukjent felt «partis»"},
	}
	for _, c := range cases {
		code, out, errOut := call(t, c.args...)
		if code != exitBad || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
}

// TestDiffTemplates: with --templates, diff reads the files and writes the
// report with the folder's language packs. Here the bokmål pack says
// «Ingen endringer her.» when nothing changed and reads «weeks» as weeks,
// so a deadline «innen 2 weeks etter» is the same as «innen 2 uker etter».
func TestDiffTemplates(t *testing.T) {
	const sample = "../../samples/lillestrom-rutine.yaml"
	const deadline = "deadline: innen 2 uker etter bosettingen"
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), deadline) {
		t.Fatalf("the sample has no %q", deadline)
	}
	dir := t.TempDir()
	other := filepath.Join(dir, "ny.yaml")
	if err := os.WriteFile(other, []byte(strings.Replace(string(data), deadline, "deadline: innen 2 weeks etter bosettingen", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	pack, err := os.ReadFile("../../templates/lang/nb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(pack), "  none: Ingen endringer\n", "  none: Ingen endringer her\n", 1)
	edited = strings.Replace(edited, "    week: [uke, uka, uken, uker, ukene]\n", "    week: [uke, uka, uken, uker, ukene, weeks]\n", 1)
	if edited == string(pack) || strings.Count(edited, "weeks") != strings.Count(string(pack), "weeks")+1 || !strings.Contains(edited, "Ingen endringer her\n") {
		t.Fatal("lang/nb.yaml no longer has the lines the test edits")
	}
	tmpl := filepath.Join(dir, "maler")
	os.MkdirAll(filepath.Join(tmpl, "lang"), 0o755)
	if err := os.WriteFile(filepath.Join(tmpl, "lang", "nb.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := call(t, "diff", sample, other); code != exitBad || !strings.Contains(errOut, "ny.yaml:216:17: «deadline»: «innen 2 weeks etter bosettingen» er ikke en frist") {
		t.Errorf("without --templates: exit %d, stderr %q", code, errOut)
	}
	code, out, errOut := call(t, "diff", sample, other, "--templates", tmpl)
	if code != exitOK || !strings.HasPrefix(out, "Ingen endringer her") || errOut != "" {
		t.Errorf("with --templates: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := call(t, "diff", sample, other, "--templates", filepath.Join(dir, "finnes-ikke")); code != exitBad || !strings.Contains(errOut, "--templates") {
		t.Errorf("a missing folder: exit %d, stderr %q", code, errOut)
	}
}
