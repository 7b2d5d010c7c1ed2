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

func TestInForce(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	coordination, _ := Lookup("samordning")
	if coordination.InForceOn(day("2025-06-01")) || !coordination.InForceOn(day("2026-01-01")) {
		t.Error("§ 12 a applies from 1 January 2026")
	}
	temporary, _ := Lookup("kollektiv-beskyttelse")
	if temporary.InForceOn(day("2022-06-14")) || !temporary.InForceOn(day("2024-01-01")) || temporary.InForceOn(day("2026-07-01")) {
		t.Error("chapter 6A applies from 15 June 2022 until 1 July 2026")
	}
	nir, _ := Lookup("nir")
	if nir.Covered([]string{"introduksjonsloven"}) || !nir.Covered([]string{"introduksjonsloven", "integreringsloven"}) {
		t.Error("integreringsloven § 43 is for agreements under integreringsloven")
	}
	if internal, _ := Lookup("internkontroll"); !internal.Covered(nil) {
		t.Error("kommuneloven applies whatever the legal basis")
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
