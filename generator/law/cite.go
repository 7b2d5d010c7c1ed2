package law

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"samarbeid/generator/lang"
)

// Expand lists the section numbers a section expression of an Act covers:
// «15» → [15], «41–43» and «41 til 43» → [41 42 43], «15 og 16» → [15 16],
// «25 a og 25 b» → [25 a, 25 b]. «25-1» is a section of kommuneloven, not a
// range, because the Act has such a section.
func Expand(act, expr string) []string {
	expr = strings.ReplaceAll(expr, "\u00a0", " ")
	var out []string
	for _, part := range splitList(expr) {
		lo, hi, isRange := cutRange(act, part)
		if !isRange {
			out = append(out, part)
			continue
		}
		a, errA := strconv.Atoi(lo)
		b, errB := strconv.Atoi(hi)
		if errA != nil || errB != nil || b < a || b-a > 100 {
			out = append(out, lo, hi)
			continue
		}
		for n := a; n <= b; n++ {
			out = append(out, strconv.Itoa(n))
		}
	}
	return out
}

func splitList(expr string) []string {
	var out []string
	for _, p := range strings.Split(expr, ",") {
		for _, q := range strings.Split(p, " og ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

func cutRange(act, part string) (lo, hi string, ok bool) {
	if _, known := LookupSection(act, part); known {
		return "", "", false
	}
	for _, sep := range []string{"–", " til ", "-"} {
		if lo, hi, ok := strings.Cut(part, sep); ok {
			return strings.TrimSpace(lo), strings.TrimSpace(hi), true
		}
	}
	return "", "", false
}

// Citation is a reference found in a text: an Act's short name and the
// section numbers cited.
type Citation struct {
	Act      string
	Sections []string
	Text     string // as the text writes it
}

// actNames maps every name an Act goes by, in lower case, to its Short:
// the bokmål name a file cites it by and its name in every built-in
// language pack («integreringslova»), so a citation is found in either
// målform. It and the citation pattern made from it are built the first
// time a text is searched, not when the program starts: reading every
// language pack is work a run that cites nothing need not wait for.
var actNames = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, a := range Acts {
		out[strings.ToLower(a.Short)] = a.Short
		for _, code := range lang.Codes {
			if p := lang.Builtin(code); p != nil && p.Has("law.act."+a.Key()+".name") {
				out[strings.ToLower(p.T("law.act."+a.Key()+".name"))] = a.Short
			}
		}
	}
	return out
})

var citation = sync.OnceValue(func() *regexp.Regexp {
	var alts []string
	for n := range actNames() {
		alts = append(alts, regexp.QuoteMeta(n))
	}
	// longest first, so «forskrift om …» wins over a shorter name inside it
	slices.SortFunc(alts, func(x, y string) int { return len(y) - len(x) })
	return regexp.MustCompile(`(?i)\b(` + strings.Join(alts, "|") + `)\s+(§§?)\s*((?:\d+(?:-\d+)?(?:\s[a-h]\b)?)(?:\s*(?:–|-|,|\bog\b|\btil\b)\s*\d+(?:-\d+)?(?:\s[a-h]\b)?)*)`)
})

// Find lists the citations of the table's Acts in a text, e.g.
// «integreringsloven §§ 15 og 16» or «kommuneloven § 25-1».
func Find(text string) []Citation {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	var out []Citation
	for _, m := range citation().FindAllStringSubmatch(text, -1) {
		act, ok := actNames()[strings.ToLower(m[1])]
		if !ok {
			act = strings.ToLower(m[1])
		}
		out = append(out, Citation{Act: act, Sections: Expand(act, m[3]), Text: m[0]})
	}
	return out
}

// Cite writes references as a lawyer would: one Act named once, its
// sections together («integreringsloven §§ 15 og 16»), a reference that a
// range already covers left out, and the Acts joined with «og».
func Cite(refs []Ref, p *lang.Pack) string {
	var acts []Act
	byAct := map[string][]Ref{}
	for _, r := range refs {
		if !slices.Contains(acts, r.Act) {
			acts = append(acts, r.Act)
		}
		byAct[r.Act.Short] = append(byAct[r.Act.Short], r)
	}
	var parts []string
	for _, a := range acts {
		group := covering(byAct[a.Short])
		var nums []string
		many := len(group) > 1
		for _, r := range group {
			many = many || strings.HasPrefix(r.Section, "§§")
			nums = append(nums, strings.ReplaceAll(strings.TrimLeft(r.Section, "§ "), " ", "\u00a0"))
		}
		mark := "§\u00a0"
		if many {
			mark = "§§\u00a0"
		}
		if strings.HasPrefix(group[0].Section, "kapittel") {
			mark = ""
		}
		parts = append(parts, p.T("law.act."+a.Key()+".name")+" "+mark+p.And(nums))
	}
	return p.And(parts)
}

// covering drops the references whose sections another one of the list
// covers, keeping the first of two that are the same.
func covering(refs []Ref) []Ref {
	var out []Ref
	for i, r := range refs {
		covered := false
		for j, o := range refs {
			if i != j && contains(o, r) && (!contains(r, o) || j < i) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, r)
		}
	}
	return out
}

// contains reports whether every section of r is among o's.
func contains(o, r Ref) bool {
	have := Expand(o.Act.Short, strings.TrimLeft(o.Section, "§ "))
	for _, n := range Expand(r.Act.Short, strings.TrimLeft(r.Section, "§ ")) {
		if !slices.Contains(have, n) {
			return false
		}
	}
	return true
}

// Cited reports whether text already cites every section of r, or, for a
// regulation, names it: then a parenthesis after the text adds nothing.
func Cited(text string, r Ref) bool {
	if r.Act.Regulation && strings.Contains(strings.ToLower(text), strings.ToLower(r.Act.Short)) {
		return true
	}
	var have []string
	for _, c := range Find(text) {
		if c.Act == r.Act.Short {
			have = append(have, c.Sections...)
		}
	}
	for _, n := range Expand(r.Act.Short, strings.TrimLeft(r.Section, "§ ")) {
		if !slices.Contains(have, n) {
			return false
		}
	}
	return true
}
