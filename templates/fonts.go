package templates

import "embed"

// Fonts holds the TrueType fonts the PDF typesetter embeds, with their licence.
//
//go:embed fonts
var Fonts embed.FS
