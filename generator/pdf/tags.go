package pdf

// Tagged PDF.
//
// The builder (the measure layer) opens a structure element for every
// block it sets — H2, P, L/LI/Lbl/LBody, Table/TR/TH/TD, TOC/TOCI, Link —
// and gives each text operation a mark: a piece of marked content that
// belongs to one element. Marks are appended to their element's kids in
// the order the text is built, which is the reading order. The drawer
// wraps each mark's operations in BDC/EMC with a marked-content id (MCID)
// per page, and everything else it paints — rules, shading, the footer, a
// table header repeated after a page break — in an Artifact. Link areas
// are not given to fpdf: the drawer records them, and the final pass
// (archive.go) writes the annotations, the structure tree and the
// catalogue entries that fpdf has no API for.

// sElem is a structure element.
type sElem struct {
	role   string // standard structure type: P, H2, LI, TD, …
	parent *sElem
	kids   []any // *sElem or *mark, in reading order
	alt    string
	scope  string // TH: Column or Row
	url    string // Link: the external target, to match its text
	annots []int  // Link: indices into the drawer's annotations
}

// mark is a piece of marked content of one element, drawn as one or more
// marked-content sequences.
type mark struct {
	elem *sElem
	refs []mcRef
}

// mcRef is where a mark was drawn: its page and MCID.
type mcRef struct{ page, mcid int }

// tagger builds the structure tree: the current element is where new
// elements and marks go.
type tagger struct {
	root *sElem
	cur  *sElem
}

func newTagger() *tagger {
	root := &sElem{role: "Document"}
	return &tagger{root: root, cur: root}
}

// open adds an element under the current one and makes it current.
func (t *tagger) open(role string) *sElem {
	e := t.add(role)
	t.cur = e
	return e
}

// add adds an element under the current one.
func (t *tagger) add(role string) *sElem {
	e := &sElem{role: role, parent: t.cur}
	t.cur.kids = append(t.cur.kids, e)
	return e
}

// close makes the current element's parent current again.
func (t *tagger) close() {
	if t.cur.parent != nil {
		t.cur = t.cur.parent
	}
}

// markIn appends a new mark to e.
func markIn(e *sElem) *mark {
	m := &mark{elem: e}
	e.kids = append(e.kids, m)
	return m
}

// tag gives the text operations in ops marks in element e: text of a link
// goes into a Link element under e, with the link's area; page numbers
// and other text into e. Text already marked keeps its mark. Rules and
// shading stay unmarked and are drawn as artifacts.
func tag(e *sElem, ops []op) {
	var (
		m    *mark  // the open mark of e
		link *sElem // the open Link element
		lm   *mark  // its mark
	)
	for i := range ops {
		o := &ops[i]
		if o.mark != nil {
			continue
		}
		switch o.kind {
		case opText, opPageRef:
			if o.url != "" && o.kind == opText {
				if link == nil || link.url != o.url {
					link = &sElem{role: "Link", parent: e, url: o.url}
					e.kids = append(e.kids, link)
					lm = markIn(link)
					m = nil
				}
				o.mark = lm
				continue
			}
			if m == nil {
				// Continue the element's last mark, so the lines of a
				// paragraph are one marked-content sequence per page.
				if n := len(e.kids); n > 0 {
					m, _ = e.kids[n-1].(*mark)
				}
				if m == nil {
					m = markIn(e)
				}
				link = nil
			}
			o.mark = m
		case opLink:
			if link != nil && link.url == o.url {
				o.mark = lm
			}
		}
	}
}
