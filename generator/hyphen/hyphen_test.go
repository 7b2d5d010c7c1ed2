package hyphen

import (
	"strings"
	"testing"
)

func TestHyphenate(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"nb", "introduksjonsprogrammet", "in-tro-duk-sjons-pro-gram-met"},
		{"nb", "arbeidsmarkedstiltak", "ar-beids-mar-keds-til-tak"},
		{"nb", "voksenopplæringen", "vok-sen-opp-læ-rin-gen"},
		{"nb", "Kristiansand", "Kris-tian-sand"},
		{"nb", "og", "og"},
		{"nb", "attende", "at-ten-de"},
		{"nn", "attende", "att-en-de"},
		{"nn", "kvalifiseringsprogrammet", "kva-li-fi-se-rings-pro-gram-met"},
		{"nb", "e-post", "e-post"}, // not all letters: left to the caller
	}
	for _, tt := range tests {
		h, err := For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := h.Hyphenate(tt.word); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestPointsLeaveTwoLetters(t *testing.T) {
	h, err := For("nb")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range strings.Fields("abba øye ærlig selvstendighetsprinsippet sjø åtte aaaaaaaaaaaa") {
		n := len([]rune(w))
		for _, p := range h.Points(w) {
			if p < leftMin || p > n-rightMin {
				t.Errorf("%q: point %d leaves fewer than two letters", w, p)
			}
		}
	}
}
