package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in the input file, 1-based.
type Pos struct {
	Line, Col int
}

// Loc records where a mapping and each of its values stand in the file.
// The decoder fills it in; validation uses it to point at the right line.
type Loc struct {
	Pos Pos
	// Fields maps a key to the position of its value; list items are
	// recorded as "key[i]".
	Fields map[string]Pos
}

// At is the position of a key's value, or of the mapping if the key is absent.
func (l Loc) At(key string) Pos {
	if p, ok := l.Fields[key]; ok {
		return p
	}
	return l.Pos
}

// set reports whether the file gave key a value; a number written as 0 is
// set, a missing key, an empty value or one the decoder refused is not.
func (l Loc) set(key string) bool {
	_, ok := l.Fields[key+".key"]
	return ok
}

// Item is the position of item i of a list-valued key.
func (l Loc) Item(key string, i int) Pos {
	if p, ok := l.Fields[fmt.Sprintf("%s[%d]", key, i)]; ok {
		return p
	}
	return l.At(key)
}

func (l *Loc) record(key string, p Pos) {
	if l.Fields == nil {
		l.Fields = map[string]Pos{}
	}
	l.Fields[key] = p
}

// Diagnostic is one problem found in the input, in Norwegian.
type Diagnostic struct {
	File    string
	Pos     Pos
	Message string
	// Warning marks a problem that does not stop generation.
	Warning bool
}

// String formats the diagnostic as FILE:LINE:COL: melding, safe to print
// on a terminal whatever the file holds.
func (d Diagnostic) String() string {
	msg := d.Message
	if d.Warning {
		msg = "advarsel: " + msg
	}
	return Escape(fmt.Sprintf("%s:%d:%d: %s", d.File, d.Pos.Line, d.Pos.Col, msg))
}

// Diagnostics is a list of problems, sorted by position when reported.
type Diagnostics []Diagnostic

// Error gives one line per problem.
func (ds Diagnostics) Error() string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the diagnostics by position, then message, and drops repeats.
func (ds Diagnostics) Sort() Diagnostics {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), strings.Compare(a.Message, b.Message))
	})
	return slices.Compact(out)
}

// Errors are the diagnostics that stop generation.
func (ds Diagnostics) Errors() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if !d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Warnings are the diagnostics that do not stop generation.
func (ds Diagnostics) Warnings() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Reporter collects diagnostics for one file.
type Reporter struct {
	File  string
	Diags Diagnostics
}

// Errorf records an error at p.
func (r *Reporter) Errorf(p Pos, format string, args ...any) {
	r.Diags = append(r.Diags, Diagnostic{File: r.File, Pos: p, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at p.
func (r *Reporter) Warnf(p Pos, format string, args ...any) {
	r.Diags = append(r.Diags, Diagnostic{File: r.File, Pos: p, Message: fmt.Sprintf(format, args...), Warning: true})
}
