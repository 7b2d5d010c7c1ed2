// Package hyphen finds where Norwegian words may be hyphenated, with Frank
// Liang's algorithm (the one TeX uses) over the hyph-utf8 patterns for
// bokmål and nynorsk embedded in templates/hyphen.
//
// The patterns are the same for both målformer; only a few exceptions
// differ («at-ten-de» against «att-en-de»).
package hyphen

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"samarbeid/templates"
)

// Minimum number of letters before the first and after the last hyphen.
const (
	leftMin  = 2
	rightMin = 2
)

// Hyphenator hyphenates words of one language. It is read-only and safe for
// concurrent use.
type Hyphenator struct {
	patterns   *table
	exceptions map[string][]int
}

var loaders = map[string]func() (*Hyphenator, error){
	"nb": sync.OnceValues(func() (*Hyphenator, error) { return load("hyph-nb.tex") }),
	"nn": sync.OnceValues(func() (*Hyphenator, error) { return load("hyph-nn.tex") }),
}

// For returns the hyphenator for a language tag: "nb" (bokmål, also for
// "no" and "") or "nn" (nynorsk). The patterns are read once per process.
func For(lang string) (*Hyphenator, error) {
	switch strings.ToLower(lang) {
	case "nn", "nn-no", "nynorsk":
		return loaders["nn"]()
	}
	return loaders["nb"]()
}

// load takes the patterns and the common exceptions from the table made
// from hyph-no.tex, and the exceptions of the language's own file.
func load(file string) (*Hyphenator, error) {
	t, err := readTable()
	if err != nil {
		return nil, err
	}
	data, err := templates.Hyphen.ReadFile("hyphen/" + file)
	if err != nil {
		return nil, fmt.Errorf("orddelingsmønstrene %s mangler: %w", file, err)
	}
	h := &Hyphenator{patterns: t, exceptions: map[string][]int{}}
	for _, w := range t.exceptions {
		h.addException(w)
	}
	var extra []string
	readTeX(string(data), func(p string) { extra = append(extra, p) }, h.addException)
	if len(extra) > 0 {
		// The table holds hyph-no.tex's patterns; a language file has
		// only exceptions. One with patterns of its own needs them in
		// the table too.
		return nil, fmt.Errorf("orddelingsmønstrene %s har egne mønstre, som tabellen fra hyph-no.tex ikke har", file)
	}
	return h, nil
}

// readTeX reads the \patterns{…} and \hyphenation{…} groups of a TeX
// file, giving each pattern and each exception to its function.
func readTeX(src string, pattern, exception func(string)) {
	group := ""
	for len(src) > 0 {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for {
			var f string
			if f, line = nextField(line); f == "" {
				break
			}
			switch {
			case strings.HasPrefix(f, `\patterns{`):
				group, f = "p", strings.TrimPrefix(f, `\patterns{`)
			case strings.HasPrefix(f, `\hyphenation{`):
				group, f = "h", strings.TrimPrefix(f, `\hyphenation{`)
			}
			end := strings.HasSuffix(f, "}")
			f = strings.TrimSuffix(f, "}")
			if f != "" {
				switch group {
				case "p":
					pattern(f)
				case "h":
					exception(f)
				}
			}
			if end {
				group = ""
			}
		}
	}
}

// nextField is the first field of s as strings.Fields splits it (around
// runs of Unicode white space) and what follows it; "" when s has none.
func nextField(s string) (field, rest string) {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				return s[start:i], s[i:]
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start < 0 {
		return "", ""
	}
	return s[start:], ""
}

func (h *Hyphenator) addException(w string) {
	var points []int
	n := 0
	for _, r := range w {
		if r == '-' {
			points = append(points, n)
			continue
		}
		n++
	}
	h.exceptions[strings.ToLower(strings.ReplaceAll(w, "-", ""))] = points
}

// Points returns the rune offsets in word where a hyphen may go, in
// increasing order: 3 means between the third and the fourth letter. A
// word that is not all letters gets none; the caller splits words at
// hyphens and punctuation first.
func (h *Hyphenator) Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < leftMin+rightMin {
		return nil
	}
	lower := strings.ToLower(word)
	for _, r := range lower {
		if !unicode.IsLetter(r) {
			return nil
		}
	}
	if p, ok := h.exceptions[lower]; ok {
		return p
	}
	w := "." + lower + "."
	// offs[i] is the byte offset of rune i in w, with a final entry.
	offs := make([]int, 0, n+3)
	for i := range w {
		offs = append(offs, i)
	}
	offs = append(offs, len(w))
	runes := len(offs) - 1
	values := make([]uint8, runes+1)
	t := h.patterns
	for i := 0; i < runes; i++ {
		// The patterns that start with w[i:j] are one run of the sorted
		// table, narrowed as j grows; the pattern w[i:j] itself, if any,
		// comes first in it.
		lo, hi := 0, t.n
		for j := i + 1; j <= runes && j-i <= t.maxLen; j++ {
			letters := w[offs[i]:offs[j]]
			if lo, hi = t.narrow(lo, hi, letters); lo == hi {
				break
			}
			if t.key(lo) != letters {
				continue
			}
			for k, x := range t.values(lo) {
				if x > values[i+k] {
					values[i+k] = x
				}
			}
		}
	}
	// values[k] is the value before rune k of w; rune k of w is rune k-1
	// of the word, so a break before word rune p is values[p+1].
	var points []int
	for p := leftMin; p <= n-rightMin; p++ {
		if values[p+1]%2 == 1 {
			points = append(points, p)
		}
	}
	return points
}

// Hyphenate returns word with a hyphen at every point, for tests and
// messages.
func (h *Hyphenator) Hyphenate(word string) string {
	points := h.Points(word)
	var b strings.Builder
	i := 0
	for _, r := range word {
		if len(points) > 0 && points[0] == i {
			b.WriteByte('-')
			points = points[1:]
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}
