// Package templates holds what the binary embeds: the Markdown templates the
// documents are filled from, the built-in standard texts, the starter files
// and the fonts. A user may override any file by name with --templates DIR.
package templates

import "embed"

// Files are the templates and texts, by name.
//
//go:embed *.md.tmpl *.yaml lang/*.yaml
var Files embed.FS
