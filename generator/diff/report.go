// Package diff compares two revisions of an agreement by meaning.
//
// Parties, units, roles and meetings are matched by id, signatories and
// contact persons by name and then by position, and duties and paragraphs by
// how alike their wording is, so that a reworded duty shows as reworded, not
// as one removed and one added. Order in a list and the way a value is
// written («kvartalsvis» or «hvert kvartal») do not count as changes. The
// report is in the newer file's målform, one change per line, grouped under headings in the
// order of the agreement.
package diff

import (
	"fmt"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/render"
)

// Change is one line of the report. Its wording is fixed Norwegian text
// with %s where a value from the input goes, so the Markdown form can
// escape the values and nothing else.
type Change struct {
	format string
	values []string
}

func change(format string, values ...string) Change {
	return Change{format: format, values: values}
}

// Text is the change as plain text.
func (c Change) Text() string {
	return fmt.Sprintf(c.format, toAny(c.values, func(s string) string { return oneLine(s) })...)
}

// Markdown is the change with every value escaped for Markdown.
func (c Change) Markdown() string {
	return fmt.Sprintf(c.format, toAny(c.values, render.Inline)...)
}

func toAny(values []string, f func(string) string) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = f(v)
	}
	return out
}

// Section is the changes under one heading.
type Section struct {
	Title   string
	Changes []Change
}

// Report is every change between two revisions, worded in the language
// of the newer file.
type Report struct {
	Sections []Section
	// none is what the report says when nothing changed.
	none string
}

// Empty reports whether nothing changed.
func (r Report) Empty() bool {
	for _, s := range r.Sections {
		if len(s.Changes) > 0 {
			return false
		}
	}
	return true
}

// None is what the report says when nothing changed, in the report's
// language (bokmål for a report not made by Compare).
func (r Report) None() string {
	if r.none == "" {
		return lang.Builtin(lang.Default).T("diff.none")
	}
	return r.none
}

// Text gives the report as plain text: each heading on its own line, its
// changes below it, one per line, and a blank line between the groups.
func (r Report) Text() string {
	if r.Empty() {
		return r.None() + "\n"
	}
	return r.write("%s\n", Change.Text)
}

// Markdown gives the report as Markdown for the change log: a third-level
// heading per group and a bullet list of its changes.
func (r Report) Markdown() string {
	if r.Empty() {
		return r.None() + ".\n"
	}
	return r.write("### %s\n\n", Change.Markdown)
}

// write lists the groups that have changes, each under its heading, with a
// blank line between groups.
func (r Report) write(heading string, item func(Change) string) string {
	var b strings.Builder
	for _, s := range r.Sections {
		if len(s.Changes) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, heading, s.Title)
		for _, c := range s.Changes {
			b.WriteString("- " + item(c) + "\n")
		}
	}
	return b.String()
}

// Lines gives every change as plain text, in report order.
func (r Report) Lines() []string {
	var out []string
	for _, s := range r.Sections {
		for _, c := range s.Changes {
			out = append(out, c.Text())
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
