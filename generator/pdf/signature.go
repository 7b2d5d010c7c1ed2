package pdf

import (
	"github.com/gomarkdown/markdown/ast"
)

// Signature contract with the template author.
//
// The agreement ends with a section whose heading text, without its number,
// is "Underskrifter" (e.g. "## 9. Underskrifter"). Everything from that
// heading to the end of the document is kept on one page. In it, a paragraph
// that starts with strong text is a signature block:
//
//	**Brede Skaalerud**
//	Helse- og mestringsdirektør
//	for Helse og mestring
//
// (lines joined by hard breaks: two trailing spaces or a backslash), one
// paragraph per signatory, separated by blank lines. The first line is the
// name, the others the title and on whose behalf. Any other paragraph, such
// as "Sted og dato: Kristiansand, 18. september 2020", is set as text.
// Consecutive signature blocks are set two per row, each under blank space
// and a signature rule.

// isSignatureBlock reports whether a paragraph is a signature block.
func isSignatureBlock(p *ast.Paragraph) bool {
	for _, c := range p.Children {
		if t, ok := c.(*ast.Text); ok && len(t.Literal) == 0 {
			continue
		}
		_, ok := c.(*ast.Strong)
		return ok
	}
	return false
}

// signatureBlock queues a signature block until the run of blocks ends.
func (b *builder) signatureBlock(p *ast.Paragraph) {
	spans := b.inlines(p, span{}, nil)
	var lines [][]span
	cur := []span{}
	for _, s := range spans {
		if s.brk {
			lines = append(lines, cur)
			cur = []span{}
			continue
		}
		cur = append(cur, s)
	}
	lines = append(lines, cur)
	b.sigBlocks = append(b.sigBlocks, lines)
}

// flushSignatures sets queued signature blocks, two per row.
func (b *builder) flushSignatures(fr frame) {
	blocks := b.sigBlocks
	b.sigBlocks = nil
	if len(blocks) == 0 {
		return
	}
	colW := (fr.w - sigGap) / 2
	b.space(parSpace * 2)
	for i := 0; i < len(blocks); i += 2 {
		it := &item{role: roleSignature, block: b.newBlock()}
		for c := 0; c < 2 && i+c < len(blocks); c++ {
			x := fr.x + float64(c)*(colW+sigGap)
			h := b.signatureOps(it, blocks[i+c], x, colW)
			it.h = max(it.h, h)
		}
		if i > 0 {
			b.space(sigRowGap)
		}
		b.emit(it)
	}
}

// signatureOps draws one block at x into it and returns its height.
func (b *builder) signatureOps(it *item, lines [][]span, x, w float64) float64 {
	first := len(it.ops)
	defer func() { tag(b.tags.add("P"), it.ops[first:]) }()
	it.ops = append(it.ops, op{kind: opLine, x: x, y: sigSpace, w: w, color: colText, thick: 0.3})
	y := sigSpace + 1.2
	for k, spans := range lines {
		st := textStyle{size: bodySize, color: colText}
		if k > 0 {
			st = textStyle{size: bodySize - 0.5, color: colMuted}
		}
		lh := lineHeight(st.size)
		set := b.setText(spans, st, w)
		if n := len(set); n > 0 && k+1 < len(lines) {
			set[n-1].space = true // the lines of a block read as one text
		}
		it.ops = append(it.ops, textOps(set, x, y, lh, st.size)...)
		y += float64(len(set)) * lh
	}
	return y
}
