package model_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"samarbeid/generator/model"
)

// base is a small valid file; the bad inputs below are edits of it.
const base = `type: avtale
title: Samarbeidsavtale
municipality: Eksempel kommune
version: "1.0"
dates:
  valid_from: 2027-01-01
  next_evaluation: 2027-12-01
parties:
  - id: kommunen
    name: Eksempel kommune
    kind: kommune
  - id: nav
    name: NAV Eksempel
    kind: nav
units:
  - id: flyktningtjenesten
    name: Flyktningtjenesten
    party: kommunen
roles:
  - id: programradgiver
    name: Programrådgiver
    unit: flyktningtjenesten
meetings:
  - id: ledermote
    name: Ledermøte
    level: leder
    frequency: kvartalsvis
    convener: flyktningtjenesten
    participants: [flyktningtjenesten, nav]
signatories:
  - name: Kari Nordmann
    title: Kommunalsjef
    for: kommunen
  - name: Ola Nordmann
    title: NAV-leder
    for: nav
`

func TestLoadValid(t *testing.T) {
	a, diags := model.Load("avtale.yaml", []byte(base))
	if a == nil || len(diags) > 0 {
		t.Fatalf("valid file refused:\n%v", diags)
	}
	if a.Meetings[0].Frequency.String() != "kvartalsvis" || a.Type != model.KindAgreement {
		t.Errorf("decoded wrongly: %+v", a.Meetings[0].Frequency)
	}
	if got := a.Meetings[0].At("frequency"); got != (model.Pos{Line: 27, Col: 16}) {
		t.Errorf("position of frequency = %v", got)
	}
}

// TestLoadWindows: a byte-order mark and CRLF line endings simply work.
func TestLoadWindows(t *testing.T) {
	data := "\xef\xbb\xbf" + strings.ReplaceAll(base, "\n", "\r\n")
	if a, diags := model.Load("avtale.yaml", []byte(data)); a == nil {
		t.Fatalf("a file saved on Windows was refused:\n%v", diags)
	}
}

func TestSamplesLoad(t *testing.T) {
	for _, name := range []string{"kristiansand", "afjord", "andoy"} {
		data, err := os.ReadFile("../../samples/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if a, diags := model.Load(name+".yaml", data); a == nil || len(diags.Errors()) > 0 {
			t.Errorf("%s:\n%v", name, diags)
		}
	}
}

// edit replaces old with new in base, once; the case fails if old is absent.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(base, old) {
		t.Fatalf("base has no %q", old)
	}
	return strings.Replace(base, old, new, 1)
}

// TestLoadBad is the table of bad inputs: each gives exactly the expected
// line, FILE:LINE:COL: melding, among its diagnostics, and no agreement.
func TestLoadBad(t *testing.T) {
	cases := []struct {
		name string
		file func(t *testing.T) string
		want string
	}{
		{"misspelt nested key", func(t *testing.T) string { return edit(t, "    name: NAV Eksempel", "    nmae: NAV Eksempel") },
			"avtale.yaml:13:5: ukjent felt «nmae» – mente du «name»?"},
		{"misspelt top-level key", func(t *testing.T) string { return edit(t, "municipality:", "municipalty:") },
			"avtale.yaml:3:1: ukjent felt «municipalty» – mente du «municipality»?"},
		{"unknown key far from any", func(t *testing.T) string { return edit(t, "version: \"1.0\"", "version: \"1.0\"\nfarge: blå") },
			"avtale.yaml:5:1: ukjent felt «farge»; gyldige felt her er"},
		{"misspelt meeting key", func(t *testing.T) string { return edit(t, "    participants:", "    participant:") },
			"avtale.yaml:29:5: ukjent felt «participant» – mente du «participants»?"},
		{"missing required title", func(t *testing.T) string { return edit(t, "title: Samarbeidsavtale\n", "") },
			"avtale.yaml:1:1: påkrevd felt «title» mangler; legg til «title: …» på dette nivået"},
		{"missing party name", func(t *testing.T) string { return edit(t, "    name: Eksempel kommune\n", "") },
			"avtale.yaml:9:5: påkrevd felt «name» mangler i «parties»"},
		{"empty required value", func(t *testing.T) string { return edit(t, "    convener: flyktningtjenesten", "    convener:") },
			"avtale.yaml:24:5: påkrevd felt «convener» mangler i «meetings»"},
		{"list where text belongs", func(t *testing.T) string { return edit(t, "title: Samarbeidsavtale", "title: [a, b]") },
			"avtale.yaml:2:8: «title» skal være en tekst, ikke en liste"},
		{"text where fields belong", func(t *testing.T) string {
			return edit(t, "dates:\n  valid_from: 2027-01-01\n  next_evaluation: 2027-12-01", "dates: snart")
		},
			"avtale.yaml:5:8: «dates» skal ha underfelt"},
		{"text where a list belongs", func(t *testing.T) string {
			return edit(t, "roles:\n  - id: programradgiver\n    name: Programrådgiver\n    unit: flyktningtjenesten", "roles: programrådgiver")
		}, "avtale.yaml:19:8: «roles» skal være en liste"},
		{"wrong type of bool", func(t *testing.T) string {
			return edit(t, "    for: kommunen", "    for: kommunen\n    leader_level: kanskje")
		},
			"avtale.yaml:34:19: «leader_level» skal være ja eller nei"},
		{"quote left open in a list", func(t *testing.T) string { return edit(t, "[flyktningtjenesten, nav]", `[flyktningtjenesten, "nav]`) },
			"avtale.yaml:29:40: ugyldig YAML: anførselstegnet som begynner her, blir ikke lukket"},
		{"single quote left open", func(t *testing.T) string { return edit(t, "    name: Ledermøte", `    name: 'Ledermøte''s`) },
			"avtale.yaml:25:11: ugyldig YAML: anførselstegnet som begynner her, blir ikke lukket"},
		{"value in upper case", func(t *testing.T) string { return edit(t, "type: avtale", "type: avtale\nlanguage: NN") },
			"avtale.yaml:2:11: «language»: «NN» er ikke en gyldig verdi – mente du «nn»?"},
		{"reference to missing id", func(t *testing.T) string { return edit(t, "    party: kommunen", "    party: kommuen") },
			"avtale.yaml:18:12: «party: kommuen» viser til en id som ikke finnes – mente du «kommunen»?"},
		{"reference to the wrong kind", func(t *testing.T) string { return edit(t, "    unit: flyktningtjenesten", "    unit: nav") },
			"avtale.yaml:22:11: «unit: nav» skal vise til en enhet, men «nav» er en part"},
		{"participant that does not exist", func(t *testing.T) string { return edit(t, "[flyktningtjenesten, nav]", "[flyktningtjenesten, navv]") },
			"avtale.yaml:29:40: «participants: navv» viser til en id som ikke finnes – mente du «nav»?"},
		{"duplicate id", func(t *testing.T) string { return edit(t, "  - id: nav\n", "  - id: kommunen\n") },
			"avtale.yaml:12:9: id «kommunen» er brukt før (som part på linje 9)"},
		{"invalid id", func(t *testing.T) string { return edit(t, "  - id: nav\n", "  - id: NAV Eksempel\n") },
			"avtale.yaml:12:9: «id»: «NAV Eksempel» er ikke en gyldig id"},
		{"impossible date", func(t *testing.T) string { return edit(t, "valid_from: 2027-01-01", "valid_from: 2027-02-30") },
			"avtale.yaml:6:15: «valid_from»: datoen «2027-02-30» finnes ikke i kalenderen"},
		{"date in the wrong form", func(t *testing.T) string { return edit(t, "valid_from: 2027-01-01", "valid_from: 1.1.2027") },
			"avtale.yaml:6:15: «valid_from»: «1.1.2027» er ikke en dato; skriv år-måned-dag"},
		{"dates in the wrong order", func(t *testing.T) string {
			return edit(t, "next_evaluation: 2027-12-01", "next_evaluation: 2026-12-01")
		},
			"avtale.yaml:7:20: neste evaluering (2026-12-01) er før avtalen gjelder fra (2027-01-01)"},
		{"unknown enum value with suggestion", func(t *testing.T) string { return edit(t, "    level: leder", "    level: ledere") },
			"avtale.yaml:26:12: «level»: «ledere» er ikke en gyldig verdi – mente du «leder»?"},
		{"unknown document type", func(t *testing.T) string { return edit(t, "type: avtale", "type: kontrakt") },
			"avtale.yaml:1:7: «type»: «kontrakt» er ikke en gyldig verdi; skriv «avtale» eller «rutine»"},
		{"unknown legal reference", func(t *testing.T) string {
			return edit(t, "    for: kommunen", "    for: kommunen\nduties:\n  - owner: kommunen\n    items:\n      - text: kartlegge\n        refs: [integreringsloven § 100]")
		}, "avtale.yaml:38:16: «refs»: ukjent lovhenvisning «integreringsloven § 100» – mente du «integreringsloven § 10»?"},
		{"meeting escalates to itself", func(t *testing.T) string {
			return edit(t, "    participants:", "    escalates_to: ledermote\n    participants:")
		},
			"avtale.yaml:29:19: møtet «ledermote» kan ikke løfte saker til seg selv"},
		{"duplicate key", func(t *testing.T) string { return edit(t, "version: \"1.0\"", "version: \"1.0\"\nversion: \"2.0\"") },
			"avtale.yaml:5:1: feltet «version» står to ganger; slett det ene"},
		{"tab in indentation", func(t *testing.T) string { return edit(t, "    name: NAV Eksempel", "\tname: NAV Eksempel") },
			"avtale.yaml:13:1: ugyldig YAML: tabulatortegn i innrykket; bruk mellomrom"},
		{"broken indentation", func(t *testing.T) string { return edit(t, "    kind: nav", "   kind: nav") },
			"avtale.yaml:14:1: ugyldig YAML"},
		{"unclosed quote", func(t *testing.T) string { return edit(t, "version: \"1.0\"", "version: \"1.0") },
			"avtale.yaml:4:10: ugyldig YAML: anførselstegnet som begynner her, blir ikke lukket; skriv det samme anførselstegnet på slutten av verdien"},
		{"empty file", func(t *testing.T) string { return "" },
			"avtale.yaml:1:1: filen er tom"},
		{"only comments", func(t *testing.T) string { return "# bare en kommentar\n" },
			"avtale.yaml:1:1: filen er tom"},
		{"not UTF-8", func(t *testing.T) string { return edit(t, "Programrådgiver", "Programr\xe5dgiver") },
			"avtale.yaml:21:19: filen er ikke lagret som UTF-8"},
		{"a list, not a mapping", func(t *testing.T) string { return "- title: x\n" },
			"avtale.yaml:1:1: filen skal bestå av felt"},
		{"two documents", func(t *testing.T) string { return base + "---\ntitle: igjen\n" },
			"avtale.yaml:37:1: filen har mer enn ett YAML-dokument"},
		{"months that do not fit the frequency", func(t *testing.T) string {
			return edit(t, "    participants:", "    schedule:\n      months: [mars]\n    participants:")
		}, "avtale.yaml:30:15: møtet «ledermote» holdes kvartalsvis og trenger 4 måned(er) i «months», ikke 1"},
		{"meeting without participants", func(t *testing.T) string {
			return edit(t, "    participants: [flyktningtjenesten, nav]\n", "")
		}, "avtale.yaml:24:5: møtet «ledermote» har ingen deltakere"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, diags := model.Load("avtale.yaml", []byte(c.file(t)))
			if a != nil {
				t.Errorf("bad input accepted")
			}
			text := diags.Error()
			found := false
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, c.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("want a line starting\n  %s\ngot\n  %s", c.want, strings.ReplaceAll(text, "\n", "\n  "))
			}
		})
	}
}

// TestAllProblemsAtOnce: every problem is reported, sorted by position.
func TestAllProblemsAtOnce(t *testing.T) {
	data := strings.Replace(base, "    nmae", "    name", 1)
	data = strings.Replace(data, "frequency: kvartalsvis", "frequency: sjelden", 1)
	data = strings.Replace(data, "    name: NAV Eksempel", "    nmae: NAV Eksempel", 1)
	data = strings.Replace(data, "    party: kommunen", "    party: ingen", 1)
	_, diags := model.Load("avtale.yaml", []byte(data))
	if len(diags) != 3 {
		t.Fatalf("want 3 problems, got:\n%v", diags)
	}
	for i := 1; i < len(diags); i++ {
		if diags[i].Pos.Line < diags[i-1].Pos.Line {
			t.Errorf("not sorted by position:\n%v", diags)
		}
	}
}

// TestFrequencyAsWritten: the documents print the parties' phrase (only
// whitespace normalised); the year plan reads its meaning from it.
func TestFrequencyAsWritten(t *testing.T) {
	cases := []struct {
		in   string
		want model.Frequency
	}{
		{"ukentlig", model.Frequency{Kind: model.FreqWeeks, Weeks: 1}},
		{"en gang i uken", model.Frequency{Kind: model.FreqWeeks, Weeks: 1}},
		{"hver 14. dag", model.Frequency{Kind: model.FreqWeeks, Weeks: 2}},
		{"annenhver uke", model.Frequency{Kind: model.FreqWeeks, Weeks: 2}},
		{"Hver 2. uke", model.Frequency{Kind: model.FreqWeeks, Weeks: 2}},
		{"hver fjortende dag", model.Frequency{Kind: model.FreqWeeks, Weeks: 2}},
		{"to ganger i måneden", model.Frequency{Kind: model.FreqWeeks, Weeks: 2}},
		{"hver tredje uke", model.Frequency{Kind: model.FreqWeeks, Weeks: 3}},
		{"en gang i måneden", model.Frequency{Kind: model.FreqMonthly}},
		{"månedlig", model.Frequency{Kind: model.FreqMonthly}},
		{"annenhver måned", model.Frequency{Kind: model.FreqMonthly, Months: 2}},
		{"hver 2. måned", model.Frequency{Kind: model.FreqMonthly, Months: 2}},
		{"første tirsdag i måneden", model.Frequency{Kind: model.FreqMonthly, Nth: 1, Weekday: time.Tuesday}},
		{"siste fredag i måneden", model.Frequency{Kind: model.FreqMonthly, Nth: -1, Weekday: time.Friday}},
		{"kvartalsvis", model.Frequency{Kind: model.FreqQuarterly}},
		{"hvert kvartal", model.Frequency{Kind: model.FreqQuarterly}},
		{"tre ganger i året", model.Frequency{Kind: model.FreqMonthly, Months: 4}},
		{"to ganger i året", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"2 ganger per år", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"en gang i halvåret", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"hvert semester", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"vår og høst", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"halvårlig (vår og høst)", model.Frequency{Kind: model.FreqTwiceYearly}},
		{"minst en gang i året", model.Frequency{Kind: model.FreqYearly}},
		{"hver høst", model.Frequency{Kind: model.FreqYearly, Season: model.Autumn}},
		{"årlig innen april", model.Frequency{Kind: model.FreqYearly, Deadline: 4}},
		{"innen april", model.Frequency{Kind: model.FreqYearly, Deadline: 4}},
		{"ved behov", model.Frequency{Kind: model.FreqAsNeeded}},
		{"hver 14. dag eller ved behov", model.Frequency{Kind: model.FreqWeeks, Weeks: 2, AlsoAsNeeded: true}},
		{"Faste møter", model.Frequency{Kind: model.FreqRegular}},
		{"av og til", model.Frequency{Kind: model.FreqUnplaced}},
		{"hver 10. dag", model.Frequency{Kind: model.FreqUnplaced}},
	}
	for _, c := range cases {
		for _, in := range []string{c.in, " " + strings.ReplaceAll(c.in, " ", "  \n ") + "\t"} {
			f, err := model.ParseFrequency(in)
			if err != nil {
				t.Errorf("%q: %v", in, err)
				continue
			}
			want := c.want
			want.Text = c.in
			if f != want {
				t.Errorf("%q → %+v, want %+v", in, f, want)
			}
			if f.String() != c.in {
				t.Errorf("%q is printed %q, not as written", in, f.String())
			}
		}
	}
}

// TestUnplacedFrequency: a phrase the year plan cannot place is the
// parties' text: a warning at its position says how to write it, and the
// file still loads.
func TestUnplacedFrequency(t *testing.T) {
	data := strings.Replace(base, "frequency: kvartalsvis", "frequency: av og til", 1)
	a, diags := model.Load("avtale.yaml", []byte(data))
	if a == nil || len(diags.Errors()) > 0 {
		t.Fatalf("refused: %v", diags)
	}
	want := "avtale.yaml:27:16: advarsel: møtet «ledermote» holdes «av og til»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; skriv for eksempel «hver 3. uke»"
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
		t.Errorf("got %v, want %s…", diags, want)
	}
}

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, and
// what it refuses it must explain with a position.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte(""))
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Add([]byte("title: [\n"))
	f.Add([]byte("\xef\xbb\xbftitle: x\r\n"))
	for _, name := range []string{"kristiansand", "afjord", "andoy"} {
		if data, err := os.ReadFile("../../samples/" + name + ".yaml"); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, diags := model.Load("f.yaml", data)
		if a == nil && len(diags.Errors()) == 0 {
			t.Fatal("refused without a reason")
		}
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Col < 1 || d.Message == "" {
				t.Fatalf("diagnostic without position or text: %+v", d)
			}
		}
	})
}

// TestLawRefOutsideTheAgreement: a file's reference to a section not in
// force on the agreement's date, or to an Act it does not cover, is left
// out of the documents, and a warning at its position says so.
func TestLawRefOutsideTheAgreement(t *testing.T) {
	for _, c := range []struct{ ref, year, want string }{
		{"integreringsloven § 12 a", "2025", "avtale.yaml:42:16: advarsel: «integreringsloven § 12 a» var ikke i kraft 1. januar 2025, avtalens dato"},
		// passed in June 2025, in force on a date not confirmed before 2027
		{"integreringsloven § 12 a", "2026", "avtale.yaml:42:16: advarsel: datoen «integreringsloven § 12 a» trådte i kraft, er ikke bekreftet for 1. januar 2026, avtalens dato"},
		{"introduksjonsloven § 6", "2025", "avtale.yaml:42:16: advarsel: «introduksjonsloven § 6» hører til introduksjonsloven, men avtalen gjelder deltakere etter «integreringsloven»"},
	} {
		data := strings.Replace(base, "valid_from: 2027-01-01\n  next_evaluation: 2027-12-01", "valid_from: "+c.year+"-01-01\n  next_evaluation: "+c.year+"-12-01", 1)
		data = strings.Replace(data, "type: avtale\n", "type: avtale\nlegal_basis: [integreringsloven]\n", 1)
		data += "duties:\n  - owner: kommunen\n    items:\n      - text: samordne\n        refs: [" + c.ref + "]\n"
		a, diags := model.Load("avtale.yaml", []byte(data))
		if a == nil || len(diags) != 1 || !strings.HasPrefix(diags[0].String(), c.want) {
			t.Errorf("%s: got %v, want %s…", c.ref, diags, c.want)
		}
	}
}

// TestNynorskFrequencies reads the nynorsk phrases a nynorsk municipality
// writes; they are accepted in any file.
func TestNynorskFrequencies(t *testing.T) {
	cases := map[string]model.Frequency{
		"kvar veke":                   {Kind: model.FreqWeeks, Weeks: 1},
		"kvar 14. dag":                {Kind: model.FreqWeeks, Weeks: 2},
		"annakvar veke":               {Kind: model.FreqWeeks, Weeks: 2},
		"kvar månad":                  {Kind: model.FreqMonthly},
		"månadleg":                    {Kind: model.FreqMonthly},
		"kvartalsvis":                 {Kind: model.FreqQuarterly},
		"halvårleg":                   {Kind: model.FreqTwiceYearly},
		"halvårleg (vår og haust)":    {Kind: model.FreqTwiceYearly},
		"årleg":                       {Kind: model.FreqYearly},
		"minst ein gong i året":       {Kind: model.FreqYearly},
		"årleg, innan april":          {Kind: model.FreqYearly, Deadline: 4},
		"kvar haust":                  {Kind: model.FreqYearly, Season: model.Autumn},
		"ved behov":                   {Kind: model.FreqAsNeeded},
		"kvar månad, elles ved behov": {Kind: model.FreqMonthly, AlsoAsNeeded: true},
		// a full stop after the phrase, as after a sentence
		"kvar månad.":                  {Kind: model.FreqMonthly},
		"Hver 14. dag.":                {Kind: model.FreqWeeks, Weeks: 2},
		"årleg, innan april.":          {Kind: model.FreqYearly, Deadline: 4},
		"kvar månad, elles ved behov.": {Kind: model.FreqMonthly, AlsoAsNeeded: true},
		"annenhver mnd.":               {Kind: model.FreqMonthly, Months: 2},
		"hver 14.":                     {Kind: model.FreqUnplaced},
	}
	for in, want := range cases {
		got, err := model.ParseFrequency(in)
		got.Text = ""
		if err != nil || got != want {
			t.Errorf("%q → %+v, %v; want %+v", in, got, err, want)
		}
	}
}

// TestFrequencySuggestionInFilesMålform: a frequency the year plan cannot
// place gets a warning at its position whose suggestion is written in the
// file's målform: the nearest phrase for a misspelt one, examples for one
// the reader has no words for.
func TestFrequencySuggestionInFilesMålform(t *testing.T) {
	for _, c := range []struct{ sample, written, wrong, want string }{
		{"volda", "frequency: kvar månad", "frequency: kvar manad",
			"volda.yaml:165:16: advarsel: møtet «samarbeidsmote» holdes «kvar manad»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «kvar månad»?"},
		{"volda", "frequency: kvar månad", "frequency: annakvar vekke",
			"volda.yaml:165:16: advarsel: møtet «samarbeidsmote» holdes «annakvar vekke»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «annakvar veke»?"},
		{"volda", "frequency: kvar månad", "frequency: av og til",
			"volda.yaml:165:16: advarsel: møtet «samarbeidsmote» holdes «av og til»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; skriv for eksempel «kvar 3. veke», «annakvar månad», «to gonger i månaden», «første tysdag i månaden», «tre gonger i året», «kvar haust» eller «årleg innan april» for å få møtet i årshjulet"},
		{"kristiansand", "frequency: hver 14. dag eller ved behov", "frequency: hver manad eller ved behov",
			"kristiansand.yaml:233:16: advarsel: møtet «avdelingsledermote» holdes «hver manad eller ved behov»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «hver måned eller ved behov»?"},
		// the other målform's words in the file's: not «kvar måned»
		{"kristiansand", "frequency: hver 14. dag eller ved behov", "frequency: kvar manad",
			"kristiansand.yaml:233:16: advarsel: møtet «avdelingsledermote» holdes «kvar manad»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «hver måned»?"},
		{"volda", "frequency: kvar månad", "frequency: Hver manad",
			"volda.yaml:165:16: advarsel: møtet «samarbeidsmote» holdes «Hver manad»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «Kvar månad»?"},
		{"kristiansand", "frequency: hver 14. dag eller ved behov", "frequency: Tre gnager i året",
			"kristiansand.yaml:233:16: advarsel: møtet «avdelingsledermote» holdes «Tre gnager i året»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer; mente du «Tre ganger i året»?"},
	} {
		data, err := os.ReadFile("../../samples/" + c.sample + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), c.written) {
			t.Fatalf("%s.yaml no longer has %q", c.sample, c.written)
		}
		data = []byte(strings.Replace(string(data), c.written, c.wrong, 1))
		a, diags := model.Load(c.sample+".yaml", data)
		if a == nil {
			t.Fatalf("%s refused: %v", c.wrong, diags)
		}
		found := false
		for _, d := range diags {
			found = found || d.String() == c.want
		}
		if !found {
			t.Errorf("%s: want the warning\n  %s\ngot\n  %v", c.wrong, c.want, diags)
		}
	}
}

// TestPhraseErrorsInFilesMålform: a break, a weekday or a deadline the
// reader does not understand is an error at its position whose examples
// are in the file's målform, also when «language:» stands after it.
func TestPhraseErrorsInFilesMålform(t *testing.T) {
	volda, err := os.ReadFile("../../samples/volda.yaml")
	if err != nil {
		t.Fatal(err)
	}
	deadline := "\nchecklists:\n  items:\n    - list: ny-busetjing\n      text: Kartlegg kompetansen\n      role: programradgivar\n      deadline: innan tre månader etter\n"
	for _, c := range []struct{ written, wrong, want string }{
		{"when: veke 28–31", "when: veke 28–61",
			"volda.yaml:244:13: «when»: «veke 28–61»: ukene må være fra 1 til 53, den første før den siste, for eksempel «veke 28–31»"},
		{"when: veke 28–31", "when: sommarferien",
			"volda.yaml:244:13: «when»: «sommarferien» er ikke en ferie årshjulet kan regne ut; skriv for eksempel «veke 28–31», «veke 9», «23. desember–1. januar» eller «påske»"},
		{"weekday: tysdag", "weekday: tysdg",
			"volda.yaml:158:16: «weekday»: «tysdg» er ikke en gyldig verdi – mente du «tysdag»? Gyldige verdier: «måndag», «tysdag», «onsdag», «torsdag», «fredag», «laurdag» eller «sundag»"},
		{"\ncalendar:\n", deadline + "\ncalendar:\n",
			"«deadline»: «innan tre månader etter» er ikke en frist; skriv for eksempel «2 veker før», «innan 3 månader etter» eller «innan 3 månader etter busetjing»"},
	} {
		data := strings.Replace(string(volda), c.written, c.wrong, 1)
		// the file names its målform last: the examples are still nynorsk
		data = strings.Replace(data, "language: nn\n", "# language: sjå nedst\n", 1) + "language: nn\n"
		_, diags := model.Load("volda.yaml", []byte(data))
		found := false
		for _, d := range diags {
			found = found || strings.HasSuffix(d.String(), c.want)
		}
		if !found {
			t.Errorf("%s: want an error ending\n  %s\ngot\n  %v", c.wrong, c.want, diags)
		}
	}
}

// FuzzFrequency feeds arbitrary phrases to the frequency reader: it never
// fails on a phrase with words, keeps the phrase as written, and a
// suggestion it makes is a phrase it reads.
func FuzzFrequency(f *testing.F) {
	for _, s := range []string{"hver 3. uke", "annakvar månad, elles ved behov", "halvårlig (vår og høst)", "årleg, innan desember", "den siste fredagen i måneden", "to ganger pr.år", "kvar manad", "minst ca. én gang i året"} {
		f.Add(s)
	}
	words := model.BuiltinVocabulary()
	f.Fuzz(func(t *testing.T, s string) {
		got, err := model.ParseFrequency(s)
		written := strings.Join(strings.Fields(s), " ")
		if (err != nil) != (written == "") || got.Text != written {
			t.Fatalf("%q: %+v, %v", s, got, err)
		}
		for _, code := range []string{"nb", "nn"} {
			if sug := words.Suggest(written, code); sug != "" {
				if g, _ := model.ParseFrequency(sug); g.Kind == model.FreqUnplaced {
					t.Fatalf("%q: the suggestion %q is not read", s, sug)
				}
			}
		}
	})
}
