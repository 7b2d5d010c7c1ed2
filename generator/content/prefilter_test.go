package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var allKeywords = []keyword{kwContact, kwSharingOwner, kwGoals, kwRequirements, kwReporting, kwSettlement, kwParticipant, kwLabourMarket, kwTransition, kwEvaluation, kwRegular, kwPlacements, kwMeasures, kwEmployers}

// TestPrefilterKeepsEveryMatch: the literal prefilter may only skip texts
// the regexp would not match. Checked on every line of every sample and
// seed, and on each prefix itself.
func TestPrefilterKeepsEveryMatch(t *testing.T) {
	var lines []string
	for _, glob := range []string{"../../samples/*.yaml", "../../samples/*/*.yaml", "../../templates/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(strings.ToLower(string(data)), "\n")...)
		}
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d lines to check", len(lines))
	}
	filtered, matched := 0, 0
	for _, k := range allKeywords {
		for _, p := range k.patterns() {
			lines := append(slices.Clone(lines), p.prefixes...)
			for _, l := range lines {
				re := p.re.MatchString(l)
				if re {
					matched++
				}
				if !p.mayMatch(l) {
					filtered++
					if re {
						t.Errorf("%s: the prefilter %q drops %q, which matches", p.re, p.prefixes, l)
					}
				}
			}
		}
	}
	if filtered == 0 || matched == 0 {
		t.Errorf("filtered %d, matched %d: the check checks nothing", filtered, matched)
	}
}

func TestLiteralPrefixes(t *testing.T) {
	for _, c := range []struct {
		re   string
		want []string
	}{
		{`tiltak`, []string{"tiltak"}},
		{`arbeidsgiver|arbeidsgivar|bedrift`, []string{"arbeidsgiver", "arbeidsgivar", "bedrift"}},
		{`ikke når (sitt )?sluttmål|overgang`, []string{"ikke når ", "overgang"}},
		{`(informasjon|opplysninger) om`, []string{"informasjon om", "opplysninger om"}},
		{`følger? opp`, []string{"følge"}},
		{`årlig|(x )?y`, nil},
		{`a|b`, []string{"a", "b"}},
		{`[a-z]x`, nil},
		{`a.b`, []string{"a"}},
		{`\bord`, nil},
	} {
		got := literalPrefixes(c.re)
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: prefixes %q, want %q", c.re, got, c.want)
		}
	}
}
