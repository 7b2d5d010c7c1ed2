package templates

import "embed"

// LangCache holds the built-in language packs (lang/<code>.yaml) in a form
// read without a YAML parser, made by generator/lang's tests. Each names
// the YAML it was made from by its hash; a cache that does not match its
// pack is not used.
//
//go:embed lang/*.bin
var LangCache embed.FS
