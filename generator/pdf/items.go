package pdf

// opKind is what a drawing operation draws.
type opKind int

const (
	opText    opKind = iota // text at x, baseline y
	opLine                  // rule from (x, y) to (x+w, y+h)
	opRect                  // filled rectangle
	opLink                  // external link area (url)
	opGoto                  // internal link area to heading ref
	opPageRef               // page number of heading ref, right-aligned at x
)

// op is one drawing operation. Coordinates are millimetres: x from the
// page's left edge, y from the top of the item it belongs to.
type op struct {
	kind       opKind
	x, y, w, h float64
	font       fontID
	size       float64
	color      rgb
	text       string
	url        string
	ref        int // heading index for opGoto and opPageRef
	thick      float64
	mark       *mark // the marked content text belongs to; nil for artifacts
	artifact   bool  // text that is decoration, such as dot leaders
	trail      bool  // text followed by a space that is drawn but not measured, so extracted text has it
}

// role is what an item is, for the page dump, the pagination tests and
// the tagging of drawn content.
type role uint8

const (
	roleArtifact    role = iota // rules and other decoration
	roleTitle                   // the title block
	roleTOC                     // a contents entry
	roleHeading                 // a heading; level says which
	roleParagraph               // a line of a paragraph
	roleListItem                // a line of a list item
	roleTableHeader             // a table's header row
	roleTableRow                // a table row, or a slice of one
	roleCode                    // a line of a code block
	roleSignature               // a row of signature blocks
)

var roleNames = [...]string{"artifact", "title", "toc", "heading", "paragraph", "listitem", "tablehead", "tablerow", "code", "signature"}

func (r role) String() string { return roleNames[r] }

// listEntry places an item in a list or table: 1 + the list's index, and
// the index of the list item or body row it belongs to.
type listEntry struct{ list, entry int }

// item is the unit of pagination: a line, a heading, a table row, a
// signature row. Pages break only between items.
type item struct {
	role      role
	level     int         // heading level
	block     int         // 1 + the index of the block (paragraph, list item, row) it is part of
	lists     []listEntry // the lists and tables it is in, innermost first
	h         float64     // height, including space below that belongs to it
	before    float64     // space above; dropped at the top of a page
	keep      bool        // never break between this item and the next
	breakFrom bool        // always start a new page with this item
	baseline  float64     // baseline of the first line, for list markers
	ops       []op
	heading   int   // 1 + index into headings when this item is a heading
	header    *item // table header to repeat above this row after a break
}

// heading is an H2–H4 entry for the table of contents and the outline.
type heading struct {
	level int
	text  string
	page  int // 1-based, set by pagination
	y     float64
}

// textOps turns typeset lines into text and link operations, the first
// line's top at y, each line lineH high.
func textOps(lines []line, x, y, lineH, size float64) []op {
	var ops []op
	base := baselineOffset(size, lineH)
	for _, l := range lines {
		for i, p := range l.frags {
			trail := p.trail || (l.space && i == len(l.frags)-1)
			ops = append(ops, op{kind: opText, x: x + p.x, y: y + base, font: p.font, size: p.size, color: p.color, text: p.text, url: p.link, trail: trail})
			if p.link != "" {
				ops = append(ops, op{kind: opLink, x: x + p.x, y: y, w: p.w, h: lineH, url: p.link})
			}
		}
		y += lineH
	}
	return ops
}

// lineHeight is the distance between baselines for type of size pt.
func lineHeight(size float64) float64 { return size * leading * ptToMM }

// baselineOffset places the baseline so the type sits optically centred in
// its line.
func baselineOffset(size, lineH float64) float64 {
	s := size * ptToMM
	return (lineH-s)/2 + 0.8*s
}
