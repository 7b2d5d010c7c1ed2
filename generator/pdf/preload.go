package pdf

// A process reads the fonts once; a caller that has a core to spare may
// read them before Render needs them, in the order Render does: the
// measures for layout, then the rest of each face for drawing. Calling
// either is optional; Render reads what it needs when it gets there first,
// and an error shows when Render needs what failed.

// ReadMeasures reads the widths and kerning of the faces every document
// uses.
func ReadMeasures() { forCommonFaces(func(f *face) { f.measures() }) }

// ParseFaces parses the faces every document uses for drawing.
func ParseFaces() { forCommonFaces(func(f *face) { f.parsed() }) }

func forCommonFaces(do func(*face)) {
	fs, err := loadFonts()
	if err != nil {
		return
	}
	for _, id := range commonFaces {
		do(&fs[id])
	}
}

// commonFaces are the faces every document uses; mono and bold italic are
// rarer.
var commonFaces = []fontID{fontRegular, fontBold, fontItalic}
