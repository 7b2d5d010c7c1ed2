package pdf

import (
	"fmt"
	"sync"

	"github.com/go-pdf/fpdf"

	"samarbeid/templates"
)

// fontID names one face of the embedded fonts.
type fontID int

const (
	fontRegular fontID = iota
	fontBold
	fontItalic
	fontBoldItalic
	fontMono // code spans and the fallback for symbols such as ☐ and ☑
	numFonts
)

// face is one embedded TrueType face: its fpdf family and style, its bytes,
// its measures, and the face parsed for fpdf.
type face struct {
	family, style, file string
	// id is the font ID fpdf gives the face (fpdf.UTF8Font.ID), kept here
	// because computing it hashes the 65,536-entry width table, which
	// every run paid for each face; TestFontIDs checks it.
	id   string
	data []byte
	// The measures are read the first time the face is measured, once
	// per process: most documents never use bold italic or the mono face.
	measures func() *measures
	// fpdf parses the face the first time a document uses it, once per
	// process; every PDF shares the result.
	parsed func() (*fpdf.UTF8Font, error)
}

// measures are a face's advance widths per BMP rune and its kerning.
type measures struct {
	widths []uint16
	kern   kerning
}

var faceFiles = [numFonts]face{
	fontRegular: {family: "serif", style: "", file: "DejaVuSerifCondensed.ttf",
		id: "9560de398e82d189b2f827beec339e5eae70fd9c"},
	fontBold: {family: "serif", style: "B", file: "DejaVuSerifCondensed-Bold.ttf",
		id: "30037edcb64a8e1b346f08b96070639eb9c02f54"},
	fontItalic: {family: "serif", style: "I", file: "DejaVuSerifCondensed-Italic.ttf",
		id: "3cd9156515c073520f311a2426c9f40b58053bc9"},
	fontBoldItalic: {family: "serif", style: "BI", file: "DejaVuSerifCondensed-BoldItalic.ttf",
		id: "9e7028802202ce71fbaf095e6475a95133dbc4b6"},
	fontMono: {family: "mono", style: "", file: "DejaVuSansMono.ttf",
		id: "b280bbc75d4f0565ef82d4ffd9dc1ad8d7ae1427"},
}

// fontSet holds the parsed faces. It is read-only once loaded and shared by
// all renders, since parsing the width tables costs more than a page.
type fontSet [numFonts]face

// loadFonts parses the embedded fonts once per process.
var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	var fs fontSet
	for id, f := range faceFiles {
		data, ok := templates.Font(f.file)
		if !ok {
			return nil, fmt.Errorf("skriften %s mangler", f.file)
		}
		// The tables the measures are read from must be there; a face
		// that lacks them is refused here rather than when it is measured.
		if _, err := readWidthTables(data); err != nil {
			return nil, fmt.Errorf("skriften %s: %w", f.file, err)
		}
		f.data = data
		f.measures = sync.OnceValue(func() *measures {
			// The tables were checked above; readMeasures gives what it
			// read even when the cmap subtable turns out damaged.
			m, _ := readMeasures(data)
			return m
		})
		f.parsed = sync.OnceValues(func() (*fpdf.UTF8Font, error) {
			font, err := fpdf.ParseUTF8Font(data)
			if err == nil {
				font.SetID(f.family, f.style, f.id)
			}
			return font, err
		})
		fs[id] = f
	}
	return &fs, nil
})

// has reports whether face id has a glyph for r.
func (fs *fontSet) has(id fontID, r rune) bool {
	return r >= 0 && r < 0x10000 && fs[id].measures().widths[r] != missing
}

// ptToMM converts points to millimetres, the unit of all layout.
const ptToMM = 25.4 / 72

// width measures s in face id at size pt, in millimetres, kerned. Runes
// the face lacks must have been rejected or replaced before.
func (fs *fontSet) width(id fontID, size float64, s string) float64 {
	w := 0
	f := fs[id].measures()
	prev := rune(-1)
	for _, r := range s {
		if r < 0x10000 && f.widths[r] != missing {
			w += int(f.widths[r])
			if prev >= 0 {
				w += f.kern.adjust(prev, r)
			}
			prev = r
		}
	}
	return float64(w) * size / 1000 * ptToMM
}

// advance measures s without kerning, as fpdf does.
func (fs *fontSet) advance(id fontID, size float64, s string) float64 {
	w := 0
	widths := fs[id].measures().widths
	for _, r := range s {
		if r < 0x10000 && widths[r] != missing {
			w += int(widths[r])
		}
	}
	return float64(w) * size / 1000 * ptToMM
}

// charError is the error for a character no embedded font can draw.
type charError rune

func (r charError) Error() string {
	if r < 0x20 || (r >= 0x7f && r < 0xa0) {
		return fmt.Sprintf("kontrolltegnet U+%04X kan ikke skrives ut", rune(r))
	}
	return fmt.Sprintf("tegnet «%c» (U+%04X) finnes ikke i skriften", rune(r), rune(r))
}

// Drawable reports whether every style of the body text can draw r, in its
// own face or in the symbol fallback. The model's list of characters a file
// may use is made from it (see TestCharsetMatchesFonts).
func Drawable(r rune) bool {
	fs, err := loadFonts()
	if err != nil {
		return false
	}
	for _, id := range []fontID{fontRegular, fontBold, fontItalic, fontBoldItalic} {
		if !fs.has(id, r) && !fs.has(fontMono, r) {
			return false
		}
	}
	return true
}
