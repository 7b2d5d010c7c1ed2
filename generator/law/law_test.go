package law

import (
	"strings"
	"testing"
	"time"

	"samarbeid/generator/lang"
)

func TestTableIsConsistent(t *testing.T) {
	ids, keys := map[string]bool{}, map[string]bool{}
	for _, r := range table {
		if ids[r.ID] || keys[r.Key()] {
			t.Errorf("%s (%s) stands twice", r.ID, r.Key())
		}
		ids[r.ID], keys[r.Key()] = true, true
		if r.Act.ID == "" || r.Act.Short == "" {
			t.Errorf("%s lacks its Act's identifier or name", r.ID)
		}
	}
}

func TestLookup(t *testing.T) {
	cases := map[string]string{
		"integreringsloven § 10":     "integreringsloven § 10",
		"integreringsloven  §  10":   "integreringsloven § 10",
		"kompetansekartlegging":      "integreringsloven § 10",
		"integreringsloven §§ 41-43": "integreringsloven §§ 41–43",
		"kommuneloven § 25-1":        "kommuneloven § 25-1",
		"forvaltningsloven § 13 b":   "forvaltningsloven § 13 b",
		"introduksjonsloven § 6":     "introduksjonsloven § 6",
	}
	for in, want := range cases {
		r, ok := Lookup(in)
		if !ok || r.Key() != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, r.Key(), ok, want)
		}
	}
	if _, ok := Lookup("integreringsloven § 100"); ok {
		t.Error("an unknown section was found")
	}
}

// TestEveryRefIsInTheTableOfContents: each provision the texts cite names
// sections the table has, each with a title and an in-force date.
func TestEveryRefIsInTheTableOfContents(t *testing.T) {
	for _, r := range table {
		want := len(Expand(r.Act.Short, strings.TrimLeft(r.Section, "§ ")))
		if got := r.Sections(); len(got) != want || want == 0 {
			t.Errorf("%s: %d of %d sections are in the table", r.Key(), len(got), want)
		}
		if r.Title() == "" {
			t.Errorf("%s has no title", r.Key())
		}
	}
	for _, s := range sections {
		if s.Title == "" {
			t.Errorf("%s § %s has no title", s.Act.Short, s.Num)
		}
		s.InForceOn(time.Now()) // panics on a bad date
	}
}

func day(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

// TestInForce holds each dated fact of the table, so that a wrong date or
// Act in the table fails here; the sources are beside the table.
func TestInForce(t *testing.T) {
	cases := []struct {
		ref          string
		before, from string // the last day it does not apply, the first it does
		until        string // the first day it no longer applies, if temporary
	}{
		// integreringsloven in force 1 January 2021
		{"integreringsplan", "2020-12-31", "2021-01-01", ""},
		// §§ 12 a and 18 a (Prop. 81 L (2024–2025)): date unconfirmed, so
		// cited only from the first day they are certainly in force
		{"samordning", "2026-12-31", "2027-01-01", ""},
		{"deltakerbevis", "2026-12-31", "2027-01-01", ""},
		// chapter 6A: 15 June 2022 until 1 July 2026
		{"kollektiv-beskyttelse", "2022-06-14", "2022-06-15", "2026-07-01"},
		// integreringsforskriften in force with the Act
		{"fri-og-permisjoner", "2020-12-31", "2021-01-01", ""},
		{"foreldreveiledning", "2020-12-31", "2021-01-01", ""},
		{"nir-integreringsforskriften", "2020-12-31", "2021-01-01", ""},
		// introduksjonsloven from 1 September 2003, §§ 25 a and 25 b from
		// 1 September 2018
		{"deltakerbevis-introduksjonsloven", "2003-08-31", "2003-09-01", ""},
		{"personopplysninger-spesifikke-introduksjonsloven", "2018-08-31", "2018-09-01", ""},
	}
	for _, c := range cases {
		r, ok := Lookup(c.ref)
		if !ok {
			t.Errorf("%s is not in the table", c.ref)
			continue
		}
		if r.InForceOn(day(c.before)) || !r.InForceOn(day(c.from)) {
			t.Errorf("%s (%s) must apply from %s, not on %s", c.ref, r.Key(), c.from, c.before)
		}
		if c.until != "" && (r.InForceOn(day(c.until)) || !r.InForceOn(day(c.until).AddDate(0, 0, -1))) {
			t.Errorf("%s (%s) must stop applying on %s", c.ref, r.Key(), c.until)
		}
	}
}

// TestCoveredByTheActsOfTheAgreement: each provision belongs to the Act
// whose participants it concerns; the general Acts to every agreement.
func TestCoveredByTheActsOfTheAgreement(t *testing.T) {
	intl, intro := []string{"integreringsloven"}, []string{"introduksjonsloven"}
	cases := []struct {
		ref         string
		intl, intro bool
	}{
		{"nir", true, false},
		{"nir-integreringsforskriften", true, false},
		{"fri-og-permisjoner", true, false},
		{"foreldreveiledning", true, false},
		{"fravaer-og-permisjoner", true, false},
		{"deltakerbevis", true, false},
		{"deltakerbevis-introduksjonsloven", false, true},
		{"nir-forskrift", false, true},
		{"internkontroll", true, true},
		{"taushetsplikt-unntak", true, true},
	}
	for _, c := range cases {
		r, _ := Lookup(c.ref)
		if r.Covered(intl) != c.intl || r.Covered(intro) != c.intro {
			t.Errorf("%s (%s): covered under integreringsloven %v, introduksjonsloven %v; want %v, %v",
				c.ref, r.Key(), r.Covered(intl), r.Covered(intro), c.intl, c.intro)
		}
	}
	if r, _ := Lookup("nir"); !r.Covered([]string{"introduksjonsloven", "integreringsloven"}) {
		t.Error("an agreement under both Acts cites integreringsloven § 43")
	}
}

func TestCite(t *testing.T) {
	ref := func(k string) Ref { r, _ := Lookup(k); return r }
	cases := []struct {
		refs []Ref
		want string
	}{
		{[]Ref{ref("integreringsplan"), ref("integreringskontrakt")}, "integreringsloven §§ 15 og 16"},
		{[]Ref{ref("individuell-plan"), ref("integreringsplan"), ref("integreringskontrakt")}, "introduksjonsloven § 6 og integreringsloven §§ 15 og 16"},
		{[]Ref{ref("personopplysninger"), ref("personopplysninger-nir")}, "integreringsloven §§ 41–43"},
		{[]Ref{ref("samordning")}, "integreringsloven § 12 a"},
		{[]Ref{ref("fravaer-og-permisjoner"), ref("fri-og-permisjoner")}, "integreringsloven § 17 og integreringsforskriften kapittel 4"},
		{[]Ref{ref("obligatoriske-elementer"), ref("foreldreveiledning")}, "integreringsforskriften § 3 og kapittel 2"},
		{[]Ref{ref("kollektiv-beskyttelse")}, "integreringsloven kapittel 6A"},
	}
	for _, c := range cases {
		if got := strings.ReplaceAll(Cite(c.refs, lang.Builtin(lang.Default)), "\u00a0", " "); got != c.want {
			t.Errorf("Cite = %q, want %q", got, c.want)
		}
	}
}

func TestFind(t *testing.T) {
	cases := map[string]string{
		"etter integreringsloven §§ 41 til 44 og integreringsforskriften": "integreringsloven 41 42 43 44",
		"Integreringsloven § 41 gir en generell hjemmel":                  "integreringsloven 41",
		"i tråd med kommuneloven § 25-1, føre internkontroll":             "kommuneloven 25-1",
		"forvaltningsloven § 13 b nr. 2":                                  "forvaltningsloven 13 b",
		"(integreringsloven §\u00a0§ 15 og 16)":                           "",
		"(integreringsloven §§\u00a015 og 16)":                            "integreringsloven 15 16",
		"integreringsloven §§ 42-44":                                      "integreringsloven 42 43 44",
		"integreringsloven § 43 i tråd med":                               "integreringsloven 43",
		"jf. integreringsforskriften kapittel 4.":                         "integreringsforskriften kapittel 4",
		"integreringslova kapittel 6 A":                                   "integreringsloven kapittel 6A",
		"introduksjonsloven kap. 2 (introduksjonsprogram)":                "",
	}
	for in, want := range cases {
		var got []string
		for _, c := range Find(in) {
			got = append(got, c.Act+" "+strings.Join(c.Sections, " "))
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("Find(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUnconfirmed: between the day the Storting passed Prop. 81 L
// (2024–2025) and the first day §§ 12 a and 18 a are certainly in force,
// the table cannot say; before and after, it can.
func TestUnconfirmed(t *testing.T) {
	r, _ := Lookup("samordning")
	for date, want := range map[string]bool{"2025-06-05": false, "2025-06-06": true, "2026-12-31": true, "2027-01-01": false} {
		if got := r.Unconfirmed(day(date)); got != want {
			t.Errorf("§ 12 a unconfirmed on %s: %v, want %v", date, got, want)
		}
	}
	if r, _ := Lookup("kollektiv-beskyttelse"); r.Unconfirmed(day("2026-08-01")) {
		t.Error("chapter 6A's end is confirmed")
	}
}
