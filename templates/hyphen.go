package templates

import "embed"

// Hyphen holds the Norwegian hyphenation patterns the PDF typesetter
// hyphenates with, with their licence.
//
//go:embed hyphen
var Hyphen embed.FS
