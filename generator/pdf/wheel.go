package pdf

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// Wheel is the year plan drawn as a wheel: one page with the year as a
// circle, twelve month sectors, each meeting body's dates as marks on its
// own ring, and the breaks and holidays shaded. The caller gives every
// word; the package only draws.
type Wheel struct {
	Year int
	// Centre are the lines in the middle, e.g. «Årshjul» and «2027»; the
	// last is set large.
	Centre []string
	// Heading is the line above the wheel, e.g. the agreement's title.
	Heading string
	// Months are the twelve month names, January first.
	Months []string
	Bodies []WheelBody
	// Breaks are shaded sectors; Holidays are ticks on the rim.
	Breaks   []WheelSpan
	Holidays []time.Time
	// Notes are lines under the legend that explain the shading and the
	// marks, e.g. «Grått felt: ferie …».
	Notes []string
	// Alt is the figure's text alternative: what the wheel shows, in words.
	Alt string
}

// WheelBody is one meeting body: its number in the legend, its name, a
// line about when it meets, and its dates.
type WheelBody struct {
	Number int
	Name   string
	Detail string
	Dates  []time.Time
}

// WheelSpan is a period from From to To, both days included.
type WheelSpan struct {
	From, To time.Time
}

// Wheel geometry in millimetres.
const (
	wheelCX      = pageW / 2
	wheelCY      = 118.0
	wheelROut    = 84.0 // outer edge of the month ring
	wheelRMonth  = 74.0 // inner edge of the month ring
	wheelRTrack  = 71.0 // outer edge of the outermost track
	wheelRInner  = 27.0 // inner edge of the innermost track
	wheelMaxMark = 5.2
	legendTop    = 212.0
)

// wheelFills are the bodies' mark colours: light tints, so that the black
// day numbers stay readable, and told apart in black and white by the
// mark's shape and ring.
var wheelFills = []rgb{
	{120, 170, 220}, {245, 170, 90}, {140, 200, 130}, {230, 130, 140},
	{185, 160, 215}, {240, 215, 100}, {120, 200, 200}, {200, 170, 140},
	{170, 170, 170}, {220, 160, 200},
}

type markShape int

const (
	shapeCircle markShape = iota
	shapeSquare
	shapeDiamond
	numShapes
)

// wheelPage draws the wheel on the current page. It is the one function
// that draws the figure, so that it can be wrapped as a tagged Figure.
func (d *drawer) wheelPage(w Wheel) {
	p := d.pdf
	days := float64(time.Date(w.Year, time.December, 31, 0, 0, 0, 0, time.UTC).YearDay())
	angle := func(t time.Time, frac float64) float64 {
		// 0 at the top, clockwise; frac 0.5 is the middle of the day.
		return 2 * math.Pi * ((float64(t.YearDay()) - 1 + frac) / days)
	}
	at := func(a, r float64) (float64, float64) {
		return wheelCX + r*math.Sin(a), wheelCY - r*math.Cos(a)
	}
	sector := func(a0, a1, r0, r1 float64, fill rgb) {
		var pts []fpdf.PointType
		n := max(2, int((a1-a0)/0.02))
		for i := 0; i <= n; i++ {
			x, y := at(a0+(a1-a0)*float64(i)/float64(n), r1)
			pts = append(pts, fpdf.PointType{X: x, Y: y})
		}
		for i := n; i >= 0; i-- {
			x, y := at(a0+(a1-a0)*float64(i)/float64(n), r0)
			pts = append(pts, fpdf.PointType{X: x, Y: y})
		}
		p.SetFillColor(fill.r, fill.g, fill.b)
		p.Polygon(pts, "F")
	}

	if w.Heading != "" {
		lines := d.wrap(w.Heading, fontBold, 13, textW)
		if len(lines) > 2 {
			lines = d.wrap(w.Heading, fontBold, 11, textW)
		}
		size := 13.0
		if len(lines) > 2 {
			size, lines = 11, append(lines[:1], strings.Join(lines[1:], " "))
		}
		for i, l := range lines {
			d.centredText(l, fontBold, size, wheelCX, marginTop-2+float64(i)*5.6, colHeading, textW)
		}
	}

	// Month ring, alternating shades, and the names.
	for m := 0; m < 12; m++ {
		first := time.Date(w.Year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		a0, a1 := angle(first, 0), angle(last, 1)
		fill := rgb{236, 239, 243}
		if m%2 == 1 {
			fill = rgb{214, 220, 228}
		}
		sector(a0, a1, wheelRMonth, wheelROut, fill)
		if m < len(w.Months) {
			x, y := at((a0+a1)/2, (wheelRMonth+wheelROut)/2)
			d.centredText(w.Months[m], fontBold, 9.5, x, y+1.2, colText, 40)
		}
	}
	// Breaks shaded behind the tracks.
	for _, b := range w.Breaks {
		from, to := b.From, b.To
		if from.Year() < w.Year {
			from = time.Date(w.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
		}
		if to.Year() > w.Year {
			to = time.Date(w.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
		}
		if to.Before(from) {
			continue
		}
		sector(angle(from, 0), angle(to, 1), wheelRInner, wheelRMonth, rgb{200, 200, 200})
	}
	// Track guides and month boundaries.
	p.SetDrawColor(colRule.r, colRule.g, colRule.b)
	p.SetLineWidth(0.2)
	p.Circle(wheelCX, wheelCY, wheelRInner, "D")
	p.Circle(wheelCX, wheelCY, wheelRMonth, "D")
	p.Circle(wheelCX, wheelCY, wheelROut, "D")
	for m := 0; m < 12; m++ {
		a := angle(time.Date(w.Year, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC), 0)
		x0, y0 := at(a, wheelRInner)
		x1, y1 := at(a, wheelROut)
		p.Line(x0, y0, x1, y1)
	}
	// Holidays: dark ticks just inside the month ring.
	p.SetDrawColor(60, 60, 60)
	p.SetLineWidth(0.5)
	for _, h := range w.Holidays {
		if h.Year() != w.Year {
			continue
		}
		a := angle(h, 0.5)
		x0, y0 := at(a, wheelRMonth-2.2)
		x1, y1 := at(a, wheelRMonth)
		p.Line(x0, y0, x1, y1)
	}

	// One ring per body: the body with most dates outermost, where the
	// ring is longest.
	order := slices.Clone(w.Bodies)
	slices.SortStableFunc(order, func(x, y WheelBody) int { return cmp.Compare(len(y.Dates), len(x.Dates)) })
	n := len(order)
	trackW := 0.0
	if n > 0 {
		trackW = min((wheelRTrack-2.2-wheelRInner)/float64(n), 9)
	}
	for i, b := range order {
		r := wheelRTrack - 2.2 - trackW*(float64(i)+0.5)
		p.SetDrawColor(colLight.r, colLight.g, colLight.b)
		p.SetLineWidth(0.15)
		p.Circle(wheelCX, wheelCY, r, "D")
		size := min(trackW*0.86, wheelMaxMark)
		if gap := minGap(b.Dates, days); gap > 0 {
			size = min(size, 2*math.Pi*r*gap/days*0.92)
		}
		fill := wheelFills[(b.Number-1+len(wheelFills))%len(wheelFills)]
		shape := markShape((b.Number - 1 + int(numShapes)) % int(numShapes))
		for _, t := range b.Dates {
			x, y := at(angle(t, 0.5), r)
			d.mark(x, y, size, shape, fill, strconv.Itoa(t.Day()))
		}
		// The body's number on its ring, white, in the widest gap between
		// its dates, so that the ring can be told in black and white.
		x, y := at(widestGap(b.Dates, angle), r)
		d.mark(x, y, max(min(trackW*0.86, wheelMaxMark), 3), shape, rgb{255, 255, 255}, strconv.Itoa(b.Number))
	}

	// Title and year in the centre.
	if len(w.Centre) > 0 {
		lines := w.Centre
		y := wheelCY - 3.5*float64(len(lines)-1)
		for i, l := range lines {
			size, font := 11.0, fontRegular
			if i == len(lines)-1 {
				size, font = 24, fontBold
				y += 4
			}
			d.centredText(l, font, size, wheelCX, y, colHeading, 2*wheelRInner-4)
			y += 6
		}
	}

	d.wheelLegend(w, order)
}

// widestGap is the angle in the middle of the widest gap between the
// dates around the circle; the top for a body without dates.
func widestGap(dates []time.Time, angle func(time.Time, float64) float64) float64 {
	if len(dates) == 0 {
		return 0
	}
	best, at := -1.0, 0.0
	for i, t := range dates {
		a0 := angle(t, 0.5)
		a1 := angle(dates[(i+1)%len(dates)], 0.5)
		if a1 <= a0 {
			a1 += 2 * math.Pi
		}
		if a1-a0 > best {
			best, at = a1-a0, (a0+a1)/2
		}
	}
	return at
}

// minGap is the smallest distance in days between two of the dates, 0
// when there are fewer than two.
func minGap(dates []time.Time, days float64) float64 {
	if len(dates) < 2 {
		return 0
	}
	gap := days
	for i := 1; i < len(dates); i++ {
		gap = min(gap, dates[i].Sub(dates[i-1]).Hours()/24)
	}
	return gap
}

// mark draws one date mark: a filled shape with the text (the day of the
// month) in black in the middle.
func (d *drawer) mark(x, y, size float64, shape markShape, fill rgb, text string) {
	p := d.pdf
	p.SetFillColor(fill.r, fill.g, fill.b)
	p.SetDrawColor(40, 40, 40)
	p.SetLineWidth(0.2)
	h := size / 2
	switch shape {
	case shapeSquare:
		p.Rect(x-h*0.9, y-h*0.9, size*0.9, size*0.9, "FD")
	case shapeDiamond:
		p.Polygon([]fpdf.PointType{{X: x, Y: y - h*1.1}, {X: x + h*1.1, Y: y}, {X: x, Y: y + h*1.1}, {X: x - h*1.1, Y: y}}, "FD")
	default:
		p.Circle(x, y, h, "FD")
	}
	fs := size * 1.45 // points: two digits fill about two thirds of the mark
	if shape == shapeDiamond {
		fs *= 0.85
	}
	d.centredText(text, fontBold, fs, x, y+fs*0.352*0.35, rgb{0, 0, 0}, size*2)
}

// centredText writes s centred on x with its baseline at y, shrunk to fit
// maxW.
func (d *drawer) centredText(s string, font fontID, size, x, y float64, c rgb, maxW float64) {
	w := d.fs.width(font, size, s)
	if w > maxW && w > 0 {
		size *= maxW / w
		w = maxW
	}
	d.setFont(font, size)
	d.setColor(c)
	d.text(font, size, x-w/2, y, s)
}

// wheelLegend lists the bodies under the wheel: mark, number, name and
// when it meets; then the notes.
func (d *drawer) wheelLegend(w Wheel, order []WheelBody) {
	bodies := slices.Clone(w.Bodies)
	slices.SortFunc(bodies, func(x, y WheelBody) int { return cmp.Compare(x.Number, y.Number) })
	cols := min(max(1, (len(bodies)+5)/6), 3)
	if len(bodies) > 4 {
		cols = max(cols, 2)
	}
	colW := textW / float64(cols)
	rows := (len(bodies) + cols - 1) / cols
	lineH := 4.3
	rowH := 2 * lineH
	if rows > 5 {
		rowH = 7.6
	}
	// A name or detail too long for its column wraps onto more lines
	// rather than being cut; the entries below it in the column move down.
	const nameH, detailH = 3.8, 3.4
	y := legendTop
	bottom := y
	colY := make([]float64, cols)
	for i, b := range bodies {
		col := i / rows
		x := marginLeft + float64(col)*colW
		top := y + colY[col]
		shape := markShape((b.Number - 1 + int(numShapes)) % int(numShapes))
		fill := wheelFills[(b.Number-1+len(wheelFills))%len(wheelFills)]
		d.mark(x+2.2, top+1.6, 4.2, shape, fill, strconv.Itoa(b.Number))
		base := top + 2.8
		names := d.wrap(b.Name, fontBold, 9, colW-8)
		for k, line := range names {
			if k > 0 {
				base += nameH
			}
			d.leftText(line, fontBold, 9, x+6, base, colText, colW-8)
		}
		base += 3.6
		details := d.wrap(b.Detail, fontRegular, 8, colW-8)
		for k, line := range details {
			if k > 0 {
				base += detailH
			}
			d.leftText(line, fontRegular, 8, x+6, base, colMuted, colW-8)
		}
		colY[col] += rowH + nameH*float64(max(len(names)-1, 0)) + detailH*float64(max(len(details)-1, 0))
		bottom = max(bottom, y+colY[col])
	}
	y = bottom + 2
	for _, note := range w.Notes {
		for _, line := range d.wrap(note, fontRegular, 8, textW) {
			d.leftText(line, fontRegular, 8, marginLeft, y+2.8, colMuted, textW)
			y += 3.6
		}
		y += 0.8
	}
}

// wrap breaks s into lines no wider than maxW, at spaces.
func (d *drawer) wrap(s string, font fontID, size, maxW float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && d.fs.width(font, size, next) > maxW {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// leftText writes s from x with its baseline at y, in a smaller size if
// that is what it takes to fit maxW (one word wider than the column): the
// parties' words are never cut.
func (d *drawer) leftText(s string, font fontID, size, x, y float64, c rgb, maxW float64) {
	if w := d.fs.width(font, size, s); w > maxW && w > 0 {
		size *= maxW / w
	}
	d.setFont(font, size)
	d.setColor(c)
	d.text(font, size, x, y, s)
}
