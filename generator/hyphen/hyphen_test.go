package hyphen

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
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

// TestPointsAsLookup: the narrowing search finds the same points as
// looking up every piece of the word in the table, for every word of the
// samples' documents.
func TestPointsAsLookup(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "samples", "golden", "*", "*.md"))
	if len(files) < 5 {
		t.Fatalf("%d golden documents", len(files))
	}
	words := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.FieldsFunc(string(data), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w] = true
		}
	}
	for _, lang := range []string{"nb", "nn"} {
		h, err := For(lang)
		if err != nil {
			t.Fatal(err)
		}
		hyphenated := 0
		for w := range words {
			got, want := h.Points(w), pointsByLookup(h, w)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q: points %v, want %v", lang, w, got, want)
			}
			if len(got) > 0 {
				hyphenated++
			}
		}
		if hyphenated < 500 {
			t.Errorf("%s: only %d of %d words hyphenated", lang, hyphenated, len(words))
		}
	}
}

// pointsByLookup is Points with an exact lookup of every piece of the word.
func pointsByLookup(h *Hyphenator, word string) []int {
	runes := []rune(strings.ToLower(word))
	n := len(runes)
	if n < leftMin+rightMin {
		return nil
	}
	for _, r := range runes {
		if !unicode.IsLetter(r) {
			return nil
		}
	}
	if p, ok := h.exceptions[string(runes)]; ok {
		return p
	}
	w := append(append([]rune{'.'}, runes...), '.')
	values := make([]uint8, len(w)+1)
	for i := range w {
		for j := i + 1; j <= len(w); j++ {
			if v, ok := h.patterns.lookup(string(w[i:j])); ok {
				for k, x := range v {
					values[i+k] = max(values[i+k], x)
				}
			}
		}
	}
	var points []int
	for p := leftMin; p <= n-rightMin; p++ {
		if values[p+1]%2 == 1 {
			points = append(points, p)
		}
	}
	return points
}

func BenchmarkPoints(b *testing.B) {
	h, err := For("nb")
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("introduksjonsprogrammet arbeidsmarkedstiltak voksenopplæringen kvalifiseringsprogrammet samarbeidsavtalen integreringsloven programrådgiveren bosettingskommunen")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			h.Points(w)
		}
	}
}
