package hyphen

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"samarbeid/templates"
)

// TestLoadAsPlainReading checks the pooled loader against a plain reading
// of the files: strings.Fields per line, one key and one value slice per
// pattern. Hyphenation must not change with how the patterns are stored.
func TestLoadAsPlainReading(t *testing.T) {
	for _, file := range []string{"hyph-nb.tex", "hyph-nn.tex"} {
		h, err := load(file)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]uint8{}
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
					if f != "" && group == "p" {
						var letters []rune
						values := []uint8{0}
						for _, r := range f {
							if r >= '0' && r <= '9' {
								values[len(values)-1] = uint8(r - '0')
								continue
							}
							letters = append(letters, r)
							values = append(values, 0)
						}
						want[string(letters)] = values
						wantMax = max(wantMax, len(letters))
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
		if !maps.EqualFunc(h.patterns, want, slices.Equal) {
			t.Errorf("%s: the loaded patterns differ from a plain reading (%d vs %d)", file, len(h.patterns), len(want))
		}
		if h.maxLen != wantMax {
			t.Errorf("%s: longest pattern %d, want %d", file, h.maxLen, wantMax)
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
