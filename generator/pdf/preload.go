package pdf

import "samarbeid/generator/hyphen"

// Preload starts reading, in the background, what every PDF needs and a
// process reads only once: the text faces and the hyphenation patterns for
// language (the code of Document.Lang, "nb" or "nn"). They are then read
// beside whatever the caller does meanwhile, such as filling the
// templates, and Render waits for them only if it gets there first.
// Calling it is optional; an error shows when Render needs what failed.
func Preload(language string) {
	go hyphen.For(language)
	PreloadFonts()
}

// PreloadFonts starts reading the text faces in the background, as
// Preload does; it needs no language, so a caller may start it before it
// knows the document's, for instance while it reads the input.
func PreloadFonts() {
	go func() {
		fs, err := loadFonts()
		if err != nil {
			return
		}
		// The faces every document uses; mono and bold italic are rarer.
		// Layout needs the measures first; only drawing needs the rest.
		faces := []fontID{fontRegular, fontBold, fontItalic}
		for _, id := range faces {
			go fs[id].measures()
		}
		for _, id := range faces {
			go fs[id].parsed()
		}
	}()
}
