// Package pdf typesets the bundle's Markdown documents as A4 PDF pages.
//
// Render parses Markdown (CommonMark with tables), turns every block into
// measured items (lines, headings, table rows, signature rows), breaks them
// into pages and only then draws them through fpdf, so the table of contents
// and the footer's "Side X av Y" carry real page numbers. Line breaking is
// our own: it never breaks at a no-break space, nor inside "§ 13 b",
// "§§ 41–43", "kr 12 000" or "nr. 2" even when the text has plain spaces.
//
// Pagination keeps a heading with at least two lines of what follows, never
// leaves a single line of a paragraph alone at the top or bottom of a page,
// never splits a table row, and repeats a table's header row after a break.
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
// heading, without its number, reads "Underskrifter" ("## 9. Underskrifter").
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
