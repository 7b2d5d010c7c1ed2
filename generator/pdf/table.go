package pdf

import (
	"slices"
	"strings"

	"github.com/gomarkdown/markdown/ast"
)

// tcell is a measured table cell.
type tcell struct {
	words []word
	align ast.CellAlignFlags
}

// tableSet is how the tables of one kind (the same header) are set: which
// columns are kept and how wide they are. Widths are chosen once from the
// content of every table of the kind, so the year plan's months line up.
type tableSet struct {
	keep   []bool
	widths []float64
}

// measureTable measures a table's header and body rows.
func (b *builder) measureTable(n *ast.Table) (head, body [][]tcell) {
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
	return head, body
}

// tableKind names a table's kind: its header's text.
func tableKind(head [][]tcell) string {
	var b strings.Builder
	for _, r := range head {
		for _, c := range r {
			for _, w := range c.words {
				b.WriteString(wordText(w))
				b.WriteByte(' ')
			}
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// planTables chooses the columns and widths of the top-level tables in
// nodes, one set per kind of table.
func (b *builder) planTables(nodes []ast.Node, width float64) {
	type group struct{ head, body [][]tcell }
	groups := map[string]*group{}
	var order []string
	for _, n := range nodes {
		t, ok := n.(*ast.Table)
		if !ok {
			continue
		}
		head, body := b.measureTable(t)
		k := tableKind(head)
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
			order = append(order, k)
		}
		g.head = head
		g.body = append(g.body, body...)
	}
	b.tableSets = map[string]tableSet{}
	for _, k := range order {
		g := groups[k]
		b.tableSets[k] = b.planTable(g.head, g.body, width)
	}
}

// planTable keeps the columns that hold something in some body row and
// gives them widths from all rows.
func (b *builder) planTable(head, body [][]tcell, width float64) tableSet {
	cols := 0
	for _, r := range append(head, body...) {
		cols = max(cols, len(r))
	}
	keep := make([]bool, cols)
	for i := range keep {
		keep[i] = len(body) == 0
	}
	for _, r := range body {
		for i, c := range r {
			if len(c.words) > 0 {
				keep[i] = true
			}
		}
	}
	rows := dropColumns(append(slices.Clone(head), body...), keep)
	n := 0
	for _, k := range keep {
		if k {
			n++
		}
	}
	if n == 0 {
		return tableSet{keep: keep}
	}
	return tableSet{keep: keep, widths: b.columnWidths(rows, n, width)}
}

// dropColumns returns rows without the columns keep marks false.
func dropColumns(rows [][]tcell, keep []bool) [][]tcell {
	out := make([][]tcell, len(rows))
	for i, r := range rows {
		for c, cell := range r {
			if c < len(keep) && keep[c] {
				out[i] = append(out[i], cell)
			}
		}
	}
	return out
}

// table builds a table: each row cut into slices of one line, so a row
// taller than what is left of a page continues on the next under the
// repeated header row. Short rows are kept whole.
func (b *builder) table(n *ast.Table, fr frame) {
	b.flushSignatures(fr)
	head, body := b.measureTable(n)
	set, ok := b.tableSets[tableKind(head)]
	if !ok || fr.w != textW {
		set = b.planTable(head, body, fr.w)
	}
	if len(set.widths) == 0 {
		return
	}
	head, body = dropColumns(head, set.keep), dropColumns(body, set.keep)
	widths := set.widths
	b.space(parSpace * 1.4)
	b.tags.open("Table")
	defer b.tags.close()
	var header *item
	if len(head) > 0 {
		header = &item{keep: true, role: roleTableHeader, block: b.newBlock()}
		for _, r := range head {
			for _, s := range b.rowSlices(r, widths, fr.x, true) {
				s.ops = shift(s.ops, header.h)
				header.ops = append(header.ops, s.ops...)
				header.h += s.h
			}
		}
		header.ops = append(header.ops, op{kind: opLine, x: fr.x, y: 0, w: fr.w, color: colRule, thick: 0.4})
		if header.h > (contentBot-contentTop)/4 {
			// A header this tall is not repeated.
			header.role = roleTableRow
			b.emit(header)
			header = nil
		} else {
			b.emit(header)
		}
	}
	b.listCount++
	for i, r := range body {
		slices := b.rowSlices(r, widths, fr.x, false)
		block := b.newBlock()
		last := slices[len(slices)-1]
		if i == len(body)-1 {
			last.ops = append(last.ops, op{kind: opLine, x: fr.x, y: last.h, w: fr.w, color: colRule, thick: 0.4})
		}
		for k, s := range slices {
			s.header, s.block = header, block
			s.lists = append(s.lists, listEntry{b.listCount, i})
			// Keep short rows whole; split long ones leaving at least two
			// lines on each page.
			s.keep = len(slices) <= 4 || k == 0 || k == len(slices)-2
			b.emit(s)
		}
		// Never leave the first or the last row alone on a page.
		last.keep = len(body) >= 2 && (i == 0 || i == len(body)-2)
	}
	b.pending = parSpace * 1.4
}

// shift moves operations down by dy.
func shift(ops []op, dy float64) []op {
	for i := range ops {
		ops[i].y += dy
	}
	return ops
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
			natural, longest, unit := 0.0, 0.0, 0.0
			for k, w := range c.words {
				natural += w.w
				if k+1 < len(c.words) {
					natural += w.space
				}
				// A chain of glued words ("+47 414 08 242") is one unit.
				unit += w.w
				longest = max(longest, unit)
				if w.glue {
					unit += w.space
				} else {
					unit = 0
				}
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

// rowSlices typesets a row as items of one line each: the first with the
// padding above, the last with the padding and the rule below.
func (b *builder) rowSlices(r []tcell, widths []float64, x0 float64, head bool) []*item {
	lh := lineHeight(tableSize)
	cellLines := make([][]line, len(widths))
	n := 1
	for i := range widths {
		if i < len(r) {
			cellLines[i] = b.fs.breakLines(r[i].words, widths[i]-2*cellPadX, b.hy)
			n = max(n, len(cellLines[i]))
		}
	}
	total := sum(widths)
	out := make([]*item, n)
	// A TR with a TH (scope Column) or TD per cell; each slice's text of
	// a cell goes into that cell.
	tr := b.tags.add("TR")
	cells := make([]*sElem, len(widths))
	for i := range cells {
		cells[i] = &sElem{role: "TD", parent: tr}
		if head {
			cells[i].role, cells[i].scope = "TH", "Column"
		}
		tr.kids = append(tr.kids, cells[i])
	}
	for k := range n {
		it := &item{role: roleTableRow, h: lh}
		top := 0.0
		if k == 0 {
			top = cellPadY
			it.h += cellPadY
		}
		if k == n-1 {
			it.h += cellPadY
		}
		if head {
			it.ops = append(it.ops, op{kind: opRect, x: x0, y: 0, w: total, h: it.h, color: colShade})
		}
		x := x0
		for i, w := range widths {
			avail := w - 2*cellPadX
			if k < len(cellLines[i]) {
				l := cellLines[i][k]
				dx := 0.0
				switch r[i].align {
				case ast.TableAlignmentRight:
					dx = avail - l.w
				case ast.TableAlignmentCenter:
					dx = (avail - l.w) / 2
				}
				start := len(it.ops)
				it.ops = append(it.ops, textOps([]line{l}, x+cellPadX+dx, top, lh, tableSize)...)
				tag(cells[i], it.ops[start:])
			}
			x += w
		}
		out[k] = it
	}
	rule, thick := colLight, 0.2
	if head {
		rule, thick = colRule, 0.4
	}
	last := out[n-1]
	last.ops = append(last.ops, op{kind: opLine, x: x0, y: last.h, w: total, color: rule, thick: thick})
	return out
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}
