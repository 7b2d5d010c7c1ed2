package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
)

// sourceErrors collects errors that point into the Markdown source. The AST
// carries no positions, so a node is found by searching the source for its
// text, from where the previous search ended, falling back to the start.
type sourceErrors struct {
	name string
	src  []byte
	from int
	errs []posError
	more int // errors beyond maxErrors
}

type posError struct {
	line int
	msg  string
}

// lineOf returns the 1-based line of needle in the source, or 0.
func (s *sourceErrors) lineOf(needle []byte) int {
	needle = bytes.TrimSpace(needle)
	if len(needle) == 0 {
		return 0
	}
	if i := bytes.Index(s.src[s.from:], needle); i >= 0 {
		s.from += i
		return 1 + bytes.Count(s.src[:s.from], []byte("\n"))
	}
	if i := bytes.Index(s.src, needle); i >= 0 {
		return 1 + bytes.Count(s.src[:i], []byte("\n"))
	}
	return 0
}

// maxErrors bounds the errors reported, and the searches made for them.
const maxErrors = 20

// add records an error at the line where needle is found.
func (s *sourceErrors) add(needle []byte, format string, args ...any) {
	if len(s.errs) >= maxErrors {
		s.more++
		return
	}
	s.errs = append(s.errs, posError{line: s.lineOf(needle), msg: fmt.Sprintf(format, args...)})
}

// err returns all errors, sorted by line, one per line of text, as
// "NAME:LINE: message".
func (s *sourceErrors) err() error {
	if len(s.errs) == 0 {
		return nil
	}
	sort.SliceStable(s.errs, func(i, j int) bool { return s.errs[i].line < s.errs[j].line })
	errs := make([]error, len(s.errs))
	for i, e := range s.errs {
		switch {
		case e.line > 0:
			errs[i] = fmt.Errorf("%s:%d: %s", s.name, e.line, e.msg)
		default:
			errs[i] = fmt.Errorf("%s: %s", s.name, e.msg)
		}
	}
	if s.more > 0 {
		errs = append(errs, fmt.Errorf("%s: og %d feil til", s.name, s.more))
	}
	return errors.Join(errs...)
}

// excerpt shortens a piece of source for an error message.
func excerpt(b []byte) string {
	b = bytes.TrimSpace(b)
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	r := []rune(string(b))
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return string(r)
}
