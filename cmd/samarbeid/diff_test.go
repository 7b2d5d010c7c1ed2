package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	dir := t.TempDir()
	other := editedCopy(t, sample, dir, "deadline: innen 2 uker etter bosettingen", "deadline: innen 2 weeks etter bosettingen")
	tmpl := bokmålPack(t, dir,
		"  none: Ingen endringer\n", "  none: Ingen endringer her\n",
		"    week: [uke, uka, uken, uker, ukene]\n", "    week: [uke, uka, uken, uker, ukene, weeks]\n")
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

// editedCopy writes the sample into dir/ny.yaml with the text old
// replaced by new, and gives its path.
func editedCopy(t *testing.T, sample, dir, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", sample, old)
	}
	path := filepath.Join(dir, "ny.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// bokmålPack writes the built-in bokmål pack into dir/maler/lang/nb.yaml
// with each old line replaced by the new one after it, and gives the
// folder for --templates.
func bokmålPack(t *testing.T, dir string, oldNew ...string) string {
	t.Helper()
	pack, err := os.ReadFile("../../templates/lang/nb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := string(pack)
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(edited, oldNew[i]) {
			t.Fatalf("lang/nb.yaml no longer has %q", oldNew[i])
		}
		edited = strings.Replace(edited, oldNew[i], oldNew[i+1], 1)
	}
	tmpl := filepath.Join(dir, "maler")
	if err := os.MkdirAll(filepath.Join(tmpl, "lang"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmpl, "lang", "nb.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return tmpl
}

// TestCalendarTemplates: with --templates, calendar reads the file and
// writes the events with the folder's language packs: «every 14. dag»,
// which only the folder's pack knows, is planned as «hver 14. dag».
func TestCalendarTemplates(t *testing.T) {
	dir := t.TempDir()
	other := editedCopy(t, kristiansand, dir, "frequency: hver 14. dag eller ved behov", "frequency: every 14. dag eller ved behov")
	tmpl := bokmålPack(t, dir,
		"  from: Fra %s, versjon %s.\n", "  from: Ifølge %s, versjon %s.\n",
		"    every: [hver, hvert]\n", "    every: [hver, hvert, every]\n")
	code, want, errOut := call(t, "calendar", kristiansand, "--year", "2027")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	code, got, errOut := call(t, "calendar", other, "--year", "2027", "--templates", tmpl)
	if code != exitOK {
		t.Fatalf("with --templates: exit %d: %s", code, errOut)
	}
	starts := regexp.MustCompile(`(?m)^DTSTART.*$`)
	if w, g := starts.FindAllString(want, -1), starts.FindAllString(got, -1); len(w) < 20 || !slices.Equal(w, g) {
		t.Errorf("«every 14. dag» is planned on\n%v\nnot as «hver 14. dag»:\n%v", g, w)
	}
	if unfolded := strings.ReplaceAll(got, "\r\n ", ""); !strings.Contains(unfolded, "Ifølge ") || strings.Contains(unfolded, "Fra ") {
		t.Error("the events are not in the words of the folder's pack")
	}
}
