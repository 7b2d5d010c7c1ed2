package diff

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"samarbeid/generator/model"
)

func sample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func load(t *testing.T, text string) *model.Agreement {
	t.Helper()
	a, diags := model.Load("test.yaml", []byte(text))
	if a == nil {
		t.Fatalf("the test file does not load:\n%v", diags.Errors())
	}
	return a
}

// edit replaces each old text with its new one, and fails when one is not
// there, so a change in the sample cannot turn a test into a no-op.
func edit(t *testing.T, text string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("the sample has no %q", pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	return text
}

const contact = "contacts:\n  - name: Kari Nordmann\n    role: programradgiver\n    phone: \"11 11 11 11\"\n\nsignatories:"

func TestCompare(t *testing.T) {
	base := sample(t, "kristiansand.yaml")
	cases := []struct {
		name  string
		edits []string
		want  []string // lines old → new
		back  []string // lines new → old, when they differ in kind
	}{
		{"title and version",
			[]string{`version: "1.0"`, `version: "1.1"`, "title: Samarbeidsavtale mellom Oppvekst", "title: Ny samarbeidsavtale mellom Oppvekst"},
			[]string{"Versjon: 1.0 → 1.1", "Tittel: «Samarbeidsavtale mellom Oppvekst og Helse og mestring om introduksjonsprogrammet for nyankomne innvandrere» → «Ny samarbeidsavtale mellom Oppvekst og Helse og mestring om introduksjonsprogrammet for nyankomne innvandrere»"}, nil},
		{"dates",
			[]string{"  signed: 2020-09-18\n", "  signed: 2020-09-18\n  revised: 2024-10-01\n", "next_evaluation: 2027-09-01", "next_evaluation: 2027-10-01"},
			[]string{"Sist revidert: satt til 1. oktober 2024", "Neste evaluering: 1. september 2027 → 1. oktober 2027"},
			[]string{"Sist revidert: fjernet (var 1. oktober 2024)"}},
		{"legal basis",
			[]string{"legal_basis: [introduksjonsloven]", "legal_basis: [introduksjonsloven, integreringsloven]"},
			[]string{"Lovgrunnlag: introduksjonsloven → introduksjonsloven og integreringsloven"}, nil},
		{"party renamed",
			[]string{"    name: NAV Kristiansand\n    kind: nav", "    name: NAV Agder\n    kind: nav"},
			[]string{"Parten NAV Kristiansand har fått nytt navn: NAV Agder"}, nil},
		{"party added",
			[]string{"    kind: nav\n", "    kind: nav\n  - id: agder\n    name: Agder fylkeskommune\n    kind: fylkeskommune\n"},
			[]string{"Ny part: Agder fylkeskommune (fylkeskommune)"},
			[]string{"Part fjernet: Agder fylkeskommune"}},
		{"unit renamed and moved",
			[]string{"    name: Karrieresenteret i fylket\n    party: nav-kristiansand", "    name: Karrieresenteret Agder\n    party: oppvekst"},
			[]string{"Enheten Karrieresenteret i fylket har fått nytt navn: Karrieresenteret Agder", "Karrieresenteret Agder: hører til NAV Kristiansand → Oppvekst"}, nil},
		{"role added",
			[]string{"roles:\n", "roles:\n  - id: tolk\n    name: Tolk\n    unit: integrering\n"},
			[]string{"Ny rolle: Tolk (i Enhet for integrering)"},
			[]string{"Rolle fjernet: Tolk"}},
		{"role renamed",
			[]string{"name: Veileder i NAV", "name: NAV-veileder"},
			[]string{"Rollen Veileder i NAV har fått nytt navn: NAV-veileder"}, nil},
		{"signatory replaced in the same position",
			[]string{"name: Brede Skaalerud", "name: Ola Nordmann"},
			[]string{"Underskriver som Helse- og mestringsdirektør: Brede Skaalerud → Ola Nordmann"}, nil},
		{"signatory added",
			[]string{"    for: oppvekst\n", "    for: oppvekst\n  - name: Per Hansen\n    title: NAV-leder\n    for: nav-kristiansand\n"},
			[]string{"Ny underskriver: Per Hansen, NAV-leder"},
			[]string{"Underskriver fjernet: Per Hansen, NAV-leder"}},
		{"contact added",
			[]string{"signatories:", contact},
			[]string{"Ny kontaktperson: Kari Nordmann (Programrådgiver)"},
			[]string{"Kontaktperson fjernet: Kari Nordmann"}},
		{"standard text mode",
			[]string{"  nav:\n    mode: utelat", "  nav:\n    mode: behold"},
			[]string{"NAV-kontorets plikter: utelat → behold"}, nil},
		{"duty reworded",
			[]string{"har ansvar for grunnskoleopplæring\n", "har ansvar for grunnskoleopplæring for voksne\n"},
			[]string{"Kongsgård skolesenter: plikt omformulert «har ansvar for grunnskoleopplæring» → «har ansvar for grunnskoleopplæring for voksne»"}, nil},
		{"duty added",
			[]string{"      - text: har ansvar for samarbeidet med videregående skole\n", "      - text: har ansvar for samarbeidet med videregående skole\n      - text: tilbyr kurs i livsmestring\n"},
			[]string{"Kongsgård skolesenter: ny plikt «tilbyr kurs i livsmestring»"},
			[]string{"Kongsgård skolesenter: plikt fjernet «tilbyr kurs i livsmestring»"}},
		{"duty's roles",
			[]string{"      - text: har ansvar for grunnskoleopplæring\n", "      - text: har ansvar for grunnskoleopplæring\n        roles: [laerer]\n"},
			[]string{"Kongsgård skolesenter, «har ansvar for grunnskoleopplæring»: roller satt til Lærer"}, nil},
		{"meeting renamed",
			[]string{"name: Trekantsamtaler", "name: Trepartssamtaler"},
			[]string{"Møtet Trekantsamtaler har fått nytt navn: Trepartssamtaler"}, nil},
		{"meeting frequency",
			[]string{"frequency: kvartalsvis\n    convener", "frequency: halvårlig (vår og høst)\n    convener", "months: [februar, mai, september, november]", "months: [mai, november]"},
			[]string{"Ledermøter: hyppighet kvartalsvis → halvårlig (vår og høst)"}, nil},
		{"meeting convener and participants",
			[]string{"    convener: programradgiver\n    participants: [programradgiver, laerer]", "    convener: laerer\n    participants: [programradgiver, laerer, nav-veileder]"},
			[]string{"Trekantsamtaler: innkaller Programrådgiver → Lærer", "Trekantsamtaler: nye deltakere Veileder i NAV"},
			[]string{"Trekantsamtaler: innkaller Lærer → Programrådgiver", "Trekantsamtaler: deltakere tatt ut Veileder i NAV"}},
		{"meeting added",
			[]string{"meetings:\n", "meetings:\n  - id: info\n    name: Informasjonsmøte\n    level: saksbehandler\n    frequency: årlig\n    convener: nav\n    participants: [nav-veileder]\n"},
			[]string{"Nytt møte: Informasjonsmøte (saksbehandlernivå, årlig)"},
			[]string{"Møte fjernet: Informasjonsmøte"}},
		{"goals and purpose",
			[]string{"    - Avtalepartene skal arbeide for å nå", "    - Partene skal arbeide for å nå", "goals:\n  goals:", "goals:\n  reporting: [Rapport hvert år.]\n  goals:"},
			[]string{"Mål: punkt omformulert «Avtalepartene skal arbeide for å nå de til enhver tid fastsatte politiske mål og resultatkrav om integrering.» → «Partene skal arbeide for å nå de til enhver tid fastsatte politiske mål og resultatkrav om integrering.»", "Rapportering: nytt punkt «Rapport hvert år.»"}, nil},
		{"transition and evaluation",
			[]string{"  frequency: kvartalsvis\n  responsible: kommunalsjef-hi", "  frequency: årlig\n  responsible: kommunalsjef-hi", "title: Overgang til NAV ved programslutt", "title: Overgang til NAV"},
			[]string{"Evaluering: hyppighet kvartalsvis → årlig", "Overgang: overskrift «Overgang til NAV ved programslutt» → «Overgang til NAV»"}, nil},
		{"clause",
			[]string{"må drøftes med enhet for integrering i god tid", "må drøftes med enhet for integrering minst tre måneder"},
			[]string{"må drøftes med enhet for integrering i god tid før nye kurs eller tiltak opprettes eller legges ned.» → «Endringer av kurstilbud og tiltak må drøftes med enhet for integrering minst tre måneder"}, nil},
		{"revision added",
			[]string{"calendar:\n", "  - version: \"1.1\"\n    date: 2024-10-01\n    changes:\n      - Nytt ledermøte.\n\ncalendar:\n"},
			[]string{"Ny revisjon: versjon 1.1 (1. oktober 2024)"},
			[]string{"Revisjon fjernet: versjon 1.1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			old, new := load(t, base), load(t, edit(t, base, c.edits...))
			check := func(r Report, want []string) {
				t.Helper()
				text := r.Text()
				for _, w := range want {
					if !strings.Contains(text, w) {
						t.Errorf("want a line with\n  %s\ngot:\n%s", w, text)
					}
				}
			}
			forward := Compare(old, new)
			if forward.Empty() {
				t.Fatal("no changes found")
			}
			check(forward, c.want)
			back := Compare(new, old)
			if back.Empty() {
				t.Fatal("no changes found backwards")
			}
			check(back, c.back)
		})
	}
}

func TestNoChange(t *testing.T) {
	for _, name := range []string{"kristiansand.yaml", "afjord.yaml", "andoy.yaml"} {
		text := sample(t, name)
		a, diags := model.Load(name, []byte(text))
		if a == nil {
			t.Logf("%s does not load, skipped: %v", name, diags.Errors())
			continue
		}
		r := Compare(a, load(t, text))
		if !r.Empty() || r.Text() != "Ingen endringer\n" {
			t.Errorf("%s against itself:\n%s", name, r.Text())
		}
	}
}

// TestMeaningNotWording: how a value is written, line breaks and the order
// of lists are not changes.
func TestMeaningNotWording(t *testing.T) {
	base := sample(t, "kristiansand.yaml")
	same := edit(t, base,
		"frequency: kvartalsvis\n    convener", "frequency: \"kvartalsvis \"\n    convener",
		"participants: [kommunalsjef-hi, kommunalsjef-nav, kommunalsjef-skole]", "participants: [kommunalsjef-skole, kommunalsjef-hi, kommunalsjef-nav]",
		"      - text: har ansvar for grunnskoleopplæring\n        topics: [ansvar]\n", "",
		"      - text: har ansvar for samarbeidet med videregående skole\n", "      - text: har ansvar for grunnskoleopplæring\n        topics: [ansvar]\n      - text: har ansvar for samarbeidet med videregående skole\n",
		"  - Avtalen skal bidra til et godt og ryddig samarbeid", "  - >-\n    Avtalen skal bidra til et godt\n    og ryddig samarbeid",
	)
	if r := Compare(load(t, base), load(t, same)); !r.Empty() {
		t.Errorf("changes found where there are none:\n%s", r.Text())
	}
}

func TestRoutines(t *testing.T) {
	base := sample(t, "andoy.yaml")
	if a, _ := model.Load("andoy.yaml", []byte(base)); a == nil {
		t.Skip("the Andøy sample does not load")
	}
	changed := edit(t, base,
		"          - Gi veiledning og støtte til deltakerne i deres integreringsprosess.", "          - Gi veiledning og god støtte til deltakerne i deres integreringsprosess.")
	r := Compare(load(t, base), load(t, changed))
	want := "oppgave omformulert «Gi veiledning og støtte til deltakerne i deres integreringsprosess.» → «Gi veiledning og god støtte til deltakerne i deres integreringsprosess.»"
	if !strings.Contains(r.Text(), want) || !strings.Contains(r.Text(), "Rutinebeskrivelser") {
		t.Errorf("want %s, got:\n%s", want, r.Text())
	}
}

func TestMarkdown(t *testing.T) {
	base := sample(t, "kristiansand.yaml")
	changed := edit(t, base, "name: Trekantsamtaler", `name: "1. Trekant*samtaler* [ny] <b>|#"`)
	r := Compare(load(t, base), load(t, changed))
	md := r.Markdown()
	want := "- Møtet Trekantsamtaler har fått nytt navn: 1\\. Trekant\\*samtaler\\* \\[ny\\] \\<b\\>\\|\\#\n"
	if !strings.Contains(md, want) || !strings.HasPrefix(md, "### Møter\n\n") {
		t.Errorf("want\n%s\ngot:\n%s", want, md)
	}
	if got := (Report{}).Markdown(); got != "Ingen endringer.\n" {
		t.Errorf("empty Markdown report: %q", got)
	}
	// A value at the start of a line is escaped too.
	line := change("%s: %s", "1. punkt", "x").Markdown()
	if line != `1\. punkt: x` {
		t.Errorf("leading list marker: %q", line)
	}
}

func TestDeterministic(t *testing.T) {
	old, new := sample(t, "kristiansand.yaml"), sample(t, "afjord.yaml")
	a, b := load(t, old), load(t, new)
	first := Compare(a, b).Text()
	for range 5 {
		if got := Compare(load(t, old), load(t, new)).Text(); got != first {
			t.Fatal("two runs gave different reports")
		}
	}
	// Headings in the order of the agreement.
	var heads []string
	for _, l := range strings.Split(first, "\n") {
		if l != "" && !strings.HasPrefix(l, "- ") {
			heads = append(heads, l)
		}
	}
	if !slices.Equal(heads[:3], []string{"Avtalen", "Innledning, bakgrunn og formål", "Mål, resultatkrav og rapportering"}) {
		t.Errorf("headings: %v", heads)
	}
}

func TestRatio(t *testing.T) {
	cases := []struct {
		a, b string
		same bool
	}{
		{"har ansvar for grunnskoleopplæring", "har ansvar for grunnskoleopplæring for voksne", true},
		{"har ansvar for grunnskoleopplæring", "har ansvar for samarbeidet med videregående skole", false},
		{"", "", true},
	}
	for _, c := range cases {
		if got := ratio(c.a, c.b) >= similar; got != c.same {
			t.Errorf("ratio(%q, %q) = %.2f", c.a, c.b, ratio(c.a, c.b))
		}
	}
}

func TestContactReplaced(t *testing.T) {
	base := edit(t, sample(t, "kristiansand.yaml"), "signatories:", contact)
	changed := edit(t, base, "Kari Nordmann", "Per Hansen", `"11 11 11 11"`, `"22 22 22 22"`)
	r := Compare(load(t, base), load(t, changed))
	for _, want := range []string{"Kontaktperson som Programrådgiver: Kari Nordmann → Per Hansen", "Per Hansen: telefon 11 11 11 11 → 22 22 22 22"} {
		if !strings.Contains(r.Text(), want) {
			t.Errorf("want %s, got:\n%s", want, r.Text())
		}
	}
	if strings.Contains(r.Text(), "Ny kontaktperson") {
		t.Errorf("a replacement shows as a new person:\n%s", r.Text())
	}
}

// TestRenameIsOneChange: renaming the NAV office (the party and the unit
// of the same name) is one change, reported once, not again for every
// meeting, role, signatory and exchange that refers to it by id.
func TestRenameIsOneChange(t *testing.T) {
	base := sample(t, "andoy.yaml")
	renamed := strings.ReplaceAll(base, "    name: NAV Andøy\n", "    name: NAV Vesterålen\n")
	if renamed == base {
		t.Fatal("the sample has no NAV Andøy to rename")
	}
	r := Compare(load(t, base), load(t, renamed))
	want := "Parter\n- Parten NAV Andøy har fått nytt navn: NAV Vesterålen\n"
	if r.Text() != want {
		t.Errorf("a rename gives:\n%s\nwant:\n%s", r.Text(), want)
	}
	renamedRole := strings.Replace(base, "    name: Programrådgiver\n", "    name: Kontaktperson i flyktningtjenesten\n", 1)
	r = Compare(load(t, base), load(t, renamedRole))
	if n := strings.Count(r.Text(), "\n- "); n != 1 || !strings.Contains(r.Text(), "har fått nytt navn") {
		t.Errorf("a renamed role gives %d lines:\n%s", n, r.Text())
	}
}

// TestNynorskReport checks that the report on a nynorsk file is nynorsk in
// both directions and both formats: its own words come from nn.yaml, and
// no bokmål-only form slips in from Go.
func TestNynorskReport(t *testing.T) {
	base := sample(t, "volda.yaml")
	if !strings.Contains(base, "language: nn") {
		t.Fatal("volda.yaml is no longer a nynorsk sample")
	}
	changed := edit(t, base,
		`version: "2026.1"`, `version: "2026.2"`,
		"participants: [programradgivar, kontaktlaerar]", "participants: [programradgivar, nav-rettleiar]",
		"duration_minutes: 90", "duration_minutes: 120",
		"    follows_up_sharing: true\n", "",
		"kalle inn til trekantsamtale med deltakaren", "kalle inn til trekantsamtale med deltakaren og tolken",
		"  - id: overforingsmote\n", "  - id: overforingsmote2\n",
	)
	bokmal := regexp.MustCompile(`\b(ikke|endret|endres|deltakere|fjernet|tatt|temaer|navn|enhet|ansvarlig|minutter|innledning|hører|følger|lovhenvisninger|Møter|Parter|Ingen endringer)\b`)
	for _, dir := range []struct{ old, new string }{{base, changed}, {changed, base}} {
		r := Compare(load(t, dir.old), load(t, dir.new))
		for _, out := range []string{r.Text(), r.Markdown()} {
			for _, want := range []string{"Versjon: 2026.", "deltakarar", "minutt", "Møte"} {
				if !strings.Contains(out, want) {
					t.Errorf("the nynorsk report lacks %q:\n%s", want, out)
				}
			}
			if m := bokmal.FindAllString(out, -1); len(m) > 0 {
				t.Errorf("bokmål %q in the nynorsk report:\n%s", m, out)
			}
		}
	}
	same := Compare(load(t, base), load(t, base))
	if got := same.Markdown(); got != "Ingen endringar.\n" {
		t.Errorf("an unchanged nynorsk file gives %q, want «Ingen endringar.»", got)
	}
}
