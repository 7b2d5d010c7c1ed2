// Package content checks an agreement against the directorates' list of what
// a cooperation agreement should contain.
//
// The list is IMDi's and the Labour and Welfare Directorate's «Samarbeidsavtale
// og samarbeidsrutiner»: seven points an agreement or routine should contain,
// three it may contain, and the advice that it is signed at leader level and
// that the leaders meet at least once a year. Check reports each of them as
// covered, partly covered or missing, with the lines of the input file that
// cover it and, where something is lacking, what to add in Norwegian naming
// the YAML keys.
//
// A point is covered by the structure made for it, by duties, meetings or
// exchanges tagged with its topic, or, as a fallback when neither is there,
// by recognisable words in the agreement's texts, so that a real agreement
// written without topic tags is still credited. The fallback is
// deterministic: fixed patterns, texts in file order, at most three hits per
// sub-point, and the report says where it found them. Routine descriptions
// and checklists are not scanned; they are not part of the agreement.
//
// The rules, point by point (sub-points in brackets; all of them covered
// gives Covered, some gives Partial, none gives Missing):
//
//   - kontaktpersoner [refugee unit, NAV office, who follows up the
//     exchange]: contacts on each side; follows_up_sharing or an exchange
//     with a responsible.
//   - ansvar [municipality, NAV office]: the built-in standard text unless
//     «mode: utelat», a duty group owned by that side, or duties tagged «ansvar».
//   - mål [goals, result requirements, reporting]: the three lists under
//     goals; an item tagged «mål» also covers the goals.
//   - samarbeid [leader level, caseworker level]: a meeting body of that
//     level, or a level description under levels.
//   - informasjon [settlement, participant information, labour market]: an
//     exchange or a tagged duty or meeting; the consent routine also covers
//     participant information.
//   - overgang: the transition section.
//   - evaluering [how, how often]: the evaluation section or an item tagged
//     «evaluering»; and a frequency of at least once a year, a next
//     evaluation date, or an evaluating meeting held at least yearly.
//   - optional praksisplasser, tiltak, arbeidsgivere: tags or words; never
//     fail --strict.
//   - underskrift: a signatory not marked «leader_level: false»; no NAV
//     signatory is a note only (a partnership office, as in Kristiansand).
//   - ledermøte: a leader-level meeting at least once a year («ved behov»
//     does not count).
//
// A side is found from a role's function, then a unit's name (NAV …, or a
// refugee, integration or adult-education unit), then the party's kind.
package content

import (
	"fmt"
	"slices"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// Status is how well a point is covered.
type Status int

// The statuses. The zero value is Missing, so a finding nobody filled in
// never passes for covered.
const (
	Missing Status = iota
	Partial
	Covered
)

// String gives the status in bokmål, for messages and tests.
func (s Status) String() string { return s.In(lang.Builtin(lang.Default)) }

// In gives the status in the words of w: «dekket», «delvis», «mangler».
func (s Status) In(w *lang.Pack) string {
	switch s {
	case Covered:
		return w.T("content.status.covered")
	case Partial:
		return w.T("content.status.partial")
	}
	return w.T("content.status.missing")
}

// Topics of the checks that are not content topics of the model.
const (
	TopicSignature     = "underskrift"
	TopicLeaderMeeting = "ledermøte"
)

// Finding is the result for one point of the list.
type Finding struct {
	Topic    string      // model topic slug, or "underskrift" or "ledermøte"
	Title    string      // Norwegian title of the point
	Required bool        // false for the optional points, which never fail --strict
	Status   Status      //
	Where    []model.Pos // where the file covers it, in file order
	Details  []string    // one note per sub-point, Norwegian
	Lacking  []string    // the sub-points that are missing, Norwegian
	Advice   string      // what to add when missing or partial, Norwegian
	words    *lang.Pack  // the words of the report
}

// StatusText is the status for a table: «Dekket», «Delvis», «Mangler», or
// «Valgfritt – ikke med» for an optional point the agreement leaves out.
func (f Finding) StatusText() string {
	if f.Status != Covered && !f.Required {
		return f.w().T("content.status.optional_left_out")
	}
	return model.Capital(f.Status.In(f.w()))
}

// w is the finding's language pack, bokmål when it was made without one.
func (f Finding) w() *lang.Pack {
	if f.words == nil {
		return lang.Builtin(lang.Default)
	}
	return f.words
}

// Mark is the sign the plain-text report puts before the point.
func (f Finding) Mark() string {
	switch {
	case f.Status == Covered:
		return "✓"
	case !f.Required:
		return "·"
	case f.Status == Partial:
		return "◐"
	}
	return "✗"
}

// Lines gives the lines that cover the point, e.g. «linje 12, 40», or ""
// when no line of the file does. A long list is cut after the first lines,
// e.g. «linje 12, 40, 41, 42, 50, 61 og 9 til».
func (f Finding) Lines() string { return linesCut(f.w(), f.Where, maxLines) }

// maxLines is how many lines a point's summary names before it counts the rest.
const maxLines = 6

// Todo is what to do about a point that is not covered: for a partly
// covered point, which sub-points are missing, then the advice. It is ""
// for a covered point.
func (f Finding) Todo() string {
	switch {
	case f.Status == Covered:
		return ""
	case f.Status == Partial && len(f.Lacking) > 0:
		return f.w().T("content.todo", f.w().And(f.Lacking), f.Advice)
	}
	return f.Advice
}

// OK reports whether the point passes: covered, or optional.
func (f Finding) OK() bool { return f.Status == Covered || !f.Required }

// Report is the content check of one file.
type Report struct {
	File     string
	Findings []Finding
	words    *lang.Pack
}

// w is the report's language pack, bokmål when it was made without one.
func (r Report) w() *lang.Pack {
	if r.words == nil {
		return lang.Builtin(lang.Default)
	}
	return r.words
}

// MissingRequired reports whether a required point is missing or only partly
// covered; `samarbeid check --strict` then refuses the file.
func (r Report) MissingRequired() bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return !f.OK() })
}

// Points are the required points of the list itself, in its order.
func (r Report) Points() []Finding {
	return r.filter(func(f Finding) bool { return f.Required && !isLeaderCheck(f) })
}

// Optional are the points an agreement may contain.
func (r Report) Optional() []Finding {
	return r.filter(func(f Finding) bool { return !f.Required })
}

// LeaderChecks are the checks that the agreement is anchored at leader
// level: signed by leaders, and a leader meeting at least once a year.
func (r Report) LeaderChecks() []Finding {
	return r.filter(isLeaderCheck)
}

func isLeaderCheck(f Finding) bool {
	return f.Topic == TopicSignature || f.Topic == TopicLeaderMeeting
}

func (r Report) filter(keep func(Finding) bool) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// Counts gives how many required points are covered, and how many there are.
func (r Report) Counts() (covered, required int) {
	for _, f := range r.Findings {
		if f.Required {
			required++
			if f.Status == Covered {
				covered++
			}
		}
	}
	return covered, required
}

// Summary is the closing line, e.g. «Innholdskontroll: 9 av 9 påkrevde
// punkter dekket.»
func (r Report) Summary() string {
	covered, required := r.Counts()
	return r.w().T("content.summary", covered, required)
}

// Text is the plain-text report that `samarbeid check` prints: one block per
// point, then the summary line.
func (r Report) Text() string {
	var b strings.Builder
	w := r.w()
	b.WriteString(w.T("content.text.intro", r.File) + "\n")
	block := func(f Finding) {
		b.WriteString("\n")
		b.WriteString(f.Mark() + " " + f.Title)
		switch {
		case !f.Required && f.Status == Covered:
			b.WriteString(" – " + w.T("content.text.optional"))
		case f.Status == Covered:
		case !f.Required:
			b.WriteString(" – " + w.T("content.text.optional_left_out"))
		case f.Status == Partial:
			b.WriteString(" – " + w.T("content.text.partial", w.And(f.Lacking)))
		default:
			b.WriteString(" – " + w.T("content.status.missing"))
		}
		if l := f.Lines(); l != "" {
			b.WriteString(" (" + l + ")")
		}
		b.WriteString("\n")
		for _, d := range f.Details {
			b.WriteString("    - " + d + "\n")
		}
		if f.Status != Covered && f.Advice != "" {
			b.WriteString("    " + f.Advice + "\n")
		}
	}
	sections := []struct {
		head string
		list []Finding
	}{
		{"", r.Points()},
		{w.T("content.heading.optional") + ":", r.Optional()},
		{w.T("content.heading.leader") + ":", r.LeaderChecks()},
	}
	for _, s := range sections {
		if len(s.list) == 0 {
			continue
		}
		if s.head != "" {
			b.WriteString("\n" + s.head + "\n")
		}
		for _, f := range s.list {
			block(f)
		}
	}
	b.WriteString("\n" + r.Summary() + "\n")
	return b.String()
}

// lines formats positions as «linje 12, 40», each line once, in order.
func lines(w *lang.Pack, ps []model.Pos) string { return linesCut(w, ps, 0) }

// linesCut is lines, naming at most limit lines (0: all) and counting the rest.
func linesCut(w *lang.Pack, ps []model.Pos, limit int) string {
	var ls []int
	for _, p := range ps {
		if p.Line > 0 {
			ls = append(ls, p.Line)
		}
	}
	slices.Sort(ls)
	ls = slices.Compact(ls)
	if len(ls) == 0 {
		return ""
	}
	rest := 0
	if limit > 0 && len(ls) > limit+1 {
		ls, rest = ls[:limit], len(ls)-limit
	}
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = fmt.Sprint(l)
	}
	out := w.T("content.lines", strings.Join(parts, ", "))
	if rest > 0 {
		out = w.T("content.lines_more", out, rest)
	}
	return out
}
