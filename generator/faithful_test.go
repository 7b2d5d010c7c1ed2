package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator"
)

// generateEdited generates a sample after replacing old with new in pairs.
func generateEdited(t *testing.T, sample string, pairs ...string) *generator.Bundle {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "samples", sample+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("%s has no %q", sample, pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	b, err := generator.Generate(generator.Input{File: sample + ".yaml", Data: []byte(text)}, generator.Options{})
	if err != nil {
		t.Fatalf("%s: %v", sample, err)
	}
	return b
}

// TestFrequencyPrintedAsWritten: the signed text carries the parties'
// phrase, not the generator's rewording of it, in the agreement, the
// routine sheets, the checklists and the calendar.
func TestFrequencyPrintedAsWritten(t *testing.T) {
	b := generateEdited(t, "kristiansand",
		"frequency: faste møter", "frequency: en gang i måneden",
		"frequency: hver 14. dag eller ved behov", "frequency: Hver 2. uke",
		"frequency: halvårlig", "frequency: to ganger i året",
		"frequency: årlig innen april", "frequency: minst  en gang i året",
	)
	md := string(file(t, b, "samarbeidsavtale.md"))
	for _, want := range []string{
		"| Møter mellom enhetsledere | ledernivå | en gang i måneden |",
		"| Møter mellom avdelingsledere | saksbehandlernivå | Hver 2. uke |",
		"| Trekantsamtaler | individnivå | to ganger i året |",
		"| Planleggingsmøter – prioriteringsmøter | ledernivå | minst en gang i året |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("samarbeidsavtale.md lacks %q", want)
		}
	}
	for _, f := range b.Files {
		if !strings.HasSuffix(f.Path, ".md") && !strings.HasSuffix(f.Path, ".ics") {
			continue
		}
		for _, reworded := range []string{"halvårlig (vår og høst)", "hver 14. dag", "hver måned"} {
			if strings.Contains(string(f.Data), reworded) {
				t.Errorf("%s says %q, which the file does not", f.Path, reworded)
			}
		}
	}
}

// TestDeadlineReadsAsASentence: a deadline says what it counts from, as a
// sentence in the routine sheet and in its own words in the checklist.
func TestDeadlineReadsAsASentence(t *testing.T) {
	b := generate(t, "andoy")
	sheet := string(file(t, b, "rutiner/programradgiver.md"))
	want := "- Be den nye innbyggeren signere samtykkeskjemaet som tillater utveksling av relevant informasjon mellom enheten og NAV-kontoret. Frist: innen 1 uke etter bosettingen.\n"
	if !strings.Contains(sheet, want) {
		t.Errorf("the routine sheet lacks %q", want)
	}
	for _, f := range b.Files {
		if strings.HasSuffix(f.Path, ".md") && strings.Contains(string(f.Data), ". – ") {
			t.Errorf("%s puts a deadline after a dash at the end of a sentence", f.Path)
		}
	}
}

// TestNaturalCase: a list item that starts with a law reference starts with
// a capital; role names inside a sentence are in their natural case.
func TestNaturalCase(t *testing.T) {
	md := string(file(t, generate(t, "andoy"), "samarbeidsavtale.md"))
	for _, want := range []string{
		"- Integreringsloven §\u00a041 gir",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("samarbeidsavtale.md lacks %q", want)
		}
	}
	sheet := string(file(t, generate(t, "kristiansand"), "sjekklister/mote-trekantsamtale.md"))
	if want := "- **Deltakere:** Programrådgiver, lærer, deltaker og arbeidsleder ved behov\n"; !strings.Contains(sheet, want) {
		t.Errorf("the checklist lacks %q:\n%s", want, sheet)
	}
}
