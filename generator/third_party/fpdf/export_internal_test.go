// Not upstream: what the external tests may look at inside a document.

package fpdf

// FontIDForTest is the ID of the font added under fontkey, "" if none.
func FontIDForTest(f *Fpdf, fontkey string) string { return f.fonts[fontkey].i }
