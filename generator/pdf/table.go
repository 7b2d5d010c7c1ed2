package pdf

import (
	"github.com/gomarkdown/markdown/ast"
	"slices"
)

// tcell is a measured table cell.
type tcell struct {
	words []word
	align ast.CellAlignFlags
}

// table builds a table: one item per row, column widths from content,
// the header repeated after page breaks.
func (b *builder) table(n *ast.Table, fr frame) {
	b.flushSignatures(fr)
	var head, body [][]tcell
	for _, part := range n.Children {
		for _, r := range part.GetChildren() {
			row, ok := r.(*ast.TableRow)
			if !ok {
				b.unsupported(r)
				continue
			}
			_, isHead := part.(*ast.TableHeader)
			cells := b.tableRow(row, isHead)
			if isHead {
				head = append(head, cells)
			} else {
				body = append(body, cells)
			}
		}
	}
	cols := 0
	for _, r := range append(head, body...) {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := b.columnWidths(append(head, body...), cols, fr.w)
	b.space(parSpace * 1.4)
	var header *item
	if len(head) > 0 {
		header = &item{keep: true}
		for _, r := range head {
			b.tableRowOps(header, r, widths, fr.x, true)
		}
		header.ops = append(header.ops, op{kind: opLine, x: fr.x, y: 0, w: fr.w, color: colRule, thick: 0.4})
		b.emit(header)
	}
	for i, r := range body {
		// Never leave the last row alone on a page.
		it := &item{header: header, keep: len(body) >= 3 && i == len(body)-2}
		b.tableRowOps(it, r, widths, fr.x, false)
		if i == len(body)-1 {
			it.ops = append(it.ops, op{kind: opLine, x: fr.x, y: it.h, w: fr.w, color: colRule, thick: 0.4})
		}
		b.emit(it)
	}
	b.pending = parSpace * 1.4
}

// tableRow measures the cells of a row.
func (b *builder) tableRow(row *ast.TableRow, head bool) []tcell {
	st := textStyle{size: tableSize, color: colText, bold: head}
	var cells []tcell
	for _, c := range row.Children {
		tc, ok := c.(*ast.TableCell)
		if !ok {
			b.unsupported(c)
			continue
		}
		ws, err := b.fs.words(b.inlines(tc, span{}, nil), st)
		if err != nil {
			b.setText(b.inlines(tc, span{}, nil), st, 100) // records the error once
		}
		cells = append(cells, tcell{words: ws, align: tc.Align})
	}
	return cells
}

// columnWidths gives each column its natural width if the table fits,
// otherwise at least its longest word and a share of the rest in
// proportion to how much it wants.
func (b *builder) columnWidths(rows [][]tcell, cols int, total float64) []float64 {
	minW := make([]float64, cols)
	maxW := make([]float64, cols)
	pad := 2 * cellPadX
	for _, r := range rows {
		for i, c := range r {
			natural, longest := 0.0, 0.0
			for k, w := range c.words {
				natural += w.w
				if k+1 < len(c.words) {
					natural += w.space
				}
				longest = max(longest, w.w)
			}
			minW[i] = max(minW[i], min(longest, total*0.4)+pad)
			maxW[i] = max(maxW[i], natural+pad)
		}
	}
	sumMin, sumMax := 0.0, 0.0
	for i := range cols {
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	widths := make([]float64, cols)
	switch {
	case sumMax <= total:
		// Everything fits on one line: spread the slack evenly.
		for i := range cols {
			widths[i] = maxW[i] + (total-sumMax)/float64(cols)
		}
	case sumMin >= total:
		// Even the longest words do not fit: narrow only the columns with
		// the longest words (an e-mail address, a URL) down to a common cap,
		// so the other columns keep their words whole.
		c := capWidths(minW, total)
		for i := range cols {
			widths[i] = min(minW[i], c)
		}
	default:
		for i := range cols {
			widths[i] = minW[i] + (total-sumMin)*(maxW[i]-minW[i])/(sumMax-sumMin)
		}
	}
	return widths
}

// capWidths finds the width c such that the widths, each cut to at most c,
// add up to total.
func capWidths(ws []float64, total float64) float64 {
	sorted := slices.Clone(ws)
	slices.Sort(sorted)
	rest := total
	for i, w := range sorted {
		left := float64(len(sorted) - i)
		if w*left >= rest {
			return rest / left
		}
		rest -= w
	}
	return sorted[len(sorted)-1]
}

// tableRowOps typesets a row into it, below what it already holds.
func (b *builder) tableRowOps(it *item, r []tcell, widths []float64, x0 float64, head bool) {
	lh := lineHeight(tableSize)
	top := it.h
	cellLines := make([][]line, len(widths))
	n := 1
	for i := range widths {
		if i < len(r) {
			cellLines[i] = b.fs.breakLines(r[i].words, widths[i]-2*cellPadX, b.hy)
			n = max(n, len(cellLines[i]))
		}
	}
	h := float64(n)*lh + 2*cellPadY
	if head {
		it.ops = append(it.ops, op{kind: opRect, x: x0, y: top, w: sum(widths), h: h, color: colShade})
	}
	x := x0
	for i, w := range widths {
		avail := w - 2*cellPadX
		for k, l := range cellLines[i] {
			dx := 0.0
			switch r[i].align {
			case ast.TableAlignmentRight:
				dx = avail - l.w
			case ast.TableAlignmentCenter:
				dx = (avail - l.w) / 2
			}
			it.ops = append(it.ops, textOps([]line{l}, x+cellPadX+dx, top+cellPadY+float64(k)*lh, lh, tableSize)...)
		}
		x += w
	}
	rule := colLight
	thick := 0.2
	if head {
		rule, thick = colRule, 0.4
	}
	it.ops = append(it.ops, op{kind: opLine, x: x0, y: top + h, w: sum(widths), color: rule, thick: thick})
	it.h += h
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
