package generator_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"samarbeid/generator"
	"samarbeid/generator/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under samples/golden")

var samples = []string{"kristiansand", "afjord", "andoy", "volda", "oslo-bydeler", "lillehammer-gausdal", "lillestrom-rutine"}

// fileInput reads the agreement file at path as the command line would:
// named by its path, with its folder for the files it attaches.
func fileInput(t *testing.T, path string) generator.Input {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return generator.Input{File: path, Data: data, Dir: os.DirFS(filepath.Dir(path))}
}

func generate(t *testing.T, sample string) *generator.Bundle {
	t.Helper()
	name := filepath.Join("..", "samples", sample+".yaml")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := generator.Generate(generator.Input{File: "samples/" + sample + ".yaml", Data: data, Dir: os.DirFS(filepath.Join("..", "samples"))}, generator.Options{})
	if err != nil {
		t.Fatalf("%s: %v", sample, err)
	}
	return b
}

// mainDoc is the path, without extension, of the bundle's agreement:
// samarbeidsrutine for a routine, else samarbeidsavtale.
func mainDoc(b *generator.Bundle) string {
	for _, f := range b.Files {
		if f.Path == "samarbeidsrutine.md" {
			return "samarbeidsrutine"
		}
	}
	return "samarbeidsavtale"
}

func file(t *testing.T, b *generator.Bundle, path string) []byte {
	t.Helper()
	for _, f := range b.Files {
		if f.Path == path {
			return f.Data
		}
	}
	t.Fatalf("the bundle has no %s", path)
	return nil
}

// TestGolden compares every text file of each sample's bundle with its
// golden copy under samples/golden/<sample>/. PDFs are checked by the pdf
// package's tests and by TestDeterministic here.
func TestGolden(t *testing.T) {
	for _, sample := range samples {
		t.Run(sample, func(t *testing.T) {
			b := generate(t, sample)
			dir := filepath.Join("..", "samples", "golden", sample)
			if *update {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
			}
			seen := map[string]bool{}
			for _, f := range b.Files {
				if strings.HasSuffix(f.Path, ".pdf") {
					continue
				}
				golden := filepath.Join(dir, filepath.FromSlash(f.Path))
				seen[golden] = true
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Errorf("%s: no golden file (run go test ./generator -update): %v", f.Path, err)
					continue
				}
				if !bytes.Equal(f.Data, want) {
					t.Errorf("%s differs from %s (run go test ./generator -update and read the diff)\n%s", f.Path, golden, firstDiff(f.Data, want))
				}
			}
			// A golden file the bundle no longer has is a document that went missing.
			filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && !seen[path] {
					t.Errorf("the bundle no longer has %s", path)
				}
				return nil
			})
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return ""
}

// TestDeterministic generates each sample twice and wants the same bytes,
// PDFs included.
func TestDeterministic(t *testing.T) {
	for _, sample := range samples {
		a, b := generate(t, sample), generate(t, sample)
		if len(a.Files) != len(b.Files) {
			t.Fatalf("%s: %d files, then %d", sample, len(a.Files), len(b.Files))
		}
		for i := range a.Files {
			if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
				t.Errorf("%s: %s differs between two runs", sample, a.Files[i].Path)
			}
		}
	}
}

// kristiansandDuties are the duties of seed 000 section 5, every one.
var kristiansandDuties = []string{
	// section 5, Enhet for integrering
	"har det overordnede ansvaret for introduksjonsprogrammet",
	"har hovedansvar for veiledning, oppfølging og individuell plan",
	"har ansvar for fulltids- og helårsprogrammet",
	"administrering og utbetaling av introduksjonsstønad",
	"koordinere aktiviteter i forhold til den enkelte",
	"har hovedansvar for oppfølging i praksis",
	"har hovedansvar for heldagsprogrammet i integreringsmottaket",
	// Kongsgård skolesenter
	"har ansvaret for organisering og gjennomføring av norsk-, samfunnskunnskap- og statsborgerprøven",
	"har ansvar for norsk- og samfunnskunnskapsundervisningen for deltakere i introduksjonsprogrammet",
	"har ansvar for norskundervisning i heldagsprogrammet og asylnorsk",
	"har ansvar for grunnskoleopplæring",
	"har i samarbeid med integreringsenheten ansvar for oppfølging i praksis",
	"kartlegger deltakernes språkferdigheter og deltar i samarbeidsmøter",
	"har ansvar for veiledning og oppfølging innenfor sitt ansvarsområde",
	"har ansvar for samarbeidet med videregående skole",
	// NAV Kristiansand
	"gi generell informasjon om arbeidsmarkedet og Arbeids- og velferdsetatens virkemidler",
	"registrere deltakere i Arena når deltakere vurderes inn i et NAV-tiltak",
	"har hovedansvar for å sørge for praksisplasser",
	"har ansvar for oversikt over praksisplasser, koordinering mot bedrift",
	"bistå programrådgiverne med å få deltakere i arbeid",
	"planlegge kjeding til andre arbeidsrettede tiltak i regi av NAV (Outro)",
	"ha økonomiske saksbehandlere stedlig på introavdelingen 2 dager i uka",
}

// TestKristiansandAgreement checks what a reader of seed 000 would look for:
// every duty of section 5, the six meeting bodies with their frequencies,
// and both signatories.
func TestKristiansandAgreement(t *testing.T) {
	md := string(file(t, generate(t, "kristiansand"), "samarbeidsavtale.md"))
	want := append(slices.Clone(kristiansandDuties),
		// the six meeting bodies and their frequencies
		"| Ledermøter | ledernivå | kvartalsvis |",
		"| Møter mellom enhetsledere | ledernivå | faste møter |",
		"| Møter mellom avdelingsledere | saksbehandlernivå | hver 14. dag eller ved behov |",
		"| Trekantsamtaler | individnivå | halvårlig |",
		"| Overføringsmøter | individnivå | ved behov |",
		"| Planleggingsmøter – prioriteringsmøter | ledernivå | årlig innen april |",
		// signatures
		"**Brede Skaalerud**", "Helse- og mestringsdirektør",
		"**Kristin Edet Robstad**", "Oppvekstdirektør",
		"Sted og dato: Kristiansand, 18. september 2020",
	)
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("samarbeidsavtale.md lacks %q", w)
		}
	}
}

// TestAfjordAgreement checks the parts of seed 001 a reader would look for.
func TestAfjordAgreement(t *testing.T) {
	md := string(file(t, generate(t, "afjord"), "samarbeidsavtale.md"))
	want := []string{
		"Kommunen skal", "NAV-kontoret skal",
		"kartlegge kompetanse etter bosetting",
		"aktivt benytte NAV-kontorets arbeidsgivernettverk",
		"Informasjonsdeling", "tjenstlig behov",
		"Forvaltningsloven § 13 b nr. 2",
		"Fylkeskommunens ansvar og forpliktelser",
		"anbefale hvor mange flyktninger som bør bosettes i den enkelte kommune i fylket",
		"karriereveiledning før den enkelte deltaker starter i introduksjonsprogrammet",
		"(kommuneloven) § 25-1",
	}
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("samarbeidsavtale.md lacks %q", w)
		}
	}
}

// TestBadInputWritesNothing: a file with errors gives diagnostics and no bundle.
func TestBadInputWritesNothing(t *testing.T) {
	data := []byte("title: T\nmunicipality: M\nversion: \"1\"\nparties:\n  - id: k\n    nmae: Kommunen\n    kind: kommune\n")
	b, err := generator.Generate(generator.Input{File: "f.yaml", Data: data}, generator.Options{})
	if b != nil {
		t.Error("a bundle came back for bad input")
	}
	var diags model.Diagnostics
	if !errors.As(err, &diags) || !strings.Contains(err.Error(), "f.yaml:6:5: ukjent felt «nmae» – mente du «name»?") {
		t.Errorf("got %v", err)
	}
}

// TestTemplateOverride: a template in --templates replaces the built-in one
// of the same name, and a broken one names itself.
func TestTemplateOverride(t *testing.T) {
	data, err := os.ReadFile("../samples/kristiansand.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "samarbeidsavtale.md.tmpl"), []byte("# {{md .Title}}\n\nEgen mal for {{md .Municipality}}.\n"), 0o644)
	b, err := generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := string(file(t, b, "samarbeidsavtale.md")); !strings.Contains(got, "Egen mal for Kristiansand kommune.") {
		t.Errorf("override not used:\n%s", got)
	}
	os.WriteFile(filepath.Join(dir, "samarbeidsavtale.md.tmpl"), []byte("# {{.Finnesikke}}\n"), 0o644)
	_, err = generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
	if err == nil || !strings.Contains(err.Error(), "samarbeidsavtale.md.tmpl") {
		t.Errorf("a broken template should name itself, got %v", err)
	}
	os.WriteFile(filepath.Join(dir, "samarbeidsavtale.md.tmpl"), []byte("# T\n\n<b>fet</b>\n"), 0o644)
	_, err = generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
	if err == nil || !strings.Contains(err.Error(), "samarbeidsavtale.md.tmpl") {
		t.Errorf("raw HTML from a template should be refused naming the template, got %v", err)
	}
}

func TestEvaluationDue(t *testing.T) {
	data, _ := os.ReadFile("../samples/kristiansand.yaml")
	a, _, err := generator.Load(generator.Input{File: "k.yaml", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	before := time.Date(2027, 8, 31, 12, 0, 0, 0, time.UTC)
	after := time.Date(2027, 9, 2, 12, 0, 0, 0, time.UTC)
	if d := generator.EvaluationDue("k.yaml", a, before); len(d) != 0 {
		t.Errorf("warned before the date: %v", d)
	}
	d := generator.EvaluationDue("k.yaml", a, after)
	if len(d) != 1 || !d[0].Warning || !strings.Contains(d[0].String(), "k.yaml:15:20: advarsel: neste evaluering skulle vært 1. september 2027") {
		t.Errorf("got %v", d)
	}
}

func TestPlanClashesNameBothMeetings(t *testing.T) {
	data, err := os.ReadFile("calendar/testdata/avtale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := generator.Load(generator.Input{File: "avtale.yaml", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	// Six weekly meetings of one convener on the same day: the sixth has
	// no free working day in any week.
	base := a.Meetings[0]
	base.Frequency = model.Frequency{Kind: model.FreqWeeks, Weeks: 1}
	base.Schedule = nil
	for i := range 6 {
		m := base
		m.ID = model.ID(fmt.Sprintf("m%d", i))
		m.Name = fmt.Sprintf("Møte %d", i)
		m.Pos = model.Pos{Line: 100 + i, Col: 5}
		a.Meetings = append(a.Meetings, m)
	}
	diags := generator.PlanClashes("avtale.yaml", a, 2027)
	if len(diags) == 0 {
		t.Fatal("no warning about meetings that cannot all be held")
	}
	want := "avtale.yaml:105:5: advarsel: møtet «Møte 5» utgår 5. januar 2027: samme deltaker er i møtet «Møte "
	found := false
	for _, d := range diags {
		found = found || strings.HasPrefix(d.String(), want) && strings.Contains(d.String(), "(linje 10")
	}
	if !found {
		t.Errorf("no warning starts %q and names the other meeting's line; got\n%v", want, diags)
	}
}

// TestFirstErrorInDocumentOrder breaks the agreement, which takes longest
// to typeset, and the year plan, which is quick: documents are typeset
// side by side, yet the error is the agreement's, as it comes first.
func TestFirstErrorInDocumentOrder(t *testing.T) {
	data, err := os.ReadFile("../samples/kristiansand.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"samarbeidsavtale.md.tmpl", "arshjul.md.tmpl"} {
		tmpl, err := os.ReadFile(filepath.Join("..", "templates", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), append(tmpl, "\n\n<b>fet</b>\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for range 5 {
		_, err := generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
		if err == nil || !strings.HasPrefix(err.Error(), "samarbeidsavtale.pdf: samarbeidsavtale.md.tmpl:") {
			t.Fatalf("got %v, want the agreement's error", err)
		}
	}
}

func TestGenerateWarnsAboutClashes(t *testing.T) {
	data, err := os.ReadFile("calendar/testdata/avtale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for i := range 6 {
		fmt.Fprintf(&extra, "  - id: uke%d\n    name: Ukemøte %d\n    level: saksbehandler\n    frequency: hver uke\n    convener: veileder\n    participants: [veileder]\n", i, i)
	}
	text := strings.Replace(string(data), "\ncalendar:", "\n"+extra.String()+"calendar:", 1)
	b, err := generator.Generate(generator.Input{File: "avtale.yaml", Data: []byte(text)}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range b.Warnings {
		found = found || strings.Contains(w.Message, "«Ukemøte 5» utgår")
	}
	if !found {
		t.Errorf("generate does not warn that a weekly meeting has no free day:\n%v", b.Warnings)
	}
}
