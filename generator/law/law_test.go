package law

import "testing"

func TestTableIsConsistent(t *testing.T) {
	ids, keys := map[string]bool{}, map[string]bool{}
	for _, r := range table {
		if ids[r.ID] || keys[r.Key()] {
			t.Errorf("%s (%s) stands twice", r.ID, r.Key())
		}
		ids[r.ID], keys[r.Key()] = true, true
		if r.Act.ID == "" || r.Act.Date == "" || r.Topic == "" {
			t.Errorf("%s lacks its Act's identifier, date or topic", r.ID)
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
	if got := (Ref{Act: Forvaltningsloven, Section: "§ 13 b"}).String(); got != "forvaltningsloven §\u00a013\u00a0b" {
		t.Errorf("String() = %q: the section must not break across lines", got)
	}
}
