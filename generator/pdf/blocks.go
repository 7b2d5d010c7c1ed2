package pdf

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/gomarkdown/markdown/ast"

	"samarbeid/generator/lang"
)

// builder walks the Markdown AST and turns blocks into items.
type builder struct {
	tags     *tagger
	fs       *fontSet
	hy       *hyphenator // nil: no hyphenation
	src      *sourceErrors
	lang     *lang.Pack
	items    []*item
	headings []*heading

	pending     float64 // space owed above the next item
	afterHead   bool    // the previous item was a heading: no space above
	keepNext    int     // keep this many following items with their successor
	signatures  bool    // inside the signature section
	sigStart    int     // index of the first item of that section
	sigBlocks   [][][]span
	failedChars map[rune]bool
	blockCount  int
	listCount   int                 // lists and tables, for item.lists
	tableSets   map[string]tableSet // by tableKind, from planTables
}

// newBlock numbers the next block.
func (b *builder) newBlock() int {
	b.blockCount++
	return b.blockCount
}

// frame is the horizontal box and base style blocks are set in.
type frame struct {
	x, w  float64
	style textStyle
}

func bodyFrame() frame {
	return frame{x: marginLeft, w: textW, style: textStyle{size: bodySize, color: colText}}
}

// space asks for at least h of space above the next item.
func (b *builder) space(h float64) {
	if !b.afterHead {
		b.pending = max(b.pending, h)
	}
}

// emit appends an item, applying owed space and keep rules.
func (b *builder) emit(it *item) {
	if len(b.items) > 0 {
		it.before = b.pending
	}
	b.pending = 0
	b.afterHead = false
	if b.keepNext > 0 {
		it.keep = true
		b.keepNext--
	}
	if b.signatures {
		it.keep = true
	}
	tag(b.tags.cur, it.ops)
	b.items = append(b.items, it)
}

// blocks builds a sequence of block nodes.
func (b *builder) blocks(nodes []ast.Node, fr frame) {
	starts := make([]int, len(nodes)+1)
	for i, n := range nodes {
		starts[i] = len(b.items)
		b.block(n, fr)
		starts[i+1] = len(b.items)
		if h := leadsFrom(nodes, i); h >= 0 {
			// A meeting's heading, lead paragraph and first details stay
			// together.
			b.keepRange(starts[h+1], starts[i], maxKeptLines)
		}
	}
}

// leadsFrom returns the index of the heading when nodes[i] is a list that
// follows a heading and its lead paragraph, and -1 otherwise.
func leadsFrom(nodes []ast.Node, i int) int {
	if i < 2 {
		return -1
	}
	_, list := nodes[i].(*ast.List)
	_, lead := nodes[i-1].(*ast.Paragraph)
	_, head := nodes[i-2].(*ast.Heading)
	if list && lead && head {
		return i - 2
	}
	return -1
}

// keepRange keeps items from..to-1 with their successors when there are
// at most limit of them; otherwise only the last two.
func (b *builder) keepRange(from, to, limit int) {
	if to-from > limit {
		from = max(from, to-2)
	}
	for _, it := range b.items[from:to] {
		it.keep = true
	}
}

// block builds one block node, dispatching on its type.
func (b *builder) block(n ast.Node, fr frame) {
	switch n := n.(type) {
	case *ast.Heading:
		b.heading(n, fr)
	case *ast.Paragraph:
		b.paragraph(n, fr)
	case *ast.List:
		b.list(n, fr, 0)
	case *ast.BlockQuote:
		b.quote(n, fr)
	case *ast.HorizontalRule:
		b.rule(fr)
	case *ast.Table:
		b.table(n, fr)
	case *ast.CodeBlock:
		b.codeBlock(n, fr)
	case *ast.DocumentMatter:
		// Mmark matter markers carry no content.
	case *ast.HTMLBlock:
		b.src.add(n.Literal, "rå HTML støttes ikke: «%s»; skriv teksten uten HTML-koder", excerpt(n.Literal))
	case *ast.MathBlock:
		b.src.add(altText(n), "matematikk støttes ikke: «%s»", excerpt(altText(n)))
	default:
		b.unsupported(n)
	}
}

// unsupported reports a node kind the typesetter has no rendering for.
func (b *builder) unsupported(n ast.Node) {
	name := strings.TrimPrefix(reflect.TypeOf(n).String(), "*ast.")
	needle := altText(n)
	if l := n.AsLeaf(); l != nil {
		needle = l.Literal
	}
	b.src.add(needle, "Markdown-elementet %s støttes ikke: «%s»", name, excerpt(needle))
}

// setText measures spans into lines, reporting characters no font has.
func (b *builder) setText(spans []span, st textStyle, width float64) []line {
	return b.set(spans, st, width, b.hy)
}

// setDisplay sets a heading or a title: hyphenated only when a word is
// wider than the line.
func (b *builder) setDisplay(spans []span, st textStyle, width float64) []line {
	return b.set(spans, st, width, nil)
}

func (b *builder) set(spans []span, st textStyle, width float64, hy *hyphenator) []line {
	ws, err := b.fs.words(spans, st)
	var ce charError
	if errors.As(err, &ce) {
		if !b.failedChars[rune(ce)] {
			if b.failedChars == nil {
				b.failedChars = map[rune]bool{}
			}
			b.failedChars[rune(ce)] = true
			b.src.add([]byte(string(rune(ce))), "%s", ce)
		}
		return nil
	}
	if hy == nil {
		for _, w := range ws {
			if w.w > width {
				hy = b.hy
			}
		}
	}
	return b.fs.breakLines(ws, width, hy)
}

var sectionNumber = regexp.MustCompile(`^(\d+(\.\d+)*\.?|[A-Za-z]\.|[IVX]+\.)\s+`)

// isSignatureHeading reports whether a heading opens the signature
// section: its text, without a section number, is the language pack's
// agreement.heading.signatures («Underskrifter»).
func isSignatureHeading(text string, p *lang.Pack) bool {
	t := strings.TrimSpace(sectionNumber.ReplaceAllString(strings.TrimSpace(text), ""))
	t = strings.TrimRight(t, ":. ")
	return strings.EqualFold(t, p.T("agreement.heading.signatures"))
}

// heading builds a heading as one item kept with what follows.
func (b *builder) heading(n *ast.Heading, fr frame) {
	b.flushSignatures(fr)
	level := min(max(n.Level, 1), 4)
	hs := headingStyles[level]
	spans := b.inlines(n, span{}, nil)
	text := strings.TrimSpace(plainText(spans))
	if level <= 3 && isSignatureHeading(text, b.lang) && !b.signatures {
		b.signatures = true
		b.sigStart = len(b.items)
		if n := len(b.items); n > 0 {
			// The signatures never stand alone: the last paragraph
			// before them goes along, or its last lines when it is long.
			from := n - 1
			for from > 0 && b.items[from-1].block == b.items[n-1].block && b.items[n-1].block != 0 {
				from--
			}
			b.keepRange(from, n, maxKeptLines)
		}
	}
	st := textStyle{size: hs.size, color: colHeading, bold: true, italic: hs.font == fontBoldItalic}
	lines := b.setDisplay(spans, st, fr.w)
	lh := lineHeight(hs.size) * 0.92
	it := &item{h: float64(len(lines))*lh + hs.after, keep: true, role: roleHeading, level: level, block: b.newBlock()}
	it.ops = textOps(lines, fr.x, 0, lh, hs.size)
	if level >= 2 && level <= 3 {
		b.headings = append(b.headings, &heading{level: level, text: text})
		it.heading = len(b.headings)
	}
	b.pending = max(b.pending, hs.before)
	if len(b.items) > 0 && b.afterHead {
		// Consecutive headings: the second still needs some air.
		b.pending = hs.before / 2
	}
	b.afterHead = false
	b.tags.open("H" + strconv.Itoa(level))
	b.emit(it)
	b.tags.close()
	b.afterHead = true
	b.keepNext = 1
}

// paragraph builds a paragraph as one item per line, with widow and
// orphan control.
func (b *builder) paragraph(n *ast.Paragraph, fr frame) {
	if b.signatures && isSignatureBlock(n) {
		b.signatureBlock(n)
		return
	}
	b.flushSignatures(fr)
	spans := b.inlines(n, span{}, nil)
	b.space(parSpace)
	b.tags.open("P")
	b.lines(b.setText(spans, fr.style, fr.w), fr, roleParagraph, strings.HasSuffix(strings.TrimSpace(plainText(spans)), ":"))
	b.tags.close()
}

// lines emits typeset lines as items: the first two and the last two are
// kept together, so no page starts or ends with a lone line of a block.
// keepLast keeps the block with what follows (a lead-in ending in ':').
func (b *builder) lines(lines []line, fr frame, r role, keepLast bool) []*item {
	lh := lineHeight(fr.style.size)
	out := make([]*item, len(lines))
	block := b.newBlock()
	for i, l := range lines {
		it := &item{h: lh, baseline: baselineOffset(fr.style.size, lh), role: r, block: block}
		it.ops = textOps([]line{l}, fr.x, 0, lh, fr.style.size)
		if (i == 0 && len(lines) > 1) || (i == len(lines)-2) || (keepLast && i == len(lines)-1) {
			it.keep = true
		}
		b.emit(it)
		out[i] = it
	}
	return out
}

// list builds a bullet or ordered list; items keep their real numbers.
func (b *builder) list(n *ast.List, fr frame, depth int) {
	b.flushSignatures(fr)
	ordered := n.ListFlags&ast.ListTypeOrdered != 0
	start := n.Start
	if start <= 0 {
		start = 1
	}
	indent := listIndent
	if ordered {
		last := start + len(n.Children) - 1
		w := b.fs.width(fontRegular, fr.style.size, strconv.Itoa(last)+".")
		indent = max(indent, w+2.2)
	}
	gap := itemSpace
	if !n.Tight {
		gap = parSpace
	}
	if depth == 0 {
		b.space(parSpace)
	} else {
		b.space(itemSpace)
	}
	var ranges [][2]int // the items of each list item
	b.tags.open("L")
	defer b.tags.close()
	for i, c := range n.Children {
		li, ok := c.(*ast.ListItem)
		if !ok {
			b.unsupported(c)
			continue
		}
		if i > 0 {
			b.space(gap)
		}
		marker, mfont, msize := bulletFor(depth), fontRegular, fr.style.size
		if ordered {
			marker = strconv.Itoa(start+i) + delimiter(n, li)
		} else if box := takeCheckbox(li); box != "" {
			marker, mfont, msize = box, fontMono, fr.style.size*1.4
		}
		first := len(b.items)
		inner := indented(fr, indent)
		b.tags.open("LI")
		lbl := b.tags.add("Lbl")
		b.tags.open("LBody")
		b.listItem(li, inner, depth)
		if first >= len(b.items) {
			b.emit(&item{h: lineHeight(fr.style.size), baseline: baselineOffset(fr.style.size, lineHeight(fr.style.size)), role: roleListItem, block: b.newBlock()})
		}
		b.tags.close()
		b.tags.close()
		it := b.items[first]
		if !b.fs.has(mfont, []rune(marker)[0]) {
			mfont = fontMono
		}
		mw := b.fs.width(mfont, msize, marker)
		mx := fr.x + 0.8
		if ordered {
			mx = fr.x + indent - 2.2 - mw
		}
		it.ops = append(it.ops, op{kind: opText, x: mx, y: it.baseline, font: mfont, size: msize, color: fr.style.color, text: marker, mark: markIn(lbl)})
		ranges = append(ranges, [2]int{first, len(b.items)})
	}
	b.listCount++
	for k, r := range ranges {
		for _, it := range b.items[r[0]:r[1]] {
			// Inner lists are done first: a sub-list's lines are also
			// lines of the item that holds it.
			it.lists = append(it.lists, listEntry{b.listCount, k})
		}
	}
	// At least two items at the foot and at the head of a page: the first
	// item stays with the second, the last but one with the last.
	if n := len(ranges); n >= 2 {
		b.keepRange(ranges[0][0], ranges[0][1], maxKeptLines)
		b.keepRange(ranges[n-2][0], ranges[n-2][1], maxKeptLines)
	}
	if depth == 0 {
		b.space(parSpace * 1.2)
	}
}

// listItem builds the blocks of one list item; paragraphs of tight lists
// get no space above.
func (b *builder) listItem(li *ast.ListItem, fr frame, depth int) {
	for i, c := range li.Children {
		switch c := c.(type) {
		case *ast.Paragraph:
			spans := b.inlines(c, span{}, nil)
			if i > 0 {
				b.space(parSpace * 0.7)
			}
			b.tags.open("P")
			b.lines(b.setText(spans, fr.style, fr.w), fr, roleListItem, false)
			b.tags.close()
		case *ast.List:
			b.space(itemSpace)
			b.list(c, fr, depth+1)
		default:
			b.block(c, fr)
		}
	}
}

// indented returns fr moved right by d, unless that makes it too narrow.
func indented(fr frame, d float64) frame {
	if fr.w-d >= minTextW {
		fr.x, fr.w = fr.x+d, fr.w-d
	}
	return fr
}

// delimiter is the character after an ordered list's numbers.
func delimiter(n *ast.List, li *ast.ListItem) string {
	for _, d := range []byte{n.Delimiter, li.Delimiter} {
		if d == '.' || d == ')' {
			return string(d)
		}
	}
	return "."
}

func bulletFor(depth int) string {
	switch depth % 3 {
	case 0:
		return "•"
	case 1:
		return "–"
	}
	return "◦"
}

// takeCheckbox removes a leading ☐, ☑ or ☒ from a list item's text and
// returns it, so the box can stand in the marker column.
func takeCheckbox(li *ast.ListItem) string {
	if len(li.Children) == 0 {
		return ""
	}
	p, ok := li.Children[0].(*ast.Paragraph)
	if !ok || len(p.Children) == 0 {
		return ""
	}
	t, ok := p.Children[0].(*ast.Text)
	if !ok {
		return ""
	}
	s := strings.TrimLeft(string(t.Literal), " ")
	for _, box := range []string{"☐", "☑", "☒"} {
		if rest, ok := strings.CutPrefix(s, box); ok && (rest == "" || rest[0] == ' ' || len(p.Children) > 1) {
			t.Literal = []byte(strings.TrimLeft(rest, " "))
			return box
		}
	}
	return ""
}

// quote builds a block quote: indented, in a muted colour, with a bar.
func (b *builder) quote(n *ast.BlockQuote, fr frame) {
	b.flushSignatures(fr)
	inner := indented(fr, quoteIndent)
	inner.style.color = colQuote
	inner.style.italic = true
	first := len(b.items)
	b.space(parSpace)
	b.tags.open("BlockQuote")
	b.blocks(n.Children, inner)
	b.tags.close()
	for i, it := range b.items[first:] {
		top := 0.0
		if i > 0 {
			top = -it.before
		}
		it.ops = append(it.ops, op{kind: opRect, x: fr.x + 1.2, y: top, w: 0.7, h: it.h - top, color: colLight})
	}
}

// rule builds a horizontal rule.
func (b *builder) rule(fr frame) {
	b.flushSignatures(fr)
	b.space(parSpace)
	b.emit(&item{h: 5, ops: []op{{kind: opLine, x: fr.x, y: 2.5, w: fr.w, color: colRule, thick: 0.3}}})
	b.pending = parSpace
}

// codeBlock builds a fenced or indented code block: mono lines on a shade.
func (b *builder) codeBlock(n *ast.CodeBlock, fr frame) {
	b.flushSignatures(fr)
	b.space(parSpace)
	text := strings.TrimRight(string(n.Literal), "\n")
	var spans []span
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			spans = append(spans, span{brk: true})
		}
		spans = append(spans, span{code: true, text: strings.ReplaceAll(l, " ", "\u00a0")})
	}
	inner := fr
	inner.x, inner.w = fr.x+2, fr.w-4
	lines := b.setText(spans, inner.style, inner.w)
	lh := lineHeight(fr.style.size * codeScale)
	block := b.newBlock()
	b.tags.open("P")
	defer b.tags.close()
	for i, l := range lines {
		it := &item{h: lh, role: roleCode, block: block}
		it.ops = append([]op{{kind: opRect, x: fr.x, y: 0, w: fr.w, h: lh, color: colShade}},
			textOps([]line{l}, inner.x, 0, lh, fr.style.size*codeScale)...)
		it.keep = i == 0 || i == len(lines)-2
		b.emit(it)
	}
}
