package lang

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"samarbeid/templates"
)

func nb(t *testing.T) *Pack {
	t.Helper()
	p, err := Load(templates.Files, "nb")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWords(t *testing.T) {
	p := nb(t)
	cases := []struct{ got, want string }{
		{p.And(nil), ""},
		{p.And([]string{"a"}), "a"},
		{p.And([]string{"a", "b"}), "a og b"},
		{p.And([]string{"a", "b", "c"}), "a, b og c"},
		{p.Or([]string{"a", "b", "c"}), "a, b eller c"},
		{p.Date(time.Date(2020, 9, 18, 0, 0, 0, 0, time.UTC)), "18. september 2020"},
		{p.Date(time.Time{}), ""},
		{p.Month(12), "desember"},
		{p.Month(13), ""},
		{p.Weekday(time.Sunday), "søndag"},
		{p.Weekday(time.Monday), "mandag"},
		{p.N("deadline.unit.week", 1), "uke"},
		{p.N("deadline.unit.week", 2), "uker"},
		{p.T("yearplan.title", 2027), "Årshjul 2027"},
		{p.T("no.such.key"), "[no.such.key]"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("%d: got %q, want %q", i, c.got, c.want)
		}
	}
}

func TestLoadChecksKeys(t *testing.T) {
	if _, err := Load(templates.Files, "sv"); err == nil || !strings.Contains(err.Error(), "«sv»") {
		t.Errorf("an unknown language should be refused by name, got %v", err)
	}
	base, _ := templates.Files.ReadFile(Path("nb"))
	cases := map[string]struct{ pack, want string }{
		"missing": {strings.Replace(string(base), "  and: og\n", "", 1), "mangler list.and"},
		"extra":   {string(base) + "\nfoo:\n  bar: baz\n", "ukjente nøkler foo.bar"},
		"months":  {strings.Replace(string(base), "mai, juni", "juni", 1), "«date.months» skal ha 12 tekster, ikke 11"},
		"syntax":  {"a: [", "lang/nb.yaml"},
	}
	for name, c := range cases {
		fsys := fstest.MapFS{Path("nb"): {Data: []byte(c.pack)}}
		if _, err := Load(fsys, "nb"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", name, err, c.want)
		}
	}
}

// TestBuiltinPacksLoad loads every known pack as the generator does.
func TestBuiltinPacksLoad(t *testing.T) {
	for _, code := range Codes {
		if _, err := Load(templates.Files, code); err != nil {
			t.Error(err)
		}
		if Builtin(code) == nil {
			t.Errorf("no built-in pack %s", code)
		}
	}
}

// TestInputWordsOneMeaning: the reader takes the union of every pack's
// read.* lists, so a form listed under two meanings that are read in the
// same place of a phrase (two units, two numbers, two frequencies) would
// be read as whichever comes first, in one pack or across packs.
func TestInputWordsOneMeaning(t *testing.T) {
	places := [][]string{
		{"read.frequency.as_needed", "read.frequency.regular", "read.frequency.weekly", "read.frequency.monthly",
			"read.frequency.quarterly", "read.frequency.twice_yearly", "read.frequency.yearly"},
		{"read.frequency.every", "read.frequency.every_other", "read.frequency.the"},
		{"read.deadline.before", "read.deadline.after"},
	}
	ref := Builtin(Default)
	for _, group := range []string{"read.unit", "read.number"} {
		var keys []string
		for _, k := range ref.Keys(group) {
			keys = append(keys, group+"."+k)
		}
		places = append(places, keys)
	}
	for _, keys := range places {
		meaning := map[string]string{}
		for _, code := range Codes {
			for _, k := range keys {
				list, ok := Builtin(code).lists[k]
				if !ok {
					t.Fatalf("%s has no %s", Path(code), k)
				}
				for _, form := range list {
					if prev, ok := meaning[form]; ok && prev != k {
						t.Errorf("%s: «%s» is under %s and %s", Path(code), form, prev, k)
					}
					meaning[form] = k
				}
			}
		}
	}
}
