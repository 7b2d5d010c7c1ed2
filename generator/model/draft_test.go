package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMayHoldExamplesMissesNothing: where MayHoldExamples says a starter
// cannot hold one of a file's values, reading the starter gives no reason
// either, for every sample and starter file, and for each sample with one
// of its values set to a starter's example in turn.
func TestMayHoldExamplesMissesNothing(t *testing.T) {
	starters, _ := filepath.Glob(filepath.Join("..", "..", "templates", "init-*.yaml"))
	files, _ := filepath.Glob(filepath.Join("..", "..", "samples", "*.yaml"))
	if len(starters) < 4 || len(files) < 5 {
		t.Fatalf("%d starters, %d samples", len(starters), len(files))
	}
	checked, skipped := 0, 0
	for _, sp := range starters {
		sdata, err := os.ReadFile(sp)
		if err != nil {
			t.Fatal(err)
		}
		s, diags := Load(sp, sdata)
		if s == nil || len(diags.Errors()) > 0 {
			t.Fatalf("%s: %v", sp, diags.Errors())
		}
		for _, fp := range files {
			data, err := os.ReadFile(fp)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := Load(fp, data)
			if a == nil {
				continue
			}
			variants := []*Agreement{a}
			if d, _ := Load(fp, data); d != nil {
				d.Dates.ValidFrom, d.Dates.Signed, d.Dates.NextEvaluation = s.Dates.ValidFrom, s.Dates.Signed, s.Dates.NextEvaluation
				variants = append(variants, d)
			}
			for _, ex := range s.placeholders() {
				if ex.value == "" {
					continue
				}
				b, _ := Load(fp, data)
				b.Municipality = ex.value
				variants = append(variants, b)
				if len(b.Contacts) > 0 {
					c, _ := Load(fp, data)
					c.Contacts[0].Email = ex.value
					variants = append(variants, c)
				}
			}
			for _, v := range variants {
				with := DraftReasons(fp, v, s)
				without := DraftReasons(fp, v)
				if !MayHoldExamples(sdata, v) {
					skipped++
					if !slices.Equal(reasonTexts(with), reasonTexts(without)) {
						t.Errorf("%s with %s: the starter was passed over but gives reasons:\n%s", fp, sp, strings.Join(reasonTexts(with), "\n"))
					}
				}
				checked++
			}
		}
	}
	if skipped == 0 || skipped == checked {
		t.Errorf("of %d checks, %d passed over a starter; want some but not all", checked, skipped)
	}
}

func reasonTexts(d Diagnostics) []string {
	var out []string
	for _, x := range d {
		out = append(out, x.Message)
	}
	return out
}
