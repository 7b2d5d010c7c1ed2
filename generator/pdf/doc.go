// Package pdf typesets the bundle's Markdown documents as A4 PDF pages.
//
// Render works in layers. Measuring (fonts.go, ttf.go) gives the width of
// text in the embedded fonts. Building (blocks.go, table.go, signature.go,
// front.go) turns every Markdown block into items that know what they are
// (heading, paragraph line, list line, table header or row slice,
// signature row, artifact). Line breaking (layout.go, linebreak.go) sets
// words as boxes, glue and break points and chooses the breaks of a whole
// paragraph by least total cost (Knuth and Plass, ragged right), with
// Norwegian hyphenation from generator/hyphen when a paragraph would
// otherwise leave a line too empty; it never breaks at a no-break space,
// nor inside "§ 13 b", "§§ 41–43", "kr 12 000", "nr. 2" or a telephone
// number unless nothing else fits, and never cuts a word without a hyphen
// (addresses break after @ . / - instead). Pagination (paginate.go) breaks
// pages between items only. Drawing (draw.go) is the only code that calls
// fpdf, after pagination, so the table of contents and the footer's
// "Side X av Y" carry real page numbers. Every layout constant is in
// style.go.
//
// Pagination never ends a page with a heading, never leaves a single line
// of a paragraph or list item alone at the top or bottom of a page, keeps
// the first two and the last two items of a list together, keeps a
// heading with its lead paragraphs and the first item of the list that
// follows, keeps the signature section with the lines before it, and sets
// the last two pages tighter rather than leave a fragment alone on the
// last. A table row is cut into one-line slices: a short row stays whole,
// a long one continues on the next page under the repeated header row.
// Columns empty in every body row are left out, and tables with the same
// header share one set of column widths.
//
// The document's first H1 is its title and is replaced by the title block
// built from Document. Raw HTML, images and math are errors that name
// Document.Source and the line, as is any character the embedded fonts
// (DejaVu Serif Condensed, with DejaVu Sans Mono for code and for ☐ ☑)
// cannot draw.
//
// # Signatures
//
// A template that wants signatures ends the document with a section whose
// heading, without its number, is the language pack's signature heading
// ("## 9. Underskrifter").
// From that heading to the end everything stays on one page. In that
// section each signatory is one paragraph that starts with the name in
// bold, followed by hard line breaks (two trailing spaces or a backslash):
//
//	Sted og dato: Kristiansand, 18. september 2020
//
//	**Brede Skaalerud**
//	Helse- og mestringsdirektør
//	for Helse og mestring
//
//	**Kristin Edet Robstad**
//	Oppvekstdirektør
//	for Oppvekst
//
// Signature blocks are set two per row, each under room to sign and a
// signature rule; other paragraphs, such as the place and date line, are
// set as text.
package pdf
