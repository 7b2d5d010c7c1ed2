package pdf

import (
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

func TestNeverBreakInsideReferences(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	text := "Etter § 13 b og §§ 41–43 betales kr 12 000 jf. forskriften nr. 2 og kap. 4 i loven. "
	groups := []string{"§ 13 b", "§§ 41–43", "kr 12 000", "nr. 2", "kap. 4"}
	st := textStyle{size: bodySize}
	for width := 20.0; width <= 120; width += 0.7 {
		ws, err := fs.words([]span{{text: strings.Repeat(text, 3)}}, st)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range fs.breakLines(ws, width, nil) {
			s := lineText(l)
			if l.w > width+1e-9 {
				t.Errorf("width %.1f: line %q is %.2f mm wide", width, s, l.w)
			}
			for _, g := range groups {
				first, _, _ := strings.Cut(g, " ")
				if strings.HasSuffix(s, " "+first) && !strings.HasSuffix(s, g) {
					t.Errorf("width %.1f: line %q breaks inside %q", width, s, g)
				}
			}
		}
	}
}

func TestNoBreakSpaceRendersAsSpace(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := fs.words([]span{{text: "a\u00a0b c"}}, textStyle{size: bodySize})
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || wordText(ws[0]) != "a b" {
		t.Fatalf("got %d words, first %q; want 2 words, first \"a b\"", len(ws), wordText(ws[0]))
	}
}

func TestGlued(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"§", "13", true},
		{"(§§", "41–43)", true},
		{"13", "b", true},
		{"13", "b,", true},
		{"kr", "12", true},
		{"12", "000", true},
		{"nr.", "2", true},
		{"13", "og", false},
		{"2020", "125", false},
		{"+47", "414", true},
		{"55", "55", true},
		{"08", "242", true},
		{"ansvar", "for", false},
	}
	for _, tt := range tests {
		if got := glued(tt.a, tt.b); got != tt.want {
			t.Errorf("glued(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestWidthsMatchFpdf(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for id := range numFonts {
		d := newMeasureFpdf(fs, id)
		for _, s := range []string{"Kongsgård § 13 b – «sjekk» ☐", "WWW iii ÆØÅ æøå"} {
			if !allIn(fs, id, s) {
				continue
			}
			want := d.GetStringWidth(s)
			if got := fs.advance(id, 11, s); abs(got-want) > 1e-6 {
				t.Errorf("font %d %q: width %.4f, fpdf %.4f", id, s, got, want)
			}
		}
	}
}

func lineText(l line) string {
	var b strings.Builder
	for i, p := range l.frags {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(p.text)
	}
	return b.String()
}

func allIn(fs *fontSet, id fontID, s string) bool {
	for _, r := range s {
		if !fs.has(id, r) {
			return false
		}
	}
	return true
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestKerning(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(fs[fontRegular].measures().kern.adj); got < 100 {
		t.Fatalf("%d kerning pairs in the serif face, want the font's table", got)
	}
	// «Te» tightens; measuring «T e» keeps the space's width.
	if k, a := fs.width(fontRegular, 10, "Te"), fs.advance(fontRegular, 10, "Te"); k >= a {
		t.Errorf("«Te» is %.3f mm kerned and %.3f mm without; want kerning to tighten", k, a)
	}
	if k, a := fs.width(fontRegular, 10, "T e"), fs.advance(fontRegular, 10, "T e"); k != a {
		t.Errorf("kerning reaches across a space")
	}
	for i, v := range fs[fontRegular].measures().kern.adj {
		if v >= 0 {
			t.Fatalf("pair %d widens by %d", i, v)
		}
	}
}

// TestKerningAsRunePairs checks the kerning kept by glyph against the
// plain reading it replaced: every pair of runes drawn with a kerned pair
// of glyphs, in a map, for every rune of the faces below U+0250 (Latin),
// the punctuation and the symbols the documents use.
func TestKerningAsRunePairs(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var runes []rune
	for r := rune(0); r < 0x2200; r++ {
		if r < 0x250 || (r >= 0x2000 && r < 0x2070) || r == 0x2122 || r == 0x2116 {
			runes = append(runes, r)
		}
	}
	for id, f := range fs {
		want := runePairKerning(t, f.data)
		n := 0
		for _, a := range runes {
			for _, b := range runes {
				if got, w := f.measures().kern.adjust(a, b), want[uint32(a)<<16|uint32(b)]; got != int(w) {
					t.Fatalf("%s: %q%q kerned %d, want %d", faceFiles[id].file, a, b, got, w)
				}
				if want[uint32(a)<<16|uint32(b)] != 0 {
					n++
				}
			}
		}
		if f.measures().kern.glyph != nil && n == 0 {
			t.Errorf("%s: no kerned pair among the runes checked", faceFiles[id].file)
		}
	}
}

// runePairKerning is the map of rune pairs the kerning was kept as before.
func runePairKerning(t *testing.T, data []byte) map[uint32]int16 {
	t.Helper()
	tables, err := ttfTables(data)
	if err != nil {
		t.Fatal(err)
	}
	kern, head := tables["kern"], tables["head"]
	out := map[uint32]int16{}
	if len(kern) < 4 {
		return out
	}
	unitsPerEm := float64(binary.BigEndian.Uint16(head[18:]))
	sub, err := cmapFormat4(tables["cmap"])
	if err != nil {
		t.Fatal(err)
	}
	runes := map[int][]rune{}
	_ = eachMapping(sub, func(r rune, gid int) {
		if gid != 0 && r != ' ' && r != '\u00a0' {
			runes[gid] = append(runes[gid], r)
		}
	})
	for p, i := 4, 0; i < int(binary.BigEndian.Uint16(kern[2:])); i++ {
		length := int(binary.BigEndian.Uint16(kern[p+2:]))
		if c := binary.BigEndian.Uint16(kern[p+4:]); c>>8 == 0 && c&0x7 == 1 {
			for j := range int(binary.BigEndian.Uint16(kern[p+6:])) {
				at := p + 14 + 6*j
				l, r := int(binary.BigEndian.Uint16(kern[at:])), int(binary.BigEndian.Uint16(kern[at+2:]))
				adj := int16(math.Round(float64(int16(binary.BigEndian.Uint16(kern[at+4:]))) * 1000 / unitsPerEm))
				if adj >= 0 {
					continue
				}
				for _, a := range runes[l] {
					for _, b := range runes[r] {
						out[uint32(a)<<16|uint32(b)] = adj
					}
				}
			}
		}
		p += length
	}
	return out
}
