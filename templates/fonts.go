package templates

import "embed"

// Fonts holds the TrueType fonts the PDF typesetter embeds, with their licence.
//
//go:embed fonts
var Fonts embed.FS

// The fonts again as byte slices: Fonts.ReadFile copies a file onto the
// heap, where the 1.7 MB of fonts would count twice against the memory a
// run may use; these point into the binary.
var (
	//go:embed fonts/DejaVuSerifCondensed.ttf
	serif []byte
	//go:embed fonts/DejaVuSerifCondensed-Bold.ttf
	serifBold []byte
	//go:embed fonts/DejaVuSerifCondensed-Italic.ttf
	serifItalic []byte
	//go:embed fonts/DejaVuSerifCondensed-BoldItalic.ttf
	serifBoldItalic []byte
	//go:embed fonts/DejaVuSansMono.ttf
	mono []byte
)

// Font returns the bytes of the font file name in the fonts folder without
// copying them; the caller must not change them. ok is false for a name
// that is not one of the fonts.
func Font(name string) (data []byte, ok bool) {
	switch name {
	case "DejaVuSerifCondensed.ttf":
		return serif, true
	case "DejaVuSerifCondensed-Bold.ttf":
		return serifBold, true
	case "DejaVuSerifCondensed-Italic.ttf":
		return serifItalic, true
	case "DejaVuSerifCondensed-BoldItalic.ttf":
		return serifBoldItalic, true
	case "DejaVuSansMono.ttf":
		return mono, true
	}
	return nil, false
}

// Color holds the sRGB ICC profile the PDF/A output intent embeds, with its
// licence.
//
//go:embed color
var Color embed.FS
