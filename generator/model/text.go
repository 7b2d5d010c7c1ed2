package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Capital gives s with its first letter upper-cased.
func Capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Sentences splits prose into its sentences, each normalised for
// comparison: lower case, single spaces, no final full stop. A full stop
// inside an abbreviation or a number («bl.a.», «§ 25-1.») may split a
// sentence early; both sides then compare as they would anywhere else.
func Sentences(s string) []string {
	var out []string
	for _, part := range strings.SplitAfter(strings.Join(strings.Fields(strings.ToLower(s)), " "), ". ") {
		if part = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part), ".")); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// Natural gives a title-cased common noun in the case it has inside a
// sentence: «Kontaktlærer» becomes «kontaktlærer», while a name whose
// second letter is a capital («NAV-veileder», «VO-lærer») is kept.
func Natural(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if n == 0 || !unicode.IsUpper(r) || !unicode.IsLower(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
