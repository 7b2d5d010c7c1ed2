package hyphen

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"samarbeid/templates"
)

// TestLoadAsPlainReading checks the table against a plain reading of the
// TeX files: strings.Fields per line, a map from letters to values.
// Hyphenation must not change with how the patterns are stored.
func TestLoadAsPlainReading(t *testing.T) {
	for _, file := range []string{"hyph-nb.tex", "hyph-nn.tex"} {
		h, err := load(file)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]uint8{}
		wantExc := map[string][]int{}
		wantMax := 0
		for _, name := range []string{"hyph-no.tex", file} {
			data, err := templates.Hyphen.ReadFile("hyphen/" + name)
			if err != nil {
				t.Fatal(err)
			}
			group := ""
			for _, line := range strings.Split(string(data), "\n") {
				line, _, _ = strings.Cut(line, "%")
				for _, f := range strings.Fields(line) {
					if rest, ok := strings.CutPrefix(f, `\patterns{`); ok {
						group, f = "p", rest
					} else if rest, ok := strings.CutPrefix(f, `\hyphenation{`); ok {
						group, f = "h", rest
					}
					f, end := strings.CutSuffix(f, "}")
					switch {
					case f != "" && group == "p":
						letters, values := splitPattern(f)
						want[letters] = values
						wantMax = max(wantMax, len([]rune(letters)))
					case f != "" && group == "h":
						var points []int
						n := 0
						for _, r := range f {
							if r == '-' {
								points = append(points, n)
							} else {
								n++
							}
						}
						wantExc[strings.ToLower(strings.ReplaceAll(f, "-", ""))] = points
					}
					if end {
						group = ""
					}
				}
			}
		}
		if len(want) < 20000 {
			t.Fatalf("%s: only %d patterns read plainly", file, len(want))
		}
		got := map[string][]uint8{}
		for i := range h.patterns.n {
			v, ok := h.patterns.lookup(h.patterns.key(i))
			if !ok {
				t.Fatalf("%s: pattern %q not found by lookup", file, h.patterns.key(i))
			}
			got[h.patterns.key(i)] = v
		}
		if !maps.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: the table's patterns differ from a plain reading (%d vs %d)", file, len(got), len(want))
		}
		for letters := range want {
			if _, ok := h.patterns.lookup(letters + "x"); ok && want[letters+"x"] == nil {
				t.Errorf("%s: lookup found %q, which is no pattern", file, letters+"x")
			}
		}
		if h.patterns.maxLen != wantMax {
			t.Errorf("%s: longest pattern %d, want %d", file, h.patterns.maxLen, wantMax)
		}
		if !maps.EqualFunc(h.exceptions, wantExc, slices.Equal) {
			t.Errorf("%s: exceptions differ from a plain reading (%d vs %d)", file, len(h.exceptions), len(wantExc))
		}
	}
}

func TestNextFieldAsFields(t *testing.T) {
	for _, s := range []string{"", "  ", "a", " a b  c ", "\tx\u00a0y\u2003z\r", "æ ø\vå"} {
		var got []string
		for rest := s; ; {
			var f string
			if f, rest = nextField(rest); f == "" {
				break
			}
			got = append(got, f)
		}
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("%q: fields %q, want %q", s, got, want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load("hyph-nb.tex"); err != nil {
			b.Fatal(err)
		}
	}
}
