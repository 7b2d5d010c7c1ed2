package pdf

import (
	"strings"
)

// titleBlock builds the first page's title block from the document fields:
// the municipality, title, subtitle, parties, version and date.
func (b *builder) titleBlock(doc Document) {
	fr := bodyFrame()
	add := func(tag, text string, st textStyle, lhScale, after float64) {
		if strings.TrimSpace(text) == "" {
			return
		}
		b.tags.open(tag)
		defer b.tags.close()
		spans := []span{{text: text}}
		lh := lineHeight(st.size) * lhScale
		lines := b.setDisplay(spans, st, fr.w)
		it := &item{h: float64(len(lines))*lh + after, keep: true, role: roleTitle}
		it.ops = textOps(lines, fr.x, 0, lh, st.size)
		b.emit(it)
	}
	add("P", strings.ToUpper(doc.Author), textStyle{size: 9, color: colMuted, bold: true}, 1.2, 4)
	add("H1", doc.Title, textStyle{size: titleSize, color: colHeading, bold: true}, 0.98, 3)
	add("P", doc.Subtitle, textStyle{size: subtitleSize, color: colText, italic: true}, 1.25, 2)
	if len(doc.Parties) > 0 {
		b.pending = 3
		add("P", doc.PartiesLabel, textStyle{size: 9, color: colMuted, bold: true}, 1.3, 0.6)
		for _, p := range doc.Parties {
			add("P", p, textStyle{size: bodySize, color: colText}, 1.25, 0)
		}
	}
	var meta []string
	if doc.Version != "" {
		meta = append(meta, b.lang.T("pdf.version")+" "+doc.Version)
	}
	if !doc.Date.IsZero() {
		meta = append(meta, b.lang.Date(doc.Date))
	}
	b.pending = 4
	add("P", strings.Join(meta, "  ·  "), textStyle{size: bodySize, color: colMuted}, 1.3, 0)
	b.pending = 3.5
	b.emit(&item{h: 5, ops: []op{{kind: opLine, x: fr.x, y: 0, w: fr.w, color: colHeading, thick: 0.6}}})
}

// toc builds the table of contents: entries for the headings down to
// maxLevel, with dot leaders, page numbers filled in at drawing time, each
// entry a link.
func (b *builder) toc(headings []*heading, maxLevel int) {
	if len(headings) == 0 {
		return
	}
	fr := bodyFrame()
	hs := headingStyles[2]
	title := b.setText([]span{{text: b.lang.T("pdf.contents")}}, textStyle{size: hs.size, color: colHeading, bold: true}, fr.w)
	lhTitle := lineHeight(hs.size)
	b.pending = 2
	b.tags.open("H2")
	b.emit(&item{h: float64(len(title))*lhTitle + hs.after, keep: true, role: roleTOC, ops: textOps(title, fr.x, 0, lhTitle, hs.size)})
	b.tags.close()
	b.tags.open("TOC")
	defer b.tags.close()
	const numW = 10.0
	right := fr.x + fr.w
	dotStep := b.fs.width(fontRegular, bodySize, ". ")
	for i, h := range headings {
		if h.level > maxLevel {
			continue
		}
		st := textStyle{size: bodySize, color: colText}
		indent := 0.0
		if h.level == 3 {
			indent, st.size = 6.5, bodySize-0.5
		}
		if h.level == 2 && i > 0 {
			b.space(1.6)
		}
		lh := lineHeight(st.size)
		x := fr.x + indent
		lines := b.setText([]span{{text: h.text}}, st, fr.w-indent-numW-4)
		if len(lines) == 0 {
			continue
		}
		it := &item{h: float64(len(lines)) * lh, role: roleTOC}
		it.ops = textOps(lines, x, 0, lh, st.size)
		lastY := float64(len(lines)-1) * lh
		base := lastY + baselineOffset(st.size, lh)
		from := x + lines[len(lines)-1].w + 1.5
		steps := int((from-fr.x)/dotStep) + 1
		start := fr.x + float64(steps)*dotStep
		if n := int((right - numW - start) / dotStep); n > 0 {
			it.ops = append(it.ops, op{kind: opText, x: start, y: base, font: fontRegular, size: bodySize, color: colRule, text: strings.TrimSpace(strings.Repeat(". ", n)), artifact: true})
		}
		it.ops = append(it.ops,
			op{kind: opPageRef, x: right, y: base, font: fontRegular, size: st.size, color: colText, ref: i},
			op{kind: opGoto, x: x, y: 0, w: right - x, h: it.h, ref: i})
		// TOCI > Link with the entry's text, its page number and its area.
		toci := b.tags.add("TOCI")
		link := &sElem{role: "Link", parent: toci}
		toci.kids = append(toci.kids, link)
		m := markIn(link)
		for k := range it.ops {
			if !it.ops[k].artifact {
				it.ops[k].mark = m
			}
		}
		b.emit(it)
	}
}

// height is how tall the items stand when set one after another.
func height(items []*item) float64 {
	total := 0.0
	for _, it := range items {
		total += it.before + it.h
	}
	return total
}
