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

// actPattern is the alternatives of every name an Act goes by, longest
// first, so «forskrift om …» wins over a shorter name inside it.
func actPattern() string {
	var alts []string
	for n := range actNames() {
		alts = append(alts, regexp.QuoteMeta(n))
	}
	slices.SortFunc(alts, func(x, y string) int { return len(y) - len(x) })
	return strings.Join(alts, "|")
}

var citation = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(` + actPattern() + `)\s+(§§?)\s*((?:\d+(?:-\d+)?(?:\s[a-h]\b)?)(?:\s*(?:–|-|,|\bog\b|\btil\b)\s*\d+(?:-\d+)?(?:\s[a-h]\b)?)*)`)
})

// chapter is a citation of a whole chapter, «integreringsloven kapittel
// 6A», which the table holds as the section «kapittel 6A». Only the word
// in full: «kap. 2» in a file is the parties' shorthand, not a citation the
// table must know.
var chapter = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(` + actPattern() + `)\s+kapittel\s+(\d+\s?[a-z]?)\b`)
})

// Find lists the citations of the table's Acts in a text, e.g.
// «integreringsloven §§ 15 og 16», «kommuneloven § 25-1» or
// «integreringsforskriften kapittel 4».
func Find(text string) []Citation {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	var out []Citation
	for _, m := range citation().FindAllStringSubmatch(text, -1) {
		act := actOf(m[1])
		out = append(out, Citation{Act: act, Sections: Expand(act, m[3]), Text: m[0]})
	}
	for _, m := range chapter().FindAllStringSubmatch(text, -1) {
		num := "kapittel " + strings.ToUpper(strings.ReplaceAll(m[2], " ", ""))
		out = append(out, Citation{Act: actOf(m[1]), Sections: []string{num}, Text: m[0]})
	}
	return out
}

// Names are every name the Act goes by, in lower case: its Short and its
// name in each built-in language pack.
func (a Act) Names() []string {
	var out []string
	for n, short := range actNames() {
		if short == a.Short {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// actOf is the Short of the Act a text names, or the name in lower case.
func actOf(name string) string {
	if act, ok := actNames()[strings.ToLower(name)]; ok {
		return act
	}
	return strings.ToLower(name)
}

// Cite writes references as a lawyer would: one Act named once, its
// sections together («integreringsloven §§ 15 og 16»), a reference that a
// range already covers left out, whole chapters after the sections
// («integreringsloven § 17 og integreringsforskriften kapittel 4»), and the
// Acts joined with «og».
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
		var nums, chapters []string
		many := false
		for _, r := range covering(byAct[a.Short]) {
			if strings.HasPrefix(r.Section, "kapittel") {
				chapters = append(chapters, strings.ReplaceAll(r.Section, " ", "\u00a0"))
				continue
			}
			many = many || len(nums) > 0 || strings.HasPrefix(r.Section, "§§")
			nums = append(nums, strings.ReplaceAll(strings.TrimLeft(r.Section, "§ "), " ", "\u00a0"))
		}
		var cited []string
		if len(nums) > 0 {
			mark := "§\u00a0"
			if many {
				mark = "§§\u00a0"
			}
			cited = append(cited, mark+p.And(nums))
		}
		cited = append(cited, chapters...)
		parts = append(parts, p.T("law.act."+a.Key()+".name")+" "+p.And(cited))
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
