package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"samarbeid/generator"
	"samarbeid/generator/internal/pdftest"
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

// revised is Andøy with a version 2026.2, dated after the signing.
var revised = []string{
	`version: "2026.1"`, `version: "2026.2"`,
	"        årshjul for 2027\n", "        årshjul for 2027\n  - version: \"2026.2\"\n    date: 2027-03-01\n    changes:\n      - Nytt telefonnummer til NAV Andøy.\n",
}

// TestDocumentDateIsTheVersionsDate: after a revision the cover, the PDF
// footer and the signature line show the version's date, and a version not
// yet signed gets an empty line for the date.
func TestDocumentDateIsTheVersionsDate(t *testing.T) {
	b := generateEdited(t, "andoy", revised...)
	md := string(file(t, b, "samarbeidsavtale.md"))
	for _, want := range []string{"Versjon 2026.2 · 1. mars 2027", "Sted og dato: Andenes, ________________"} {
		if !strings.Contains(md, want) {
			t.Errorf("samarbeidsavtale.md lacks %q", want)
		}
	}
	if strings.Contains(md, "16. november 2026\n") {
		t.Error("the agreement still carries the first version's date")
	}
	text := pdftest.Run(t, "pdftotext", "-layout", pdftest.Write(t, "avtale.pdf", file(t, b, "samarbeidsavtale.pdf")), "-")
	if !strings.Contains(text, "Versjon 2026.2 · 1. mars 2027") || !strings.Contains(text, "Versjon 2026.2 · 01.03.2027    Side 2 av") || strings.Contains(text, "16. november 2026") {
		t.Errorf("the PDF does not carry the version's date:\n%s", text[:min(len(text), 600)])
	}
	signed := generateEdited(t, "andoy", append(slices.Clone(revised), "      - Nytt telefonnummer til NAV Andøy.\n", "      - Nytt telefonnummer til NAV Andøy.\n    signed: 2027-03-10\n")...)
	if md := string(file(t, signed, "samarbeidsavtale.md")); !strings.Contains(md, "Sted og dato: Andenes, 10. mars 2027") {
		t.Error("the signature line lacks the signing date of the version")
	}
}

// sentences are the complete sentences of a Markdown document's paragraphs
// and list items (not headings, not table rows), without emphasis.
func sentences(md string) []string {
	var out []string
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") {
			continue
		}
		line = strings.NewReplacer("*", "", "\\", "").Replace(strings.TrimLeft(line, "-☐ "))
		for _, m := range sentence.FindAllString(line, -1) {
			if len(strings.Fields(m)) >= 4 {
				out = append(out, strings.TrimSpace(m))
			}
		}
	}
	return out
}

// sentence is a run of text that starts with a capital and ends with a full
// stop followed by a space or the end of the line.
var sentence = regexp.MustCompile(`\p{Lu}[^.!?]*(?:\.\d[^.!?]*|\. [a-zæøå\d][^.!?]*)*[.!?](?:\s|$)`)

// TestNoSentenceTwice: no sentence of four words or more stands twice in
// any generated document of any sample or starter file, nor twice in
// other clothes: in another case, with other punctuation or with a
// reference in brackets added (sameSentence).
func TestNoSentenceTwice(t *testing.T) {
	for name, path := range everySample(t) {
		_, b := generateFile(t, path)
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".md") {
				continue
			}
			seen := map[string]string{}
			for _, s := range sentences(string(f.Data)) {
				key := sameSentence(s)
				if len(strings.Fields(key)) < 4 {
					continue // «Dekket (linje 97, 100).» is a label, not a sentence
				}
				if first, ok := seen[key]; ok {
					t.Errorf("%s: %s says twice: «%s» and «%s»", name, f.Path, first, s)
				}
				seen[key] = s
			}
		}
	}
}

// sameSentence is what a sentence says, for comparing: its words in lower
// case without the references in brackets, quotes and punctuation.
func sameSentence(s string) string {
	s = brackets.ReplaceAllString(strings.ToLower(s), " ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '§'
	}), " ")
}

var brackets = regexp.MustCompile(`\([^()]*\)`)

func TestSameSentence(t *testing.T) {
	a := "Samarbeidet og avtalen evalueres årlig (jf. integreringsloven § 12)."
	for _, b := range []string{"samarbeidet og avtalen evalueres årlig.", "Samarbeidet og avtalen evalueres  årlig!", "«Samarbeidet og avtalen evalueres årlig»."} {
		if sameSentence(a) != sameSentence(b) {
			t.Errorf("«%s» and «%s» say the same", a, b)
		}
	}
	if sameSentence(a) == sameSentence("Samarbeidet og avtalen evalueres hver høst.") {
		t.Error("two evaluations are not the same sentence")
	}
}

// TestOneStatementPerFact: the starter agreement states when it applies
// and how it is evaluated once, in one section.
func TestOneStatementPerFact(t *testing.T) {
	_, b := generateFile(t, filepath.Join("..", "templates", "init-avtale.yaml"))
	md := string(file(t, b, "samarbeidsavtale.md"))
	for _, pair := range [][2]string{
		{"evalueres i ledermøtet hver høst", "evalueres årlig"},
		{"Avtalen gjelder fra 1. januar 2026", "Avtalen gjelder fra den er signert"},
	} {
		if strings.Contains(md, pair[0]) && strings.Contains(md, pair[1]) {
			t.Errorf("the agreement says both «%s» and «%s»", pair[0], pair[1])
		}
	}
	for _, sample := range samples {
		b := generate(t, sample)
		md := string(file(t, b, mainDoc(b)+".md"))
		if n := len(regexp.MustCompile(`(?m)^## .*[Ee]valuering`).FindAllString(md, -1)); n != 1 {
			t.Errorf("%s: %d sections are about evaluation, want one", sample, n)
		}
	}
	// the same holds when the file's own text says it: no restatement
	b = generateEdited(t, "andoy", "Evalueringen gjøres i ledermøtet", "Samarbeidet evalueres i ledermøtet")
	if md := string(file(t, b, "samarbeidsavtale.md")); strings.Contains(md, "Samarbeidet og avtalen evalueres årlig") {
		t.Error("the standard sentence restates the evaluation the file describes")
	}
}

// TestFrequencyWithMarkdownCharacters: a frequency is the parties' text,
// so «<», «|», «*» in it are printed as written, like every other text of
// the file, not read as Markdown or HTML: what check accepts, generate
// makes, and a «|» does not split the meetings table.
func TestFrequencyWithMarkdownCharacters(t *testing.T) {
	const meeting, evaluation = "<b>kvar</b> månad | *x*", "årleg <br> #1"
	b := generateEdited(t, "volda",
		"frequency: kvar månad", `frequency: "`+meeting+`"`,
		"frequency: årleg\n", `frequency: "`+evaluation+`"`+"\n",
	)
	for path, want := range map[string]string{
		"samarbeidsavtale.pdf":       "Hyppigheit: " + meeting,
		"sjekklister/evaluering.pdf": evaluation,
	} {
		if text := pdfText(t, file(t, b, path), ""); !strings.Contains(text, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, text)
		}
	}
	row := regexp.MustCompile(`(?m)^\|.*` + regexp.QuoteMeta(`\<b\>kvar\</b\> månad \| \*x\*`) + `.*\|$`)
	md := string(file(t, b, "samarbeidsavtale.md"))
	if m := row.FindString(md); m == "" || strings.Count(strings.ReplaceAll(m, `\|`, ""), "|") != 5 {
		t.Errorf("samarbeidsavtale.md has no four-column row with the escaped frequency: %q", m)
	}
}
