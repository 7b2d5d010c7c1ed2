package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a piece of inline text with one style, as collected from the
// Markdown AST. A span with brk set is a hard line break.
type span struct {
	text               string
	bold, italic, code bool
	link               string
	brk                bool
}

// textStyle is the block-level setting inline spans are set in.
type textStyle struct {
	size         float64
	color        rgb
	bold, italic bool
}

// frag is a run of text in one face, size, colour and link target.
type frag struct {
	font  fontID
	size  float64
	color rgb
	link  string
	text  string
	trail bool // a space follows in the text: drawn, but not measured
	w     float64
}

// word is a word of fragments, with the width of the space that follows
// it. glue marks that space as unbreakable; brk forces a line break after
// the word. soft holds the rune offsets of soft hyphens in the input.
type word struct {
	frags []frag
	w     float64
	space float64
	glue  bool
	brk   bool
	soft  []int
}

// placed is a fragment at a horizontal offset within its line.
type placed struct {
	x float64
	frag
}

// line is one typeset line.
type line struct {
	frags []placed
	w     float64
	space bool // the text goes on after a space or a line break
}

// faceFor picks the face for a span in a style.
func faceFor(st textStyle, s span) fontID {
	if s.code {
		return fontMono
	}
	bold, italic := st.bold || s.bold, st.italic || s.italic
	switch {
	case bold && italic:
		return fontBoldItalic
	case bold:
		return fontBold
	case italic:
		return fontItalic
	}
	return fontRegular
}

// words splits spans into words, choosing a face per rune (falling back to
// the mono face for symbols such as ☐) and rejecting characters no face has.
func (fs *fontSet) words(spans []span, st textStyle) ([]word, error) {
	// The fragments' text is collected in one buffer and cut into strings
	// once at the end, rather than one allocation (or more) per word.
	type fragRef struct{ word, frag, from, to int }
	var (
		out   []word
		cur   word
		text  []byte // every fragment's text, one after another
		from  int    // where the fragment being collected starts in text
		refs  []fragRef
		arena []frag // every word's fragments, one after another
		at    int    // where cur's fragments start in arena
		f     frag
		n     int // runes in cur so far
	)
	total := 0
	for _, s := range spans {
		total += len(s.text)
	}
	text = make([]byte, 0, total)
	flushFrag := func() {
		if len(text) == from {
			return
		}
		refs = append(refs, fragRef{word: len(out), frag: len(cur.frags), from: from, to: len(text)})
		arena = append(arena, f)
		cur.frags = arena[at:len(arena):len(arena)] // capped: an append copies
		from = len(text)
	}
	flushWord := func() {
		flushFrag()
		if len(cur.frags) > 0 {
			out = append(out, cur)
		}
		cur, n, at = word{}, 0, len(arena)
	}
	for _, s := range spans {
		if s.brk {
			flushWord()
			if len(out) == 0 {
				out = append(out, word{})
			}
			out[len(out)-1].brk = true
			out[len(out)-1].space = 0
			continue
		}
		base := faceFor(st, s)
		size := st.size
		if s.code {
			size *= codeScale
		}
		color := st.color
		if s.link != "" {
			color = colLink
		}
		for _, r := range s.text {
			switch r {
			case ' ', '\t', '\n', '\r', '\u2028':
				flushWord()
				if n := len(out); n > 0 && !out[n-1].brk {
					out[n-1].space = max(out[n-1].space, fs.width(base, size, " "))
				}
				continue
			case '\u00ad':
				if len(cur.soft) == 0 || cur.soft[len(cur.soft)-1] != n {
					cur.soft = append(cur.soft, n)
				}
				continue
			case '\u200b', '\ufeff':
				continue
			case '\u00a0', '\u202f', '\u2007':
				r = ' '
			}
			face := base
			if !fs.has(face, r) {
				if !fs.has(fontMono, r) {
					return nil, charError(r)
				}
				face = fontMono
			}
			if len(text) > from && (f.font != face || f.size != size || f.color != color || f.link != s.link) {
				flushFrag()
			}
			if len(text) == from {
				f = frag{font: face, size: size, color: color, link: s.link}
			}
			text = utf8.AppendRune(text, r)
			n++
		}
		flushFrag()
	}
	flushWord()
	if n := len(out); n > 0 {
		out[n-1].space = 0
	}
	all := string(text)
	for _, r := range refs {
		fr := &out[r.word].frags[r.frag]
		fr.text = all[r.from:r.to]
		fr.w = fs.width(fr.font, fr.size, fr.text)
		out[r.word].w += fr.w
	}
	glueWords(out)
	return out, nil
}

// wordText returns a word's text.
func wordText(w word) string {
	if len(w.frags) == 1 {
		return w.frags[0].text
	}
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.text)
	}
	return b.String()
}

// glueWords marks the spaces a line must never break at, so that "§ 13 b",
// "§§ 41–43", "kr 12 000" and "nr. 2" stay together even when the template
// wrote plain spaces instead of no-break spaces.
func glueWords(ws []word) {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].brk || ws[i].space == 0 {
			continue
		}
		if next := wordText(ws[i+1]); glued(wordText(ws[i]), next) || isMark(next) {
			ws[i].glue = true
		}
	}
}

var numberPrefixes = map[string]bool{
	"kr": true, "kr.": true, "nr": true, "nr.": true, "kap.": true,
	"pkt.": true, "s.": true, "art.": true, "ca.": true, "kl.": true,
}

func glued(a, b string) bool {
	core := strings.TrimLeft(a, "([«\"'")
	if core == "§" || core == "§§" {
		return true
	}
	if numberPrefixes[strings.ToLower(core)] && startsWithDigit(b) {
		return true
	}
	if isNumber(core) {
		bcore := strings.TrimRight(b, ".,;:)]»\"'")
		if utf8.RuneCountInString(bcore) == 1 {
			r, _ := utf8.DecodeRuneInString(bcore)
			return unicode.IsLetter(r)
		}
		if len(core) <= 3 && allDigits(core) && len(bcore) == 3 && allDigits(bcore) {
			return true
		}
	}
	// Telephone numbers: "+47 414 08 242", "55 55 33 33".
	if p := strings.TrimPrefix(core, "+"); len(p) >= 2 && len(p) <= 3 && allDigits(p) {
		bcore := strings.TrimRight(b, ".,;:)]»\"'")
		if len(bcore) >= 2 && len(bcore) <= 3 && allDigits(bcore) {
			return true
		}
	}
	return false
}

// isMark reports whether a word is only a mark that belongs to the word
// before it: a footnote mark such as "*" or "¹", or a dash, which must not
// start a line.
func isMark(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 2 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '§' || r == '(' || r == '[' || r == '«' {
			return false
		}
	}
	return true
}

func startsWithDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNumber reports whether s is a number or a range of numbers ("41–43").
func isNumber(s string) bool {
	if !startsWithDigit(s) {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9') && r != '-' && r != '–' && r != '.' {
			return false
		}
	}
	return true
}

// add appends a word to the line after a space of width lead, merging
// fragments of the same style so each style run is drawn in one piece.
func (l *line) add(w word, lead float64) {
	x := l.w
	if len(l.frags) > 0 {
		x += lead
	} else {
		lead = 0
	}
	for i, f := range w.frags {
		if n := len(l.frags); n > 0 {
			last := &l.frags[n-1]
			if last.font == f.font && last.size == f.size && last.color == f.color && last.link == f.link {
				if i == 0 && lead > 0 {
					last.text += " " + f.text // one allocation, not two
				} else {
					last.text += f.text
				}
				last.w = x + f.w - last.x
				x += f.w
				continue
			}
			if i == 0 && lead > 0 {
				// The space before a word in another style is drawn
				// after the previous fragment, so extracted text keeps it.
				last.trail = true
			}
		}
		l.frags = append(l.frags, placed{x: x, frag: f})
		x += f.w
	}
	l.w = x
}
