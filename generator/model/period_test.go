package model

import (
	"strings"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		in, want string // want is the period written back, or part of the error
		ok       bool
	}{
		{"uke 28–31", "uke 28–31", true},
		{"Uke 28 - 31", "uke 28–31", true},
		{"uke 9", "uke 9", true},
		{"uker 28-31", "uke 28–31", true},
		{"23. desember–1. januar", "23. desember–1. januar", true},
		{"23. desember til 1. januar", "23. desember–1. januar", true},
		{"29. februar", "29. februar", true},
		{"påske", "påske", true},
		{"Påskeferien", "påske", true},
		{"uke 31–28", "den første før den siste", false},
		{"uke 54", "fra 1 til 53", false},
		{"31. april", "dagen finnes ikke", false},
		{"23. desemb–1. januar", "skriv for eksempel «uke 28–31»", false},
		{"sommer", "skriv for eksempel «uke 28–31»", false},
	} {
		var p Period
		err := p.read(tt.in, BuiltinVocabulary())
		switch {
		case tt.ok && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.ok && p.String() != tt.want:
			t.Errorf("%q is written back as %q, want %q", tt.in, p.String(), tt.want)
		case !tt.ok && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v, want one that says %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"uke 28–31", "23. desember–1. januar", "påske", "1. mai"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p Period
		if p.read(s, BuiltinVocabulary()) == nil {
			var q Period
			if err := q.read(p.String(), BuiltinVocabulary()); err != nil || q != p {
				t.Errorf("%q reads as %+v, written back %q, read again as %+v (%v)", s, p, p.String(), q, err)
			}
		}
	})
}

func TestBreakNeedsDates(t *testing.T) {
	base := "title: T\nmunicipality: K\nversion: \"1\"\nparties:\n  - id: p\n    name: P\n    kind: kommune\ncalendar:\n  breaks:\n"
	for _, tt := range []struct{ breaks, want string }{
		{"    - name: Sommer\n", "mangler datoer"},
		{"    - name: Sommer\n      when: uke 28–31\n      from: 2027-07-01\n      to: 2027-07-30\n", "både «when» og «from»/«to»"},
		{"    - name: Sommer\n      from: 2027-07-01\n", "mangler «to»"},
	} {
		_, diags := Load("f.yaml", []byte(base+tt.breaks))
		if !strings.Contains(diags.Error(), tt.want) {
			t.Errorf("%q: got\n%v\nwant a message with %q", tt.breaks, diags, tt.want)
		}
	}
	if _, diags := Load("f.yaml", []byte(base+"    - name: Sommer\n      when: uke 28–31\n")); len(diags.Errors()) > 0 {
		t.Errorf("a recurring break is refused: %v", diags)
	}
	if _, diags := Load("f.yaml", []byte(strings.Replace(base, "  breaks:\n", "  year: 1850\n", 1))); !strings.Contains(diags.Error(), "fra 1900 til 2200") {
		t.Errorf("year 1850: %v", diags)
	}
}
