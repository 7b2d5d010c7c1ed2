package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

func loadEdited(t *testing.T, path string, pairs ...string) *model.Agreement {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(text, pairs[i]) {
			t.Fatalf("%s has no %q", path, pairs[i])
		}
		text = strings.Replace(text, pairs[i], pairs[i+1], 1)
	}
	a, diags := model.Load(path, []byte(text))
	if a == nil {
		t.Fatalf("%s does not load: %v", path, diags)
	}
	return a
}

// TestSignatoryLineNamesPartyAndPosition: a signatory without a name is
// listed by position and party, not as «, Leder for …».
func TestSignatoryLineNamesPartyAndPosition(t *testing.T) {
	const file = "testdata/complete.yaml"
	a := loadEdited(t, file, "  - name: Anne Hansen\n    title: Leder for flyktningtjenesten", "  - title: Leder for flyktningtjenesten")
	f := find(t, Check(file, a), TopicSignature)
	text := strings.Join(f.Details, "\n")
	if !strings.Contains(text, "\nLeder for flyktningtjenesten, for Eksempelby kommune") && !strings.HasPrefix(text, "Leder for flyktningtjenesten, for Eksempelby kommune") || strings.Contains(text, "\n, ") || strings.HasPrefix(text, ", ") {
		t.Errorf("the signatory line does not name position and party:\n%s", text)
	}
}

// TestTagWithoutWording: a duty tagged with a topic does not cover a point
// whose wording it lacks; a contact person must be named under contacts.
func TestTagWithoutWording(t *testing.T) {
	const file = "testdata/complete.yaml"
	a := loadEdited(t, file,
		"  - name: Ola Nordmann\n    role: nav-veileder\n    email: ola.nordmann@example.no\n", "",
		"      - text: Følger opp arbeidsgivere som tar imot deltakere.\n        topics: [arbeidsgivere]",
		"      - text: Følger opp arbeidsgivere som tar imot deltakere.\n        topics: [arbeidsgivere]\n      - text: Har faste kontaktpersoner.\n        topics: [kontaktpersoner]")
	f := find(t, Check(file, a), "kontaktpersoner")
	if f.Status == Covered || !strings.Contains(strings.Join(f.Lacking, "; "), "kontaktperson i NAV-kontoret") {
		t.Errorf("a duty about «kontaktpersoner» counted as the NAV office's contact person: %v %q", f.Status, f.Lacking)
	}
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"Lederne møtes vår og høst.", false},
		{"Sikre en smidig overgang til videre oppfølging i NAV.", true},
	} {
		ch := &checker{a: a, w: lang.Builtin(lang.Default), src: sources{tags: []tagged{{pos: model.Pos{Line: 1, Col: 1}, topics: []model.Topic{"overgang"}, kind: "duty", name: "plikten", text: c.text, lower: strings.ToLower(c.text)}}}}
		p := &part{w: ch.w, name: "overgang"}
		ch.tags(p, "overgang", nil, kwTransition)
		if p.ok() != c.ok {
			t.Errorf("a duty tagged «overgang» saying %q covers the transition point: %v, want %v", c.text, p.ok(), c.ok)
		}
	}
}

// TestAdviceNamesNoMunicipality: the advice of the content check does not
// point at a municipality («som i Kristiansand»).
func TestAdviceNamesNoMunicipality(t *testing.T) {
	samples, _ := filepath.Glob("../../samples/*.yaml")
	for _, path := range append(samples, "testdata/complete.yaml", "testdata/untagged.yaml") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := model.Load(path, data)
		if a == nil {
			continue
		}
		text := Check(path, a).Text()
		for _, town := range []string{"Kristiansand", "Åfjord", "Andøy"} {
			if strings.Contains(text, "som i "+town) {
				t.Errorf("%s: the advice names %s", path, town)
			}
		}
	}
}
