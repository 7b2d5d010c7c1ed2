package checklist

import (
	"strings"
	"testing"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// agreement is a small agreement under introduksjonsloven with a weekly
// three-way meeting that escalates to a leader meeting. It has no NAV
// counsellor, so NAV items keep their generic name.
const agreement = `title: Samarbeidsavtale for Testkommune
municipality: Testkommune
version: "1"
legal_basis: [introduksjonsloven]
parties:
  - {id: kommunen, name: Testkommune, kind: kommune}
  - {id: nav, name: NAV Test, kind: nav}
units:
  - {id: flyktning, name: Flyktningtjenesten, party: kommunen}
roles:
  - {id: radgiver, name: Programrådgiver, unit: flyktning, kind: programrådgiver}
  - {id: leder, name: Leder, unit: flyktning, kind: leder}
meetings:
  - id: ledermote
    name: Ledermøte
    level: leder
    frequency: kvartalsvis
    convener: leder
    participants: [leder]
  - id: trekantsamtale
    name: Trekantsamtale
    level: individ
    frequency: hver uke
    convener: radgiver
    participants: [radgiver]
    minutes: leder
    escalates_to: ledermote
`

func builtin(t *testing.T) *Builtin {
	t.Helper()
	b, err := LoadFS(templates.Files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func load(t *testing.T, extra string) *model.Agreement {
	t.Helper()
	a, diags := model.Load("avtale.yaml", []byte(agreement+extra))
	if a == nil {
		t.Fatalf("the test agreement does not load:\n%v", diags)
	}
	return a
}

func find(lists []List, id string) *List {
	for i := range lists {
		if lists[i].ID == id {
			return &lists[i]
		}
	}
	return nil
}

func item(l *List, id string) *Item {
	if l == nil {
		return nil
	}
	for _, g := range l.Groups {
		for i := range g.Items {
			if g.Items[i].ID == id {
				return &g.Items[i]
			}
		}
	}
	return nil
}

func TestBuiltinCoversTheCourse(t *testing.T) {
	b := builtin(t)
	for _, id := range []string{"ny-bosetting", "programstart", "underveis", "permisjon", "programslutt", MeetingList, EvaluationList} {
		if b.list(id) == nil {
			t.Errorf("built-in list %q is missing", id)
		}
	}
	for _, id := range []string{"kompetansekartlegging", "karriereveiledning", "integreringsplan", "integreringskontrakt", "nir-avslutning", "overforingsmote", "bosetting-samtykke", "bosetting-hent-navn", "vedtak-introduksjonsprogram", "permisjonsvedtak", "fodselspermisjon", "arbeidssoker", "trekantsamtale", "evaluering-mote"} {
		if b.item(id) == nil {
			t.Errorf("built-in item %q is missing", id)
		}
	}
	if d := b.item("overforingsmote").Deadline; d.String() != "senest 3 måneder før" {
		t.Errorf("overforingsmote deadline = %q, want «senest 3 måneder før»", d)
	}
	if d := b.item("nir-avslutning").Deadline; d.String() != "innen 2 måneder etter" {
		t.Errorf("nir-avslutning deadline = %q, want «innen 2 måneder etter»", d)
	}
}

func TestParseRejects(t *testing.T) {
	const roles = "roles: {programrådgiver: Programrådgiver}\nlists: [{id: a, title: A}]\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", roles + "items: [{id: x, list: a, text: T, role: programrådgiver, colour: red}]", "colour"},
		{"unknown role", roles + "items: [{id: x, list: a, text: T, role: vaktmester}]", "«role: vaktmester»"},
		{"unknown list", roles + "items: [{id: x, list: b, text: T, role: programrådgiver}]", "sjekklisten «b» finnes ikke"},
		{"bad deadline", roles + "items: [{id: x, list: a, text: T, role: programrådgiver, deadline: snart}]", "«snart» er ikke en frist"},
		{"unknown law", roles + "items: [{id: x, list: a, text: T, role: programrådgiver, refs: [loven § 99]}]", "«loven § 99»"},
		{"duplicate id", roles + "items: [{id: x, list: a, text: T, role: programrådgiver}, {id: x, list: a, text: U, role: programrådgiver}]", "brukt før"},
		{"bad phase", roles + "items: [{id: x, list: a, text: T, role: programrådgiver, phase: snart}]", "«phase: snart»"},
		{"meeting role outside meetings", roles + "items: [{id: x, list: a, text: T, role: innkaller}]", "«role: innkaller»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), File) {
				t.Errorf("Parse error = %v, want one that names %s and says %q", err, File, tt.want)
			}
		})
	}
}

func TestMergeFollowsTheAgreement(t *testing.T) {
	lists := Merge(load(t, ""), builtin(t), lang.Builtin(lang.Default))
	start := find(lists, "programstart")
	if item(start, "integreringsplan") != nil || item(start, "integreringskontrakt") != nil {
		t.Error("an agreement under introduksjonsloven got the integreringsloven items")
	}
	if item(start, "individuell-plan") == nil {
		t.Error("an agreement under introduksjonsloven lacks the individual plan")
	}
	if it := item(start, "vedtak-introduksjonsprogram"); it == nil || len(it.Refs) != 1 || it.Refs[0] != "introduksjonsloven § 3" {
		t.Errorf("vedtak-introduksjonsprogram should cite introduksjonsloven § 3 (kommunens ansvar for introduksjonsprogram) only, got %+v", it)
	}
	if it := item(start, "programstart-nav-info"); it == nil || len(it.Roles) != 0 || it.Generic != "NAV-veileder" {
		t.Errorf("without a NAV counsellor the item should name the generic «NAV-veileder», got %+v", it)
	}
	if it := item(start, "individuell-plan"); it == nil || !it.Has("radgiver") {
		t.Errorf("the plan should land on the file's programme advisor, got %+v", it)
	}
}

func TestMergeBothActsOnce(t *testing.T) {
	a := load(t, "")
	a.LegalBasis = []model.LegalBasis{model.Integreringsloven, model.Introduksjonsloven}
	start := find(Merge(a, builtin(t), lang.Builtin(lang.Default)), "programstart")
	if item(start, "nir-programstart") == nil || item(start, "nir-programstart-introduksjonsloven") != nil {
		t.Error("under both Acts the NIR registration should come once, with its deadline")
	}
	if item(start, "integreringsplan") == nil || item(start, "individuell-plan") == nil {
		t.Error("under both Acts both kinds of plan apply")
	}
}

func TestMergeMeetings(t *testing.T) {
	lists := Merge(load(t, ""), builtin(t), lang.Builtin(lang.Default))
	tri := find(lists, MeetingPrefix+"trekantsamtale")
	if tri == nil || tri.Meeting == nil || tri.Title != "Trekantsamtale" {
		t.Fatalf("no checklist for the three-way meeting: %+v", tri)
	}
	if it := item(tri, "mote-innkalling"); it == nil || !it.Has("radgiver") || !it.Deadline.IsZero() || !it.Chore {
		t.Errorf("a weekly meeting's invitation goes to the convener without «1 uke før», got %+v", it)
	}
	if it := item(tri, "mote-referat"); it == nil || !it.Has("leder") {
		t.Errorf("the minutes go to the minutes role, got %+v", it)
	}
	if it := item(tri, "mote-eskalering"); it == nil || !strings.Contains(it.Text, "til Ledermøte,") {
		t.Errorf("the escalation item should name the leader meeting, got %+v", it)
	}
	if item(tri, "mote-trekant-plan") == nil {
		t.Error("the three-way meeting lacks its own items")
	}
	lead := find(lists, MeetingPrefix+"ledermote")
	if item(lead, "mote-trekant-plan") != nil || item(lead, "mote-eskalering") != nil {
		t.Error("the leader meeting got items of another kind of meeting")
	}
	if it := item(lead, "mote-innkalling"); it == nil || it.Deadline.String() != "senest 1 uke før" {
		t.Errorf("a quarterly meeting keeps «senest 1 uke før», got %+v", it)
	}
}

func TestMergeChanges(t *testing.T) {
	a := load(t, `checklists:
  changes:
    - item: deltakerbevis
      off: true
    - item: overforingsmote
      text: Hold overføringsmøte med NAV i god tid.
      role: leder
      deadline: 4 måneder før
  lists:
    - id: egen
      title: Egen liste
  items:
    - list: egen
      phase: etter
      text: Egen oppgave.
      role: radgiver
      deadline: innen 2 uker etter
    - list: programslutt
      text: Enda en oppgave.
      role: leder
`)
	if diags := Validate("avtale.yaml", a, builtin(t)); len(diags) > 0 {
		t.Fatal(diags)
	}
	lists := Merge(a, builtin(t), lang.Builtin(lang.Default))
	end := find(lists, "programslutt")
	if item(end, "deltakerbevis") != nil {
		t.Error("the item switched off is still there")
	}
	it := item(end, "overforingsmote")
	if it == nil || it.Text != "Hold overføringsmøte med NAV i god tid." || !it.Has("leder") || it.Deadline.String() != "senest 4 måneder før" {
		t.Errorf("the changed item is %+v", it)
	}
	if end.Groups[0].Title != "" || end.Groups[0].Items[0].Text != "Enda en oppgave." {
		t.Errorf("the file's item without a phase should come first, unheaded: %+v", end.Groups[0])
	}
	own := find(lists, "egen")
	if own == nil || own.Groups[0].Title != "Etterpå" || own.Groups[0].Items[0].Deadline.String() != "innen 2 uker etter" {
		t.Errorf("the file's own list is %+v", own)
	}
}

func TestValidate(t *testing.T) {
	b := builtin(t)
	base := strings.Count(agreement, "\n") + 1
	tests := []struct {
		name, yaml string
		line, col  int
		want       string
	}{
		{"unknown item", "checklists:\n  changes:\n    - item: kompetansekartleging\n      off: true\n", 3, 13, "«item: kompetansekartleging» er ikke et innebygd sjekklistepunkt – mente du «kompetansekartlegging»?"},
		{"unknown far item", "checklists:\n  changes:\n    - item: kaffe\n      off: true\n", 3, 13, "står med id i checklists.yaml"},
		{"unknown list", "checklists:\n  items:\n    - list: programstrat\n      text: T\n      role: radgiver\n", 3, 13, "«list: programstrat» er ikke en sjekkliste – mente du «programstart»?"},
		{"meeting list", "checklists:\n  items:\n    - list: mote-trekant\n      text: T\n      role: radgiver\n", 3, 13, "mente du «mote-trekantsamtale»?"},
		{"built-in id", "checklists:\n  lists:\n    - id: permisjon\n      title: P\n", 3, 11, "«permisjon» er en innebygd sjekkliste"},
		{"no change", "checklists:\n  changes:\n    - item: arbeidssoker\n", 3, 7, "endrer ingenting"},
		{"off and text", "checklists:\n  changes:\n    - item: arbeidssoker\n      off: true\n      text: T\n", 4, 12, "blir ikke brukt"},
		{"twice", "checklists:\n  changes:\n    - item: arbeidssoker\n      off: true\n    - item: arbeidssoker\n      text: T\n", 5, 13, "er endret før (linje"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := Validate("avtale.yaml", load(t, tt.yaml), b)
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want 1:\n%v", len(diags), diags)
			}
			d := diags[0]
			want := model.Pos{Line: base + tt.line - 1, Col: tt.col}
			if d.Pos != want || d.File != "avtale.yaml" || !strings.Contains(d.Message, tt.want) {
				t.Errorf("got %s\nwant avtale.yaml:%d:%d: …%s…", d, want.Line, want.Col, tt.want)
			}
		})
	}
}

// offices adds two NAV offices, each with its leader: both leaders get the
// NAV leader's items (before, only the first did), and nothing warns.
const offices = `  - {id: nav2, name: NAV Bjerke, kind: nav}
`

func TestEveryRoleOfTheKindPerOffice(t *testing.T) {
	src := strings.Replace(agreement, "units:\n", offices+"units:\n  - {id: alna, name: NAV Alna, party: nav}\n  - {id: bjerke, name: NAV Bjerke, party: nav2}\n", 1)
	src = strings.Replace(src, "meetings:\n", "  - {id: navleder-alna, name: Leder NAV Alna, unit: alna, kind: nav-leder}\n  - {id: navleder-bjerke, name: Leder NAV Bjerke, unit: bjerke, kind: nav-leder}\nmeetings:\n", 1)
	a, diags := model.Load("avtale.yaml", []byte(src))
	if a == nil {
		t.Fatalf("%v", diags)
	}
	b := builtin(t)
	if ds := Validate("avtale.yaml", a, b); len(ds) > 0 {
		t.Errorf("roles of one kind in different offices were warned about:\n%v", ds)
	}
	it := item(find(Merge(a, b, lang.Builtin(lang.Default)), EvaluationList), "evaluering-nav")
	if it == nil || !it.Has("navleder-alna") || !it.Has("navleder-bjerke") {
		t.Fatalf("the NAV leaders' evaluation item = %+v, want both leaders", it)
	}
}

func TestSharedKindWarns(t *testing.T) {
	src := strings.Replace(agreement, "meetings:\n", "  - {id: radgiver2, name: Programrådgiver 2, unit: flyktning, kind: programrådgiver}\nmeetings:\n", 1)
	a, diags := model.Load("avtale.yaml", []byte(src))
	if a == nil {
		t.Fatalf("%v", diags)
	}
	ds := Validate("avtale.yaml", a, builtin(t))
	want := "avtale.yaml:13:69: advarsel: rollene «radgiver» og «radgiver2» har begge «kind: programrådgiver» i samme part"
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), want) || !strings.Contains(ds[0].Message, "«checklists: changes:»") {
		t.Errorf("want one warning starting\n  %s\ngot\n  %v", want, ds)
	}
}

func TestChangedDeadlineContradictsPhase(t *testing.T) {
	a := load(t, "checklists:\n  changes:\n    - item: evaluering-nav\n      deadline: 2 uker etter\n")
	ds := Validate("avtale.yaml", a, builtin(t))
	want := "avtale.yaml:31:17: punktet står under «før», men fristen «innen 2 uker etter» er etter hendelsen"
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), want) {
		t.Errorf("want\n  %s\ngot\n  %v", want, ds)
	}
}
