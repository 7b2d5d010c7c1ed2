package pdf

import (
	"strings"
	"testing"

	"samarbeid/generator/hyphen"
)

func testHyphenator(t testing.TB) *hyphenator {
	t.Helper()
	hy, err := hyphen.For("nb")
	if err != nil {
		t.Fatal(err)
	}
	return newHyphenator(hy)
}

// setLines breaks text at width and returns each line's text.
func setLines(t testing.TB, text string, width float64) []string {
	t.Helper()
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := fs.words([]span{{text: text}}, textStyle{size: tableSize})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range fs.breakLines(ws, width, testHyphenator(t)) {
		if l.w > width+1e-9 && len([]rune(lineText(l))) > 1 {
			t.Errorf("width %.1f: line %q is %.2f mm wide", width, lineText(l), l.w)
		}
		out = append(out, lineText(l))
	}
	return out
}

// checkNoCuts fails when a line ends inside a word of text without a
// hyphen, except after @ . / - in an address, or when text is lost.
func checkNoCuts(t *testing.T, text string, lines []string, width float64) {
	t.Helper()
	if err := cutsWithoutHyphen(strings.Fields(text), lines); err != "" {
		t.Errorf("width %.1f: %s; lines %q", width, err, lines)
	}
}

// cutsWithoutHyphen matches the lines' words against the source words in
// order and describes the first word cut at a line end without a hyphen.
func cutsWithoutHyphen(words, lines []string) string {
	i, rest := 0, ""
	next := func() bool {
		if rest == "" {
			if i >= len(words) {
				return false
			}
			rest = words[i]
			i++
		}
		return true
	}
	for _, l := range lines {
		toks := strings.Fields(l)
		for k, tok := range toks {
			if !next() {
				return "more text than the source: " + tok
			}
			if tok == rest {
				rest = ""
				continue
			}
			atEnd := k == len(toks)-1
			switch {
			case !atEnd:
				return "unexpected word " + tok + ", want " + rest
			case strings.HasPrefix(rest, tok) && strings.ContainsAny(tok[len(tok)-1:], "-/"):
				rest = rest[len(tok):] // after the word's own hyphen, dash or slash
			case strings.HasSuffix(tok, "-") && strings.HasPrefix(rest, strings.TrimSuffix(tok, "-")):
				rest = rest[len(tok)-1:] // hyphenated
			case strings.HasPrefix(rest, tok) && strings.ContainsAny(tok[len(tok)-1:], "@.") && isAddress(words[i-1]):
				rest = rest[len(tok):]
			case strings.HasPrefix(rest, tok):
				return "«" + tok + "|" + rest[len(tok):] + "» is cut without a hyphen"
			default:
				return "unexpected word " + tok + ", want " + rest
			}
		}
	}
	if next() {
		return "text lost from " + rest
	}
	return ""
}

func TestLongCompoundsInNarrowColumns(t *testing.T) {
	text := "Voksenopplæringen og introduksjonsprogrammet gir arbeidsmarkedstiltak til deltakerne; " +
		"kontakt navn.navnesen@eksempel.kommune.no eller https://www.nav.no/no/person/kontakt før " +
		"kvalifiseringsprogrammet. Helse- og mestringsdirektøren har ansvar for arbeids-/utdanningsløp " +
		"i NAV-kontoret etter § 13 b."
	for width := 22.0; width <= 90; width += 0.5 {
		lines := setLines(t, text, width)
		checkNoCuts(t, text, lines, width)
	}
}

func TestSoftHyphensHonoured(t *testing.T) {
	text := "sam\u00adarbeids\u00adavtale"
	for _, l := range setLines(t, text, 20) {
		if l != "sam-" && l != "samarbeids-" && l != "arbeids-" && l != "avtale" && l != "arbeidsavtale" {
			t.Errorf("line %q: want breaks only at the soft hyphens", l)
		}
	}
}

func TestAddressesBreakWithoutHyphen(t *testing.T) {
	lines := setLines(t, "navn.navnesen@eksempel.kommune.no", 25)
	if len(lines) < 2 {
		t.Fatalf("got %q, want the address on several lines", lines)
	}
	for _, l := range lines[:len(lines)-1] {
		if last := l[len(l)-1]; !strings.ContainsRune("@./-", rune(last)) {
			t.Errorf("line %q: an address breaks only after @ . / -", l)
		}
	}
	if strings.Join(lines, "") != "navn.navnesen@eksempel.kommune.no" {
		t.Errorf("got %q", lines)
	}
}

func TestHugeWordIsHyphenatedNotLost(t *testing.T) {
	word := strings.Repeat("x", 3000)
	lines := setLines(t, word, 60)
	var b strings.Builder
	for i, l := range lines {
		if i+1 < len(lines) {
			if !strings.HasSuffix(l, "-") {
				t.Fatalf("line %d %q: a cut word must end in a hyphen", i, l)
			}
			l = strings.TrimSuffix(l, "-")
		}
		b.WriteString(l)
	}
	if b.String() != word {
		t.Errorf("the word did not survive: %d runes of %d", len(b.String()), len(word))
	}
}

func TestOptimalBreaksBeatGreedy(t *testing.T) {
	// Greedy filling leaves a line with a lone short word where a better
	// choice of breaks fills every line.
	text := "Partene skal møtes jevnlig og dele informasjon om deltakerne i tråd med de til enhver tid gjeldende rutiner for samtykke og taushetsplikt."
	lines := setLines(t, text, 70)
	for _, l := range lines[:len(lines)-1] {
		if w := len([]rune(l)); w < 30 {
			t.Errorf("line %q is short; lines %q", l, lines)
		}
	}
}

func TestSoftHyphenNextToHardHyphen(t *testing.T) {
	for _, text := range []string{"NAV-\u00adkontoret", "\u00adforan", "bak\u00ad", "a\u00ad\u00adb"} {
		for width := 5.0; width <= 30; width += 5 {
			setLines(t, text+" "+text, width)
		}
	}
}

func TestBreakLinesOnOddInput(t *testing.T) {
	alphabet := []rune("aeiouøæå bcdfgklmnprst-–@./\u00ad\u00a0§1 ")
	seed := uint32(1)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	for range 300 {
		var b strings.Builder
		for range 1 + rnd(120) {
			b.WriteRune(alphabet[rnd(len(alphabet))])
		}
		text := b.String()
		width := 8 + float64(rnd(80))
		lines := setLines(t, text, width)
		var got strings.Builder
		for _, l := range lines {
			got.WriteString(l)
		}
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '-' || r == '\u00ad' || r == '\u00a0' {
					return -1
				}
				return r
			}, s)
		}
		if strip(got.String()) != strip(text) {
			t.Fatalf("width %.0f: %q set as %q", width, text, lines)
		}
	}
}
