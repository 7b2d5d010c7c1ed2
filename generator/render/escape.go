package render

import (
	"regexp"
	"strings"
)

// inlineSpecial are the characters that start Markdown syntax anywhere in a
// line: emphasis, code, links, tables, HTML, heading ids, math.
const inlineSpecial = "\\`*_[]{}<>|#$~^"

var (
	leadingList   = regexp.MustCompile(`^(\d+)([.)])(\s|$)`)
	leadingMarker = regexp.MustCompile(`^[-+:]($|\s|[-+:=*_])`)
	asciiSpace    = regexp.MustCompile(`[ \t\r\n\f\v]+`)
	entity        = regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)
)

// Inline makes text from the input safe to place inside a line of Markdown:
// every character that would start Markdown syntax is escaped, so a «*», «|»,
// «#» or a leading «1.» stays text. Line breaks become spaces.
func Inline(s string) string {
	// Fold ASCII white space only: strings.Fields would also fold the
	// no-break spaces that keep «§ 15» on one line.
	s = strings.TrimSpace(asciiSpace.ReplaceAllString(s, " "))
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune(inlineSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	out = entity.ReplaceAllString(out, `\&$1;`)
	if m := leadingList.FindStringSubmatchIndex(out); m != nil {
		out = out[:m[3]] + `\` + out[m[4]:]
	} else if leadingMarker.MatchString(out) {
		out = `\` + out
	}
	return out
}
