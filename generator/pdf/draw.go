package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"

	"github.com/go-pdf/fpdf"
)

// The drawing layer is the only code that calls fpdf.

// draw emits the pages through fpdf.
func draw(l *laidOut) ([]byte, error) {
	fs, doc, pages, headings, root := l.fs, l.doc, l.pages, l.headings, l.root
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetSubsetFontNames(true) // PDF/A: six-letter tag + the font's own name
	date := doc.Date
	if date.IsZero() {
		date = fallbackDate
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetTitle(doc.Title, true)
	pdf.SetAuthor(doc.Author, true)
	pdf.SetSubject(doc.Subject, true)
	pdf.SetKeywords(doc.Keywords, true)
	pdf.SetCreator("samarbeid", true)
	pdf.SetLang(doc.Lang.T("meta.tag"))
	d := &drawer{pdf: pdf, fs: fs, headings: headings, font: -1, draft: doc.Draft, drawn: map[*item]bool{}}
	ft := newFooter(fs, doc)
	first, total := 1, len(pages)
	if doc.Wheel != nil {
		first, total = 2, total+1
		for _, h := range headings {
			h.page++
		}
		pdf.AddPage()
		d.size, d.color = 0, rgb{-1, -1, -1}
		d.watermark(d.draft)
		// The wheel page is one figure, first in the reading order, whose
		// alternative text lists the meetings.
		fig := &sElem{role: "Figure", parent: root, alt: doc.Wheel.Alt}
		root.kids = append([]any{fig}, root.kids...)
		d.marks = append(d.marks, nil)
		d.begin(op{mark: markIn(fig)})
		d.wheelPage(*doc.Wheel)
		d.end()
		d.footer(ft.draw, 1, total)
	}
	for i, pl := range pages {
		d.page(i+first, total, pl, ft.draw)
	}
	if err := attach(pdf, doc.Attachments); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, errors.New("kunne ikke skrive PDF: " + err.Error())
	}
	return finish(buf.Bytes(), archive{doc: doc, date: date, root: root, marks: d.marks, annots: d.annots, headings: headings})
}

// attach embeds the attachments, waiting for those made Later.
func attach(pdf *fpdf.Fpdf, attachments []Attachment) error {
	if len(attachments) == 0 {
		return nil
	}
	as := make([]fpdf.Attachment, len(attachments))
	for i, a := range attachments {
		content := a.Content
		if a.Later != nil {
			var err error
			if content, err = a.Later(); err != nil {
				return err
			}
		}
		as[i] = fpdf.Attachment{Content: content, Filename: a.Name, Description: a.Description}
	}
	pdf.SetAttachments(as)
	return nil
}

// drawer emits laid-out pages through fpdf, adding each font the first
// time it is used and skipping redundant state changes.
type drawer struct {
	pdf      *fpdf.Fpdf
	fs       *fontSet
	added    [numFonts]bool
	font     fontID
	size     float64
	color    rgb
	headings []*heading
	draft    string // the draft mark on every page, or empty

	// Tagging state: the marks drawn on each page by MCID, the link
	// areas, what is open in the content stream, and which items were
	// drawn already (a table header drawn again is an artifact).
	marks    [][]*sElem
	annots   []annot
	open     *mark
	artifact string // the open artifact's properties, "" when none is open
	drawn    map[*item]bool
	repeat   bool
}

// annot is a link area for the final pass to write as an annotation.
type annot struct {
	page       int
	x, y, w, h float64 // millimetres from the page's top left
	url        string  // external target, or
	ref        int     // the heading it leads to
	elem       *sElem  // the Link element it belongs to
}

func (d *drawer) setFont(id fontID, size float64) {
	if !d.added[id] {
		f := d.fs[id]
		if parsed, err := f.parsed(); err != nil {
			d.pdf.SetError(fmt.Errorf("skriften %s: %w", f.file, err))
		} else {
			d.pdf.AddUTF8FontParsed(f.family, f.style, parsed)
		}
		d.added[id] = true
		d.size = 0
	}
	if id != d.font || size != d.size {
		f := d.fs[id]
		d.pdf.SetFont(f.family, f.style, size)
		d.font, d.size = id, size
	}
}

func (d *drawer) setColor(c rgb) {
	if c != d.color {
		d.pdf.SetTextColor(c.r, c.g, c.b)
		d.color = c
	}
}

// page draws one page's items, bookmarks and footer.
func (d *drawer) page(n, total int, pl []placement, footer func(d *drawer, n, total int)) {
	d.pdf.AddPage()
	d.size = 0 // fpdf resets the font state on a new page's content stream
	d.color = rgb{-1, -1, -1}
	d.marks = append(d.marks, nil)
	d.watermark(d.draft)
	for _, p := range pl {
		d.repeat = d.drawn[p.it]
		d.drawn[p.it] = true
		if p.it.heading > 0 {
			h := d.headings[p.it.heading-1]
			if h.page == n {
				d.pdf.Bookmark(h.text, outlineLevel(d.headings, p.it.heading-1), p.y)
			}
		}
		for _, o := range p.it.ops {
			d.op(o, p.y)
		}
	}
	d.repeat = false
	d.end()
	d.footer(footer, n, total)
}

// footer draws the running footer as a pagination artifact.
func (d *drawer) footer(draw func(d *drawer, n, total int), n, total int) {
	d.artifact = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
	d.pdf.RawWriteStr(d.artifact)
	draw(d, n, total)
	d.end()
}

// begin opens the marked content an operation that paints belongs to: its
// mark, or an artifact.
func (d *drawer) begin(o op) {
	if o.mark != nil && !o.artifact && !d.repeat {
		if d.open == o.mark {
			return
		}
		d.end()
		page := len(d.marks) - 1
		mcid := len(d.marks[page])
		d.marks[page] = append(d.marks[page], o.mark.elem)
		o.mark.refs = append(o.mark.refs, mcRef{page: page, mcid: mcid})
		d.pdf.RawWriteStr("/" + o.mark.elem.role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
		d.open = o.mark
		return
	}
	if d.artifact != "" {
		return
	}
	d.end()
	d.artifact = "/Artifact BMC"
	d.pdf.RawWriteStr(d.artifact)
}

// end closes what begin opened.
func (d *drawer) end() {
	if d.open != nil || d.artifact != "" {
		d.pdf.RawWriteStr("EMC")
	}
	d.open, d.artifact = nil, ""
}

// outlineLevel keeps outline levels contiguous: an H3 before any H2 is
// put at the top level.
func outlineLevel(hs []*heading, i int) int {
	if hs[i].level == 2 {
		return 0
	}
	for k := i - 1; k >= 0; k-- {
		if hs[k].level == 2 {
			return 1
		}
	}
	return 0
}

// op draws one operation with y relative to top.
func (d *drawer) op(o op, top float64) {
	switch o.kind {
	case opText, opPageRef, opLine, opRect:
		d.begin(o)
	}
	switch o.kind {
	case opText:
		d.setFont(o.font, o.size)
		d.setColor(o.color)
		text := o.text
		if o.trail {
			text += " "
		}
		d.text(o.font, o.size, o.x, top+o.y, text)
	case opLine:
		d.pdf.SetDrawColor(o.color.r, o.color.g, o.color.b)
		d.pdf.SetLineWidth(o.thick)
		d.pdf.Line(o.x, top+o.y, o.x+o.w, top+o.y+o.h)
	case opRect:
		d.pdf.SetFillColor(o.color.r, o.color.g, o.color.b)
		d.pdf.Rect(o.x, top+o.y, o.w, o.h, "F")
	case opLink, opGoto:
		if d.repeat {
			return
		}
		a := annot{page: len(d.marks) - 1, x: o.x, y: top + o.y, w: o.w, h: o.h, url: o.url, ref: -1}
		if o.kind == opGoto {
			a.ref = o.ref
		}
		if o.mark != nil {
			a.elem = o.mark.elem
			a.elem.annots = append(a.elem.annots, len(d.annots))
		}
		d.annots = append(d.annots, a)
	case opPageRef:
		s := strconv.Itoa(d.headings[o.ref].page)
		d.setFont(o.font, o.size)
		d.setColor(o.color)
		d.text(o.font, o.size, o.x-d.fs.width(o.font, o.size, s), top+o.y, s)
	}
}

// text draws s at x on baseline y in the current font, kerned: the text
// is cut into runs where a kerning pair tightens, and each run is moved
// left by the pair's adjustment.
func (d *drawer) text(id fontID, size, x, y float64, s string) {
	k := &d.fs[id].measures().kern
	start, prev := 0, rune(-1)
	for i, r := range s {
		if adj := k.adjust(prev, r); prev >= 0 && adj != 0 {
			run := s[start:i]
			d.pdf.Text(x, y, run)
			x += d.fs.width(id, size, run) + float64(adj)*size/1000*ptToMM
			start = i
		}
		prev = r
	}
	d.pdf.Text(x, y, s[start:])
}
