package model

import (
	"os"
	"strings"
	"testing"
)

// TestEmptyLanguageWarns: «language:» without a value gives bokmål
// documents, and a warning at its position says so; a refused value gets
// only its own error.
func TestEmptyLanguageWarns(t *testing.T) {
	data, err := os.ReadFile("../../samples/volda.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, diags := Load("volda.yaml", []byte(strings.Replace(string(data), "language: nn", "language:", 1)))
	if a == nil || a.Language != "nb" {
		t.Fatalf("an empty language: %v %v", a, diags.Errors())
	}
	want := "volda.yaml:8:10: advarsel: «language» står uten verdi, så dokumentene skrives på bokmål"
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if !strings.Contains(strings.Join(got, "\n"), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, strings.Join(got, "\n"))
	}
	_, diags = Load("volda.yaml", []byte(strings.Replace(string(data), "language: nn", "language: nynorsk", 1)))
	n := 0
	for _, d := range diags {
		if d.Pos == (Pos{8, 11}) {
			n++
		}
	}
	if n != 1 || len(diags.Errors()) != 1 {
		t.Errorf("a refused language: %d messages at its place, %d errors: %v", n, len(diags.Errors()), diags)
	}
	if _, diags = Load("volda.yaml", data); len(diags) > 0 {
		for _, d := range diags {
			if strings.Contains(d.Message, "language") {
				t.Errorf("a written language is warned about: %v", d)
			}
		}
	}
}
