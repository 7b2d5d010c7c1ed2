package render

import (
	"regexp"
	"strings"
	"sync"
)

// inlineSpecial are the characters that start Markdown syntax anywhere in a
// line: emphasis, code, links, tables, HTML, heading ids, math.
const inlineSpecial = "\\`*_[]{}<>|#$~^"

var (
	leadingList   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)([.)])(\s|$)`) })
	leadingMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+:]($|\s|[-+:=*_])`) })
	entity        = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`) })
)

// Inline makes text from the input safe to place inside a line of Markdown:
// every character that would start Markdown syntax is escaped, so a «*», «|»,
// «#» or a leading «1.» stays text. Line breaks become spaces.
//
// Every value of a document passes through it, so the regular expressions
// run only where their first character is there to match.
func Inline(s string) string {
	// Fold ASCII white space only: strings.Fields would also fold the
	// no-break spaces that keep «§ 15» on one line.
	s = strings.TrimSpace(foldASCIISpace(s))
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 128 && strings.ContainsRune(inlineSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if strings.IndexByte(out, '&') >= 0 {
		out = entity().ReplaceAllString(out, `\&$1;`)
	}
	if out == "" {
		return out
	}
	switch c := out[0]; {
	case c >= '0' && c <= '9':
		if m := leadingList().FindStringSubmatchIndex(out); m != nil {
			out = out[:m[3]] + `\` + out[m[4]:]
		}
	case c == '-' || c == '+' || c == ':':
		if leadingMarker().MatchString(out) {
			out = `\` + out
		}
	}
	return out
}

// isASCIISpace reports the bytes foldASCIISpace folds.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// foldASCIISpace replaces each run of ASCII white space with one space.
func foldASCIISpace(s string) string {
	i := 0
	for i < len(s) && !(isASCIISpace(s[i]) && (s[i] != ' ' || i+1 < len(s) && isASCIISpace(s[i+1]))) {
		i++
	}
	if i == len(s) {
		return s // nothing to fold
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if !isASCIISpace(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(s) && isASCIISpace(s[i]) {
			i++
		}
	}
	return b.String()
}
