package generator_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/model"
	"samarbeid/generator/render"
)

// routineSamples are the sample agreements the routine sheets and
// checklists are tested on; afjord and andoy may still be in the making.
var routineSamples = []string{"kristiansand", "afjord", "andoy", "oslo-bydeler", "lillehammer-gausdal", "lillestrom-rutine"}

// readSample reads samples/<name>.yaml, skipping the test when it is absent.
func readSample(t *testing.T, name string) generator.Input {
	t.Helper()
	path := filepath.Join("..", "samples", name+".yaml")
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is not there yet", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return generator.Input{File: name + ".yaml", Data: data, Dir: os.DirFS(filepath.Join("..", "samples"))}
}

func generateBundle(t *testing.T, in generator.Input) *generator.Bundle {
	t.Helper()
	b, err := generator.Generate(in, generator.Options{})
	if err != nil {
		t.Fatalf("generate %s: %v", in.File, err)
	}
	return b
}

// bundleFile is the content of path in the bundle, or nil.
func bundleFile(b *generator.Bundle, path string) []byte {
	for _, f := range b.Files {
		if f.Path == path {
			return f.Data
		}
	}
	return nil
}

func bundleFiles(b *generator.Bundle, dir, ext string) []string {
	var out []string
	for _, f := range b.Files {
		if strings.HasPrefix(f.Path, dir+"/") && strings.HasSuffix(f.Path, ext) {
			out = append(out, f.Path)
		}
	}
	return out
}

func TestRoutineSheetsAndChecklistsPerSample(t *testing.T) {
	for _, name := range routineSamples {
		t.Run(name, func(t *testing.T) {
			b := generateBundle(t, readSample(t, name))
			sheets, lists := bundleFiles(b, "rutiner", ".md"), bundleFiles(b, "sjekklister", ".md")
			if len(sheets) < 2 {
				t.Errorf("%d routine sheets, want at least 2: %v", len(sheets), sheets)
			}
			if len(lists) < 5 {
				t.Errorf("%d checklists, want at least 5: %v", len(lists), lists)
			}
			for _, md := range append(sheets, lists...) {
				pdf := strings.TrimSuffix(md, ".md") + ".pdf"
				if data := bundleFile(b, pdf); !strings.HasPrefix(string(data), "%PDF-") {
					t.Errorf("%s has no PDF beside it", md)
				}
			}
			var all strings.Builder
			for _, md := range lists {
				all.Write(bundleFile(b, md))
			}
			text := strings.ToLower(all.String())
			for _, want := range []string{"☐ ", "bosetting", "overføring", "evaluering"} {
				if !strings.Contains(text, want) {
					t.Errorf("the checklists never mention %q", want)
				}
			}
			for _, md := range lists {
				if !strings.Contains(string(bundleFile(b, md)), "\n- ☐ ") {
					t.Errorf("%s has no boxes to tick", md)
				}
			}
		})
	}
}

// TestRoleWithNothingGetsNoSheet: Andøy's «miljøarbeider» has no duty,
// routine, meeting or checklist item.
func TestRoleWithNothingGetsNoSheet(t *testing.T) {
	b := generateBundle(t, readSample(t, "andoy"))
	if bundleFile(b, "rutiner/miljøarbeider.md") != nil {
		t.Error("a role with nothing to do got a routine sheet")
	}
	if bundleFile(b, "rutiner/nav-veileder.md") == nil {
		t.Error("the NAV counsellor has no routine sheet")
	}
}

// seedLines are taken verbatim from Andøy's routine for programme advisors
// (seed 004).
var seedLines = []string{
	"Gi veiledning og støtte til deltakerne i deres integreringsprosess.",
	"Fatte permisjonsvedtak for deltakere i introduksjonsprogrammet.",
	"Følge opp tilbud til deltakere i fødselspermisjon fra fjerde permisjonsmåned.",
	"Etabler en rutine for møter som skal avholdes hver tredje uke mellom ledelsen, kontaktlæreren i voksenopplæring og programrådgiveren.",
	"Bidra til utarbeidelse av CV, søknader og jobbintervjuforberedelse.",
	"Sikre at det tas beslutninger angående deltakerne gjennom felles drøftelser og samarbeid, uten at avgjørelser tas unilateralt.",
	"I begynnelsen av bosettingsprosessen blir deltakerne bedt om å signere et samtykkeskjema som tillater utveksling av relevant informasjon om dem mellom VOI og NAV.",
}

// andoyAdvisor is the sample's routine for programme advisors and the
// advisor's sheet as Markdown and PDF.
func andoyAdvisor(t *testing.T) (model.Routine, string, []byte) {
	t.Helper()
	in := readSample(t, "andoy")
	a, _, err := generator.Load(in)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(a.Routines, func(r model.Routine) bool { return r.Role == "programradgiver" })
	if i < 0 {
		t.Fatal("andoy.yaml has no routine for «programradgiver»")
	}
	b := generateBundle(t, in)
	md, pdf := bundleFile(b, "rutiner/programradgiver.md"), bundleFile(b, "rutiner/programradgiver.pdf")
	if md == nil || pdf == nil {
		t.Fatal("no routine sheet rutiner/programradgiver.md and .pdf")
	}
	return a.Routines[i], string(md), pdf
}

func TestAndoyAdvisorSheetMarkdown(t *testing.T) {
	routine, md, _ := andoyAdvisor(t)
	if len(routine.Sections) != 14 {
		t.Errorf("the sample's routine has %d points, seed 004 has 14", len(routine.Sections))
	}
	if !strings.HasPrefix(md, "# Rutinebeskrivelse for programrådgivere\n") {
		t.Errorf("the sheet starts %q", md[:min(len(md), 60)])
	}
	for i, s := range routine.Sections {
		heading := fmt.Sprintf("### %d. %s\n", i+1, render.Inline(s.Title))
		if !strings.Contains(md, heading) {
			t.Errorf("point %d is missing: %q", i+1, heading)
		}
		for _, text := range slices.Concat(s.Intro, s.Items, s.Closing) {
			if !strings.Contains(md, render.Inline(text)) {
				t.Errorf("point %d lacks %q", i+1, text)
			}
		}
	}
	for _, want := range append(slices.Clone(seedLines), "**Oppfølgingsmøte mellom ledelse, kontaktlærer og programrådgiver** – hver 3. uke", "Du kaller inn til disse møtene, setter opp sakslisten og sørger for referat, der ikke noe annet står ved møtet.", "stig.johansen@andoy.kommune.no", "**Integreringsloven** (lov om integrering gjennom opplæring, utdanning og arbeid)") {
		if !strings.Contains(md, want) {
			t.Errorf("the sheet lacks %q", want)
		}
	}
}

func TestAndoyAdvisorSheetPDF(t *testing.T) {
	routine, _, pdf := andoyAdvisor(t)
	text := pdfText(t, pdf, "Rutinebeskrivelse for programrådgivere")
	for i, s := range routine.Sections {
		for _, want := range slices.Concat([]string{fmt.Sprintf("%d. %s", i+1, s.Title)}, s.Intro, s.Items, s.Closing) {
			if !strings.Contains(text, oneLine(want)) {
				t.Errorf("the PDF lacks, in point %d, %q", i+1, want)
			}
		}
	}
	for _, want := range append(seedLines, "hver 3. uke") {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

var pageFooter = regexp.MustCompile(`^(Side \d+ av \d+|Versjon .*|•)$`)

// pdfText is the text of a PDF in one line, without the page footers
// (title, version, page number) that interrupt a paragraph at a page break.
// It skips the test when pdftotext is missing, unless CI=true.
func pdfText(t *testing.T, pdf []byte, title string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is needed on CI")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "ark.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var kept []string
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(strings.ReplaceAll(line, "\f", ""))
		if line == title || pageFooter.MatchString(line) {
			continue
		}
		kept = append(kept, line)
	}
	return oneLine(strings.Join(kept, " "))
}

// oneLine folds every run of white space, no-break spaces included, into
// one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// withChecklists is Andøy's file with a checklists section added at the end.
func withChecklists(t *testing.T, section string) generator.Input {
	t.Helper()
	in := readSample(t, "andoy")
	if strings.Contains(string(in.Data), "\nchecklists:") {
		t.Skip("andoy.yaml has a checklists section of its own now")
	}
	data := strings.TrimRight(string(in.Data), "\n") + "\n\n" + section
	return generator.Input{File: in.File, Data: []byte(data)}
}

func TestChecklistChangesInBundle(t *testing.T) {
	b := generateBundle(t, withChecklists(t, `checklists:
  changes:
    - item: deltakerbevis
      off: true
    - item: overforingsmote
      text: Hold overføringsmøte med NAV Andøy i god tid.
      deadline: 4 måneder før
  items:
    - list: programslutt
      phase: etter
      text: Send sluttrapport til rektor.
      role: programradgiver
`))
	md := string(bundleFile(b, "sjekklister/programslutt.md"))
	if strings.Contains(md, "deltakerbevis") {
		t.Error("the item switched off is still in the checklist")
	}
	for _, want := range []string{
		"- ☐ Hold overføringsmøte med NAV Andøy i god tid. — *Programrådgiver*, frist **senest 4 måneder før programslutt**",
		"- ☐ Send sluttrapport til rektor. — *Programrådgiver*",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the checklist lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Hold overføringsmøte med NAV-veilederen") {
		t.Error("the reworded item still has its built-in text")
	}
	if sheet := string(bundleFile(b, "rutiner/programradgiver.md")); !strings.Contains(sheet, "Send sluttrapport til rektor.") {
		t.Error("the advisor's sheet lacks the advisor's own checklist item")
	}
}

func TestUnknownChecklistItemIsPositioned(t *testing.T) {
	in := withChecklists(t, "checklists:\n  changes:\n    - item: kompetansekartleging\n      off: true\n")
	_, err := generator.Generate(in, generator.Options{})
	var diags model.Diagnostics
	if !errors.As(err, &diags) || len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", err)
	}
	line := strings.Count(string(in.Data), "\n") - 1 // the «- item:» line, two from the end
	want := fmt.Sprintf("andoy.yaml:%d:13: «item: kompetansekartleging» er ikke et innebygd sjekklistepunkt – mente du «kompetansekartlegging»?", line)
	if got := diags[0].String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// meetingAgreement has a weekly three-way meeting whose minutes another
// role writes and whose unresolved matters go to the leaders' meeting.
const meetingAgreement = `title: Samarbeidsavtale for Testkommune
municipality: Testkommune
version: "1"
parties:
  - {id: kommunen, name: Testkommune, kind: kommune}
  - {id: nav, name: NAV Test, kind: nav}
units:
  - {id: flyktning, name: Flyktningtjenesten, party: kommunen}
roles:
  - {id: radgiver, name: Programrådgiver, unit: flyktning, kind: programrådgiver}
  - {id: leder, name: Leder, unit: flyktning, kind: leder}
  - {id: vaktmester, name: Vaktmester, unit: flyktning}
meetings:
  - id: ledermote
    name: Ledermøte
    level: leder
    frequency: kvartalsvis
    convener: leder
    participants: [leder, flyktning]
  - id: trekantsamtale
    name: Trekantsamtale
    level: individ
    frequency: hver 3. uke
    convener: radgiver
    participants: [radgiver]
    minutes: leder
    escalates_to: ledermote
`

func TestRoutineSheetMeetings(t *testing.T) {
	b := generateBundle(t, generator.Input{File: "avtale.yaml", Data: []byte(meetingAgreement)})
	tests := []struct {
		role string
		want []string
	}{
		{"radgiver", []string{
			"**Trekantsamtale** – hver 3. uke",
			"Referat: Leder  \nSaker som ikke løses, løftes til: Ledermøte",
			"**Ledermøte** – kvartalsvis  \nInnkaller: Leder  \nDu møter for: Flyktningtjenesten",
		}},
		{"leder", []string{
			"Du kaller inn til disse møtene, setter opp sakslisten og sørger for referat, der ikke noe annet står ved møtet.",
			"**Trekantsamtale** – hver 3. uke  \nInnkaller: Programrådgiver  \nReferat: du",
		}},
	}
	for _, tt := range tests {
		md := string(bundleFile(b, "rutiner/"+tt.role+".md"))
		for _, want := range tt.want {
			if !strings.Contains(md, want) {
				t.Errorf("rutiner/%s.md lacks %q:\n%s", tt.role, want, md)
			}
		}
	}
	// The caretaker attends the leaders' meeting through the unit, so has a
	// sheet; that is what «via its unit» means.
	if bundleFile(b, "rutiner/vaktmester.md") == nil {
		t.Error("a role whose unit attends a meeting has no sheet")
	}
}

// TestContactsOnlyWhereNeeded: a contact person's phone and e-mail are in
// the agreement's contact list and in the sheets of the roles that meet
// the person, not in every sheet and not in the content check.
func TestContactsOnlyWhereNeeded(t *testing.T) {
	b := generate(t, "andoy")
	const email = "stig.johansen@andoy.kommune.no" // rektor's contact
	has := func(path string) bool { return strings.Contains(string(file(t, b, path)), email) }
	for path, want := range map[string]bool{
		"samarbeidsavtale.md":                   true,
		"rutiner/programradgiver.md":            true, // meets the rektor in the samarbeidsmøte
		"rutiner/nav-veileder.md":               false,
		"rutiner/rektor.md":                     false, // the person's own role
		"rutiner/arbeidsgruppe-representant.md": false,
		"innholdskontroll.md":                   false,
	} {
		if has(path) != want {
			t.Errorf("%s: lists the contact's e-mail: %v, want %v", path, has(path), want)
		}
	}
	if strings.Contains(string(file(t, b, "innholdskontroll.md")), "414") {
		t.Error("the content check shows a phone number")
	}
}
