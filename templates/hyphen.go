package templates

import "embed"

// Hyphen holds the Norwegian hyphenation patterns the PDF typesetter
// hyphenates with, with their licence, and hyph-no.table, the patterns of
// hyph-no.tex as the typesetter reads them.
//
//go:embed hyphen
var Hyphen embed.FS
