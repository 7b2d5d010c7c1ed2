package pdf

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"samarbeid/generator/hyphen"
)

// Line breaking works on boxes: pieces of words that are never broken,
// each followed by what may happen after it (the glue of a space, a place
// to hyphenate, nothing). breakLines chooses the breaks of a whole
// paragraph at once by total cost (Knuth and Plass's method, set ragged
// right): every line but the last pays for its empty space, every
// hyphen pays a penalty, two hyphenated lines in a row pay more.

// breakKind is what may happen after a box.
type breakKind uint8

const (
	breakNone      breakKind = iota // no break
	breakGlue                       // a space that should not break ("§ 13 b"), broken only when nothing else fits
	breakSpace                      // break at the space after the box
	breakHyphen                     // break inside a word, adding a hyphen
	breakName                       // the same in a capitalised word, a name more often than not
	breakPlain                      // break inside a word without a hyphen: after its own hyphen or dash; in an address after @ . / -
	breakEmergency                  // break a word too long for the line anywhere, adding a hyphen
	breakCut                        // break an address too long for the line anywhere
	breakForced                     // a hard line break
)

// penalty is the cost of breaking after a box of kind k.
func (k breakKind) penalty() float64 {
	switch k {
	case breakHyphen:
		return hyphenCost
	case breakName:
		return 4 * hyphenCost
	case breakPlain:
		return plainCost
	case breakEmergency, breakCut:
		return emergencyCost
	case breakGlue:
		return emergencyCost / 2
	}
	return 0
}

func (k breakKind) hyphenated() bool {
	return k == breakHyphen || k == breakName || k == breakEmergency
}

// box is an unbreakable piece of text and what may follow it.
type box struct {
	frags   []frag
	w       float64
	space   float64 // width of the space after the box; 0 inside a word
	brk     breakKind
	hyphenW float64 // width of the hyphen a break here adds
}

// hyphenator hyphenates words for one render, remembering each word.
type hyphenator struct {
	hy   *hyphen.Hyphenator
	seen map[string][]int
}

func newHyphenator(hy *hyphen.Hyphenator) *hyphenator {
	return &hyphenator{hy: hy, seen: map[string][]int{}}
}

// points returns where word may be hyphenated; none without patterns.
func (h *hyphenator) points(word string) []int {
	if h == nil || h.hy == nil {
		return nil
	}
	p, ok := h.seen[word]
	if !ok {
		p = h.hy.Points(word)
		h.seen[word] = p
	}
	return p
}

// breakLines sets words into lines no wider than width. Like TeX, it
// first tries without hyphenation and hyphenates only when that leaves a
// line too empty.
func (fs *fontSet) breakLines(ws []word, width float64, hy *hyphenator) []line {
	if len(ws) == 0 {
		return []line{{}}
	}
	if l, ok := oneLine(ws, width); ok {
		return []line{l}
	}
	boxes := fs.boxes(ws, width, nil)
	ends := chooseBreaks(boxes, width)
	if hy != nil && !tolerable(boxes, ends, width) {
		boxes = fs.boxes(ws, width, hy)
		ends = chooseBreaks(boxes, width)
	}
	return setBoxes(boxes, ends)
}

// tolerable reports whether every line but those before a forced break
// is full enough and no word had to be cut anywhere.
func tolerable(boxes []box, ends []int, width float64) bool {
	s := 0
	for _, e := range ends {
		k := boxes[e].brk
		if k == breakEmergency || k == breakGlue {
			return false
		}
		if k != breakForced {
			w := cumWidth(boxes, s, e)
			if width-w > tolerance*width {
				return false
			}
		}
		s = e + 1
	}
	return true
}

// cumWidth is the width of a line of boxes s..e.
func cumWidth(boxes []box, s, e int) float64 {
	w := 0.0
	for k := s; k <= e; k++ {
		w += boxes[k].w
		if k < e {
			w += boxes[k].space
		}
	}
	if boxes[e].brk.hyphenated() {
		w += boxes[e].hyphenW
	}
	return w
}

// oneLine sets a paragraph that fits on one line without more ado.
func oneLine(ws []word, width float64) (line, bool) {
	total := 0.0
	for i, w := range ws {
		if w.brk && i+1 < len(ws) {
			return line{}, false
		}
		total += w.w
		if i+1 < len(ws) {
			total += w.space
		}
	}
	if total > width {
		return line{}, false
	}
	var l line
	lead := 0.0
	for _, w := range ws {
		l.add(w, lead)
		lead = w.space
	}
	return l, true
}

// boxes cuts words into boxes at the places they may be broken.
func (fs *fontSet) boxes(ws []word, width float64, hy *hyphenator) []box {
	out := make([]box, 0, len(ws)*2)
	for _, w := range ws {
		after := breakSpace
		switch {
		case w.brk:
			after = breakForced
		case w.glue:
			after = breakGlue
		}
		text := wordText(w)
		points, address := breakPoints(text, w.soft, hy)
		start := len(out)
		out = fs.cutWord(out, w, points)
		last := &out[len(out)-1]
		last.space, last.brk = w.space, after
		if !w.brk && w.space == 0 {
			last.brk = breakNone // the last word
		}
		// A piece still wider than the line is broken between any two
		// letters: with a hyphen in a word, without one in an address.
		for i := start; i < len(out); i++ {
			w := out[i].w
			if out[i].brk.hyphenated() {
				w += out[i].hyphenW
			}
			if w > width {
				kind := breakEmergency
				if address {
					kind = breakCut
				}
				pieces := fs.cutEverywhere(out[i], kind)
				out = append(out[:i], append(pieces, out[i+1:]...)...)
				i += len(pieces) - 1
			}
		}
	}
	out[len(out)-1].brk = breakForced
	return out
}

// breakPoint is a place inside a word where a line may break: before the
// rune at offset at.
type breakPoint struct {
	at   int
	kind breakKind
}

// breakPoints finds where a word may be broken. An e-mail address or URL
// breaks after @ . / - and never gets a hyphen; another word breaks after
// its own hyphen or dash between letters, at its soft hyphens if it has
// any, and otherwise where the patterns allow in each run of letters
// (never after a slash, where nothing would show the word goes on).
func breakPoints(text string, soft []int, hy *hyphenator) ([]breakPoint, bool) {
	runes := []rune(text)
	n := len(runes)
	var points []breakPoint
	if isAddress(text) {
		for i := 0; i+1 < n; i++ {
			switch runes[i] {
			case '@', '.', '/', '-':
				if isAlnum(runes[i+1]) {
					points = append(points, breakPoint{i + 1, breakPlain})
				}
			}
		}
		return points, true
	}
	for i := 1; i+1 < n; i++ {
		switch runes[i] {
		case '-', '–':
			if unicode.IsLetter(runes[i-1]) && unicode.IsLetter(runes[i+1]) {
				points = append(points, breakPoint{i + 1, breakPlain})
			}
		}
	}
	if len(soft) > 0 {
		for _, s := range soft {
			if s > 0 && s < n {
				points = append(points, breakPoint{s, breakHyphen})
			}
		}
		return sortPoints(points), false
	}
	for i := 0; i < n; {
		if !unicode.IsLetter(runes[i]) {
			i++
			continue
		}
		j := i
		upper := 0
		for j < n && unicode.IsLetter(runes[j]) {
			if unicode.IsUpper(runes[j]) {
				upper++
			}
			j++
		}
		if j-i >= minHyphenLetter && upper < 2 {
			kind := breakHyphen
			if upper == 1 {
				kind = breakName
			}
			for _, p := range hy.points(string(runes[i:j])) {
				points = append(points, breakPoint{i + p, kind})
			}
		}
		i = j
	}
	return sortPoints(points), false
}

// sortPoints orders points and drops a second point at the same place,
// so the word's own hyphen wins over a soft hyphen right after it.
func sortPoints(ps []breakPoint) []breakPoint {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].at < ps[j-1].at; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	out := ps[:0]
	for i, p := range ps {
		if i == 0 || p.at != ps[i-1].at {
			out = append(out, p)
		}
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAddress reports whether a word is an e-mail address or a URL.
func isAddress(s string) bool {
	s = strings.TrimLeft(s, "(<«\"'")
	at := strings.IndexByte(s, '@')
	return (at > 0 && strings.Contains(s[at:], ".")) || strings.Contains(s, "://") ||
		strings.HasPrefix(strings.ToLower(s), "www.")
}

// cutWord appends the pieces of w cut at points to out.
func (fs *fontSet) cutWord(out []box, w word, points []breakPoint) []box {
	if len(points) == 0 {
		return append(out, box{frags: w.frags, w: w.w})
	}
	cur := box{}
	pos := 0 // rune offset in the word
	for _, f := range w.frags {
		text := f.text
		for len(points) > 0 {
			cut := points[0].at - pos
			if cut > utf8.RuneCountInString(text) {
				break
			}
			i := byteOffset(text, cut)
			if i == 0 && len(cur.frags) == 0 {
				points = points[1:] // nothing before it to break after
				continue
			}
			if i > 0 {
				g := f
				g.text = text[:i]
				g.w = fs.width(f.font, f.size, g.text)
				cur.frags = append(cur.frags, g)
				cur.w += g.w
			}
			last := cur.frags[len(cur.frags)-1]
			cur.brk = points[0].kind
			cur.hyphenW = fs.width(last.font, last.size, "-")
			out = append(out, cur)
			cur = box{}
			text = text[i:]
			pos += cut
			points = points[1:]
		}
		if text != "" {
			g := f
			g.text = text
			g.w = fs.width(f.font, f.size, text)
			cur.frags = append(cur.frags, g)
			cur.w += g.w
			pos += utf8.RuneCountInString(text)
		}
	}
	return append(out, cur)
}

// cutEverywhere cuts a box into one box per rune, breakable after each.
func (fs *fontSet) cutEverywhere(b box, kind breakKind) []box {
	var out []box
	for _, f := range b.frags {
		hw := fs.width(f.font, f.size, "-")
		for _, r := range f.text {
			g := f
			g.text = string(r)
			g.w = fs.width(f.font, f.size, g.text)
			out = append(out, box{frags: []frag{g}, w: g.w, brk: kind, hyphenW: hw})
		}
	}
	last := &out[len(out)-1]
	last.space, last.brk, last.hyphenW = b.space, b.brk, b.hyphenW
	return out
}

func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

// chooseBreaks returns the indexes of the boxes lines end with, chosen by
// least total cost. The last box always ends a line.
func chooseBreaks(boxes []box, width float64) []int {
	n := len(boxes)
	// cum[k] is the width of boxes 0..k-1 with the spaces after them.
	cum := make([]float64, n+1)
	for k, b := range boxes {
		cum[k+1] = cum[k] + b.w + b.space
	}
	const unset = math.MaxFloat64
	best := make([]float64, n) // best[e]: least cost of lines ending after box e
	from := make([]int, n)     // the line ending after e starts at box from[e]
	for e := range n {
		best[e] = unset
		k := boxes[e].brk
		if k == breakNone {
			continue
		}
		extra := 0.0
		if k.hyphenated() {
			extra = boxes[e].hyphenW
		}
		last := k == breakForced
		for s := e; s >= 0; s-- {
			w := cum[e+1] - cum[s] - boxes[e].space + extra
			if w > width && s < e {
				break
			}
			if s > 0 && boxes[s-1].brk == breakNone {
				continue
			}
			prev := 0.0
			if s > 0 {
				if best[s-1] == unset {
					continue
				}
				prev = best[s-1]
			}
			cost := prev + lineCost + k.penalty()
			if !last {
				empty := max(width-w, 0) / width
				cost += emptyCost * empty * empty
			} else if s > 0 && boxes[s-1].brk != breakForced && w < shortLast*width {
				cost += shortLastCost
			}
			if s > 0 && k.hyphenated() && boxes[s-1].brk.hyphenated() {
				cost += twoHyphensCost
			}
			if cost < best[e] {
				best[e], from[e] = cost, s
			}
			if s > 0 && boxes[s-1].brk == breakForced {
				break
			}
		}
	}
	var ends []int
	for e := n - 1; e >= 0; e = from[e] - 1 {
		ends = append(ends, e)
		if best[e] == unset {
			// Cannot happen: a single box always makes a line.
			break
		}
	}
	for i, j := 0, len(ends)-1; i < j; i, j = i+1, j-1 {
		ends[i], ends[j] = ends[j], ends[i]
	}
	return ends
}

// setBoxes builds the lines that end after the given boxes.
func setBoxes(boxes []box, ends []int) []line {
	lines := make([]line, 0, len(ends))
	s := 0
	for _, e := range ends {
		var l line
		lead := 0.0
		for k := s; k <= e; k++ {
			l.add(word{frags: boxes[k].frags, w: boxes[k].w}, lead)
			lead = boxes[k].space
		}
		if boxes[e].brk.hyphenated() && len(boxes[e].frags) > 0 {
			f := boxes[e].frags[len(boxes[e].frags)-1]
			f.text, f.w = "-", boxes[e].hyphenW
			l.add(word{frags: []frag{f}, w: f.w}, 0)
		}
		// A line that ends at a space or a hard break ends its text with
		// a space, so the tagged and extracted text reads «og Helse».
		switch boxes[e].brk {
		case breakSpace, breakGlue, breakForced:
			l.space = e+1 < len(boxes)
		}
		lines = append(lines, l)
		s = e + 1
	}
	return lines
}
