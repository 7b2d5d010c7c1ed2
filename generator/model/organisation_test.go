package model_test

import (
	"strings"
	"testing"

	"samarbeid/generator/model"
)

// load loads file and fails the test on errors.
func load(t *testing.T, file string) (*model.Agreement, model.Diagnostics) {
	t.Helper()
	a, diags := model.Load("avtale.yaml", []byte(file))
	if a == nil {
		t.Fatalf("refused:\n%v", diags)
	}
	return a, diags
}

// wantLine fails unless diags has a line starting with want.
func wantLine(t *testing.T, diags model.Diagnostics, want string) {
	t.Helper()
	for _, d := range diags {
		if strings.HasPrefix(d.String(), want) {
			return
		}
	}
	t.Errorf("want a line starting\n  %s\ngot\n  %s", want, strings.ReplaceAll(diags.Error(), "\n", "\n  "))
}

// deepUnits nests five units under NAV, the routine shape: a section in a
// department in the NAV office under the municipality.
const deepUnits = `
  - id: n1
    name: NAV Skedsmo
    party: nav
  - id: n2
    name: Avdeling arbeid
    party: n1
  - id: n3
    name: Seksjon inkludering
    party: n2
  - id: n4
    name: Flyktningavdelingen
    party: n3
  - id: n5
    name: Team intro
    party: n4
`

// TestDeepUnits: every lookup walks the whole chain, however deep; before,
// a chain deeper than four levels lost its party.
func TestDeepUnits(t *testing.T) {
	file := edit(t, "units:\n", "units:"+deepUnits) + "contacts:\n  - name: Per Hansen\n    unit: n5\n    phone: \"12 34 56 78\"\n"
	a, diags := load(t, file)
	if len(diags) > 0 {
		t.Errorf("unexpected diagnostics:\n%v", diags)
	}
	p := a.PartyOf("n5")
	if p == nil || p.ID != "nav" {
		t.Fatalf("PartyOf(n5) = %v, want the NAV party", p)
	}
	if got := a.Chain("n5"); len(got) != 6 {
		t.Errorf("Chain(n5) = %v", got)
	}
	if !a.BelongsTo("n5", "n2") || a.BelongsTo("n2", "n5") {
		t.Error("BelongsTo does not follow the chain upwards only")
	}
}

func TestCycles(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"unit belongs to itself", "    party: kommunen", "    party: flyktningtjenesten",
			"avtale.yaml:18:12: enheten «flyktningtjenesten» kan ikke høre til seg selv"},
		{"units belong to each other", "    party: kommunen", "    party: b\n  - id: b\n    name: B\n    party: c\n  - id: c\n    name: C\n    party: flyktningtjenesten",
			"avtale.yaml:18:12: enhetene hører til hverandre i ring (flyktningtjenesten → b → c → flyktningtjenesten)"},
		{"escalation returns to its start", "    participants: [flyktningtjenesten, nav]\n",
			"    participants: [flyktningtjenesten, nav]\n    escalates_to: styring\n  - id: styring\n    name: Styringsgruppe\n    level: leder\n    frequency: årlig\n    convener: nav\n    participants: [nav]\n    escalates_to: ledermote\n",
			"avtale.yaml:30:19: saker som løftes videre, kommer tilbake til møtet de startet i (ledermote → styring → ledermote)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, diags := model.Load("avtale.yaml", []byte(edit(t, c.old, c.new)))
			if a != nil {
				t.Error("a cycle was accepted")
			}
			wantLine(t, diags, c.want)
		})
	}
}

func TestContacts(t *testing.T) {
	with := func(t *testing.T, contact string) string {
		return edit(t, "meetings:", "contacts:\n"+contact+"meetings:")
	}
	t.Run("by function and phone only", func(t *testing.T) {
		a, diags := load(t, with(t, "  - function: Flyktningkonsulenten\n    unit: flyktningtjenesten\n    phone: \"57 12 34 56\"\n"))
		if len(diags) > 0 || a.Contacts[0].Label() != "Flyktningkonsulenten" {
			t.Errorf("label %q, diagnostics:\n%v", a.Contacts[0].Label(), diags)
		}
	})
	t.Run("neither name nor function", func(t *testing.T) {
		_, diags := model.Load("avtale.yaml", []byte(with(t, "  - unit: flyktningtjenesten\n    phone: \"57 12 34 56\"\n")))
		wantLine(t, diags, "avtale.yaml:24:5: kontakten mangler både «name» og «function»")
	})
	t.Run("cannot be reached", func(t *testing.T) {
		_, diags := load(t, with(t, "  - name: Kari Li\n    unit: flyktningtjenesten\n"))
		wantLine(t, diags, "avtale.yaml:24:5: advarsel: kontakten «Kari Li» har verken «phone» eller «email»")
	})
	t.Run("not an e-mail address", func(t *testing.T) {
		_, diags := load(t, with(t, "  - name: Kari Li\n    unit: flyktningtjenesten\n    email: kari.li(at)kommune.no\n"))
		wantLine(t, diags, "avtale.yaml:26:12: advarsel: «kari.li(at)kommune.no» er ikke en e-postadresse")
	})
}

func TestDutyOwners(t *testing.T) {
	group := func(t *testing.T, owner string) string {
		return edit(t, "meetings:", "duties:\n  - "+owner+"\n    items:\n      - text: kartlegge\nmeetings:")
	}
	a, diags := load(t, group(t, "owners: [kommunen, nav]"))
	if len(diags) > 0 || len(a.Duties[0].OwnerIDs()) != 2 || strings.Join(a.Names(a.Duties[0].OwnerIDs()), "|") != "Eksempel kommune|NAV Eksempel" {
		t.Errorf("owners = %v, diagnostics:\n%v", a.Duties[0].OwnerIDs(), diags)
	}
	_, diags = model.Load("avtale.yaml", []byte(group(t, "owner: kommunen\n    owners: [nav]")))
	wantLine(t, diags, "avtale.yaml:25:13: skriv enten «owner» (én eier) eller «owners» (flere eiere), ikke begge")
	_, diags = model.Load("avtale.yaml", []byte(group(t, "title: Plikter")))
	wantLine(t, diags, "avtale.yaml:24:5: pliktene mangler eier")
	_, diags = model.Load("avtale.yaml", []byte(group(t, "owners: [kommunen, kommunen]")))
	wantLine(t, diags, "avtale.yaml:24:24: «kommunen» står to ganger i «owners»")
}

func TestSignatoryPerParty(t *testing.T) {
	noNAV := edit(t, "  - name: Ola Nordmann\n    title: NAV-leder\n    for: nav\n", "")
	_, diags := load(t, noNAV)
	wantLine(t, diags, "avtale.yaml:12:5: advarsel: parten «NAV Eksempel» har ingen som signerer")

	silent := strings.Replace(noNAV, "    kind: nav\n", "    kind: nav\n    signs: nei\n", 1)
	if _, diags := load(t, silent); len(diags) > 0 {
		t.Errorf("a party that does not sign was warned about:\n%v", diags)
	}
	// a signatory for a unit signs for the unit's party
	byUnit := strings.Replace(noNAV, "units:\n", "units:\n  - id: navenhet\n    name: Oppfølging\n    party: nav\n", 1) +
		"  - title: Avdelingsleder\n    for: navenhet\n"
	if _, diags := load(t, byUnit); len(diags) > 0 {
		t.Errorf("a signatory for the party's unit was not counted:\n%v", diags)
	}
}

func TestRelativeDeadlines(t *testing.T) {
	d, err := model.ParseDeadline("innen 3 måneder etter bosetting")
	if err != nil || d.Event != "bosetting" || d.String() != "innen 3 måneder etter bosetting" {
		t.Fatalf("%+v %v", d, err)
	}
	item := func(t *testing.T, list, phase, deadline string) string {
		return base + "checklists:\n  items:\n    - list: " + list + "\n      phase: " + phase + "\n      text: Start norskopplæringen\n      role: programradgiver\n      deadline: " + deadline + "\n"
	}
	if _, diags := load(t, item(t, "programstart", "før", "innen 3 måneder etter bosetting")); len(diags) > 0 {
		t.Errorf("a deadline counted from another event was refused:\n%v", diags)
	}
	for _, dl := range []string{"innen 3 måneder etter", "innen 3 måneder etter programstart"} {
		_, diags := model.Load("avtale.yaml", []byte(item(t, "programstart", "før", dl)))
		wantLine(t, diags, "avtale.yaml:43:17: punktet står under «før», men fristen «"+dl+"» er etter hendelsen")
	}
	_, diags := model.Load("avtale.yaml", []byte(item(t, "ny-bosetting", "etter", "2 uker før bosettingen")))
	wantLine(t, diags, "avtale.yaml:43:17: punktet står under «etter», men fristen «senest 2 uker før bosettingen» er før hendelsen")
	// nynorsk, and the definite ending -a (read.definite)
	_, diags = model.Load("avtale.yaml", []byte(item(t, "ny-bosetting", "etter", "seinast 2 veker før bosettinga")))
	wantLine(t, diags, "avtale.yaml:43:17: punktet står under «etter», men fristen «senest 2 uker før bosettinga» er før hendelsen")
}

func TestDocuments(t *testing.T) {
	docs := func(t *testing.T, refs, prose string) string {
		return edit(t, "meetings:", "purpose:\n  - "+prose+"\nreferences:\n"+refs+"meetings:")
	}
	const intention = "  - id: intensjon\n    title: Intensjonsavtale om bosetting\n    date: 2024-03-01\n    case_number: 2024/118\n"
	a, diags := load(t, docs(t, intention+"  - id: kjop\n    title: Kjøpsavtale\n    file: vedlegg/kjop.pdf\n", "Avtalen bygger på {ref:intensjon}."))
	if len(diags) > 0 || a.References[0].Kind != model.DocReference || a.References[1].Kind != model.DocAnnex {
		t.Errorf("kinds %v %v, diagnostics:\n%v", a.References[0].Kind, a.References[1].Kind, diags)
	}
	_, diags = model.Load("avtale.yaml", []byte(docs(t, intention, "Avtalen bygger på {ref:intensjn}.")))
	wantLine(t, diags, "avtale.yaml:24:5: «{ref:intensjn}» viser til et dokument som ikke finnes – mente du «{ref:intensjon}»?")
	for _, bad := range []string{"../hemmelig.pdf", "/etc/passwd", "vedlegg/../../x.pdf"} {
		_, diags = model.Load("avtale.yaml", []byte(docs(t, "  - id: kjop\n    title: Kjøpsavtale\n    file: "+bad+"\n", "x")))
		wantLine(t, diags, "avtale.yaml:28:11: «file: "+bad+"» må ligge i mappen til avtalefilen")
	}
}

func TestPurchase(t *testing.T) {
	p := func(t *testing.T, buyers string) string {
		return edit(t, "meetings:", "purchase:\n  seller: kommunen\n  buyers: ["+buyers+"]\n  services: [introduksjonsprogram]\nmeetings:")
	}
	if _, diags := load(t, p(t, "nav")); len(diags) > 0 {
		t.Errorf("%v", diags)
	}
	_, diags := model.Load("avtale.yaml", []byte(p(t, "kommunen")))
	wantLine(t, diags, "avtale.yaml:25:12: «kommunen» er både selger og kjøper")
	_, diags = model.Load("avtale.yaml", []byte(p(t, "flyktningtjenesten")))
	wantLine(t, diags, "avtale.yaml:25:12: «buyers: flyktningtjenesten» skal vise til en part, men «flyktningtjenesten» er en enhet")
}
