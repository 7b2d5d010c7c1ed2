package content

import (
	"cmp"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"

	"samarbeid/generator/model"
)

// side is which side of the cooperation a party, unit or role is on.
type side int

const (
	sideNone         side = iota // shared text, or not known
	sideMunicipality             // the municipality: refugee unit, adult education
	sideNAV                      // the NAV office
	sideOther                    // the county or another organisation
)

// sideOf finds the side an id belongs to. The function of a role and the
// name of a unit decide before the party does, for two real cases: a NAV
// office in a municipal–state partnership (NAV Kristiansand) may be written
// as a unit of a municipal party, and where the programme is organised
// inside the NAV office (a samarbeidsrutine) the refugee unit may be a unit
// of the NAV party; it is still the municipality's refugee unit.
func sideOf(a *model.Agreement, id model.ID) side {
	if id == "" {
		return sideNone
	}
	for range 4 {
		if r := a.Role(id); r != nil {
			switch r.Kind {
			case model.RoleCounsellor, model.RoleNAVLeader:
				return sideNAV
			case model.RoleAdvisor, model.RoleTeacher, model.RoleLeader, model.RoleSchoolLead:
				return sideMunicipality
			}
			id = r.Unit
			continue
		}
		if u := a.Unit(id); u != nil {
			switch {
			case looksNAV(u.ID, u.Name):
				return sideNAV
			case refugeeUnit().MatchString(strings.ToLower(u.Name)):
				return sideMunicipality
			}
			id = u.Party
			continue
		}
		if p := a.Party(id); p != nil {
			switch {
			case p.Kind == model.PartyNAV || looksNAV(p.ID, p.Name):
				return sideNAV
			case p.Kind == model.PartyMunicipality:
				return sideMunicipality
			}
			return sideOther
		}
		return sideNone
	}
	return sideNone
}

// refugeeUnit recognises the municipal units of the programme by name.
var refugeeUnit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`flyktning|integrering|introduksjon|voksenopplæring`)
})

// The words that tie a shared text to a side when nothing else does: a duty
// under «levels:» that says «kontaktperson i flyktningtjenesten» belongs to
// the municipality, not to NAV.
var (
	mentionsNAV          = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bnav\b`) })
	mentionsMunicipality = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`flyktning|integrering|kommune|programrådgiver|voksenopplæring`)
	})
)

// mentions gives the sides a text names, or nil when it names none.
func mentions(s string) []side {
	lower := strings.ToLower(s)
	var out []side
	if mentionsMunicipality().MatchString(lower) {
		out = append(out, sideMunicipality)
	}
	if mentionsNAV().MatchString(lower) {
		out = append(out, sideNAV)
	}
	return out
}

// onSide reports whether something with the given sides belongs to want;
// something without a side is shared and belongs to both.
func onSide(sides []side, want side) bool {
	return len(sides) == 0 || slices.Contains(sides, want)
}

// sidesOf gives the distinct known sides of the ids.
func sidesOf(a *model.Agreement, ids ...model.ID) []side {
	var out []side
	for _, id := range ids {
		if sd := sideOf(a, id); sd != sideNone && !slices.Contains(out, sd) {
			out = append(out, sd)
		}
	}
	return out
}

func looksNAV(id model.ID, name string) bool {
	s := string(id)
	n := strings.ToLower(name)
	return s == "nav" || strings.HasPrefix(s, "nav-") || strings.HasPrefix(s, "nav_") ||
		n == "nav" || strings.HasPrefix(n, "nav ") || strings.HasPrefix(n, "nav-")
}

// tagged is something in the file that carries topic tags: a duty, a meeting
// body or an information exchange.
type tagged struct {
	pos     model.Pos
	topics  []model.Topic
	sides   []side         // nil: shared, or not known
	kind    string         // what is tagged: duty, meeting or exchange (content.label.<kind>)
	name    string         // its name or the start of its text
	meeting *model.Meeting // the meeting, when the tag is on one
	text    string         // the words of what is tagged
	lower   string         // text in lower case, which a point's keywords are matched against
}

func (t tagged) has(topic model.Topic) bool { return slices.Contains(t.topics, topic) }

// text is one piece of free text that ends up in the agreement document.
// Routine descriptions and checklists are not scanned: they are separate
// documents, and the directorates' list is about the agreement itself.
type text struct {
	pos     model.Pos
	text    string
	lower   string         // text in lower case, which keywords are matched against
	sides   []side         // nil: shared, or not known
	meeting *model.Meeting // the meeting, when the text is its name or purpose
}

// sources are the tags and texts of one agreement, in file order.
type sources struct {
	tags  []tagged
	texts []text
}

func collect(a *model.Agreement) sources {
	var s sources
	// sides of a text: its owner's side, else the meeting's, else the
	// sides the text itself names
	sidesFor := func(sd side, m *model.Meeting, t string) []side {
		switch {
		case sd != sideNone:
			return []side{sd}
		case m != nil:
			return sidesOf(a, append([]model.ID{m.Convener}, m.Participants...)...)
		}
		return mentions(t)
	}
	strs := func(l model.Loc, key string, list []string, sd side, m *model.Meeting) {
		for i, t := range list {
			s.texts = append(s.texts, text{pos: l.Item(key, i), text: t, sides: sidesFor(sd, m, t), meeting: m})
		}
	}
	str := func(l model.Loc, key, t string, sd side, m *model.Meeting) {
		if t != "" {
			s.texts = append(s.texts, text{pos: l.At(key), text: t, sides: sidesFor(sd, m, t), meeting: m})
		}
	}
	duties := func(items []model.Duty, sd side) {
		for _, d := range items {
			sides := sidesFor(sd, nil, d.Text)
			if sd == sideNone && len(d.Roles) > 0 {
				sides = sidesOf(a, d.Roles...)
			}
			s.texts = append(s.texts, text{pos: d.At("text"), text: d.Text, sides: sides})
			if len(d.Topics) > 0 {
				s.tags = append(s.tags, tagged{pos: d.Pos, topics: d.Topics, sides: sides, kind: "duty", name: short(d.Text), text: d.Text})
			}
		}
	}
	standard := func(t *model.StandardText, sd side) {
		if t == nil || t.Mode == model.ModeOmit {
			return
		}
		str(t.Loc, "title", t.Title, sd, nil)
		str(t.Loc, "intro", t.Intro, sd, nil)
		duties(t.Items, sd)
		strs(t.Loc, "after", t.After, sd, nil)
	}

	strs(a.Loc, "introduction", a.Introduction, sideNone, nil)
	strs(a.Loc, "background", a.Background, sideNone, nil)
	strs(a.Goals.Loc, "goals", a.Goals.Goals, sideNone, nil)
	strs(a.Goals.Loc, "result_requirements", a.Goals.Requirements, sideNone, nil)
	strs(a.Goals.Loc, "reporting", a.Goals.Reporting, sideNone, nil)
	strs(a.Loc, "purpose", a.Purpose, sideNone, nil)
	for _, u := range a.Units {
		str(u.Loc, "description", u.Description, sideOf(a, u.ID), nil)
	}
	for _, r := range a.Roles {
		str(r.Loc, "description", r.Description, sideOf(a, r.ID), nil)
	}
	if au := a.Authority; au != nil {
		str(au.Loc, "intro", au.Intro, sideNone, nil)
		for _, d := range au.Delegations {
			str(d.Loc, "scope", d.Scope, sideNone, nil)
		}
		strs(au.Loc, "closing", au.Closing, sideNone, nil)
	}
	standard(a.Standard.Municipality, sideMunicipality)
	standard(a.Standard.NAV, sideNAV)
	standard(a.Standard.County, sideOther)
	standard(a.Standard.Sharing, sideNone)
	for _, g := range a.Duties {
		sd := sideOf(a, g.Lead())
		str(g.Loc, "title", g.Title, sd, nil)
		str(g.Loc, "intro", g.Intro, sd, nil)
		duties(g.Items, sd)
	}
	for _, l := range a.Levels {
		duties(l.Items, sideNone)
	}
	for i := range a.Meetings {
		m := &a.Meetings[i]
		str(m.Loc, "name", m.Name, sideNone, m)
		strs(m.Loc, "purpose", m.Purpose, sideNone, m)
		if len(m.Topics) > 0 {
			s.tags = append(s.tags, tagged{pos: m.Pos, topics: m.Topics, sides: sidesFor(sideNone, m, ""), kind: "meeting", name: m.Name, meeting: m, text: strings.Join(append([]string{m.Name}, m.Purpose...), " ")})
		}
	}
	if sh := a.Sharing; sh != nil {
		strs(sh.Loc, "intro", sh.Intro, sideNone, nil)
		str(sh.Loc, "consent", sh.Consent, sideNone, nil)
		strs(sh.Loc, "channels", sh.Channels, sideNone, nil)
		for _, e := range sh.Exchanges {
			str(e.Loc, "what", e.What, sideNone, nil)
			str(e.Loc, "when", e.When, sideNone, nil)
			s.tags = append(s.tags, tagged{pos: e.Pos, topics: []model.Topic{e.Topic}, kind: "exchange", name: short(e.What), text: e.What + " " + e.When})
		}
	}
	if t := a.Transition; t != nil {
		str(t.Loc, "title", t.Title, sideNone, nil)
		strs(t.Loc, "text", t.Text, sideNone, nil)
		duties(t.Items, sideNone)
	}
	if e := a.Evaluation; e != nil {
		str(e.Loc, "title", e.Title, sideNone, nil)
		strs(e.Loc, "text", e.Text, sideNone, nil)
	}
	for _, c := range a.Clauses {
		str(c.Loc, "title", c.Title, sideNone, nil)
		strs(c.Loc, "text", c.Text, sideNone, nil)
	}
	if v := a.Validity; v != nil {
		str(v.Loc, "title", v.Title, sideNone, nil)
		strs(v.Loc, "text", v.Text, sideNone, nil)
		strs(v.Loc, "renegotiation", v.Renegotiation, sideNone, nil)
	}

	slices.SortStableFunc(s.tags, func(x, y tagged) int { return comparePos(x.pos, y.pos) })
	slices.SortStableFunc(s.texts, func(x, y text) int { return comparePos(x.pos, y.pos) })
	// every keyword of every point is matched against the texts, so they
	// are lower-cased once, not once per keyword
	for i := range s.texts {
		s.texts[i].lower = strings.ToLower(s.texts[i].text)
	}
	for i := range s.tags {
		s.tags[i].lower = strings.ToLower(s.tags[i].text)
	}
	return s
}

func comparePos(a, b model.Pos) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// short cuts a text to a few words for a label.
func short(s string) string {
	words := strings.Fields(s)
	if len(words) <= 6 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:6], " ") + " …"
}

// keyword recognises a point in free text. A text matches when every
// pattern matches it (lower-cased); the words matched by the first pattern
// are what the report quotes. Its regexps are compiled the first time it
// is used, not when the program starts.
type keyword struct {
	src     []string
	compile func() []pattern // nil for no keyword
}

func (k keyword) patterns() []pattern {
	if k.compile == nil {
		return nil
	}
	return k.compile()
}

// pattern is one regexp of a keyword with the literal texts one of which
// every match starts with (none when the regexp has no such set): most
// texts contain none of them, and strings.Contains rules those out at a
// fraction of the regexp's cost.
type pattern struct {
	re       *regexp.Regexp
	prefixes []string
}

func kw(src ...string) keyword {
	return keyword{src: src, compile: sync.OnceValue(func() []pattern {
		out := make([]pattern, len(src))
		for i, p := range src {
			out[i] = pattern{re: regexp.MustCompile(p), prefixes: literalPrefixes(p)}
		}
		return out
	})}
}

// literalPrefixes are literal texts one of which starts every match of
// regexp p, or nil when p has no such set (then the regexp alone decides).
func literalPrefixes(p string) []string {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return nil
	}
	ps, _ := prefixesOf(re.Simplify())
	return ps
}

// prefixesOf gives the literal texts one of which starts every match of re,
// or nil; whole is true when each of them is a whole match, so what follows
// in a concatenation extends them (the parser factors «arbeidsgiver|
// arbeidsgivar» into «arbeidsgiv[ae]r»).
func prefixesOf(re *syntax.Regexp) (ps []string, whole bool) {
	const most = 64 // prefixes kept, so the check stays cheaper than the regexp
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture:
		return prefixesOf(re.Sub[0])
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return nil, false
		}
		ps, whole := prefixesOf(re.Sub[0])
		if !whole || len(re.Sub) == 1 {
			return ps, whole && len(re.Sub) == 1
		}
		rest, restWhole := prefixesOf(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]})
		if rest == nil || len(ps)*len(rest) > most {
			return ps, false
		}
		var out []string
		for _, p := range ps {
			for _, r := range rest {
				out = append(out, p+r)
			}
		}
		return out, restWhole
	case syntax.OpAlternate:
		var out []string
		whole := true
		for _, sub := range re.Sub {
			ps, w := prefixesOf(sub)
			if ps == nil {
				return nil, false
			}
			out = append(out, ps...)
			whole = whole && w
		}
		if len(out) > most {
			return nil, false
		}
		return out, whole
	case syntax.OpCharClass:
		// a few letters, e.g. [ae]: each one is a literal
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 8 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
			}
		}
		if out == nil || len(out) > 8 {
			return nil, false
		}
		return out, true
	}
	return nil, false
}

// mayMatch is false when s cannot match: it contains none of the prefixes.
func (p pattern) mayMatch(s string) bool {
	if p.prefixes == nil {
		return true
	}
	for _, x := range p.prefixes {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func (k keyword) match(s string) (string, bool) { return k.matchLower(strings.ToLower(s)) }

// matchLower is match for a text already in lower case.
func (k keyword) matchLower(lower string) (string, bool) {
	var word string
	for i, p := range k.patterns() {
		if !p.mayMatch(lower) {
			return "", false
		}
		loc := p.re.FindStringIndex(lower)
		if loc == nil {
			return "", false
		}
		if i == 0 {
			word = lower[loc[0]:loc[1]]
		}
	}
	return word, true
}

// The keywords, one set per point or sub-point. They are deliberately
// narrow: words like «mål» or «evaluering» alone also occur in duties about
// the participant's own plan, which is not what the list asks for. Each
// set reads bokmål and nynorsk, whatever the file's målform.
var (
	kwContact      = kw(`kontaktperson`)
	kwSharingOwner = kw(`informasjonsutveksling|informasjonsflyt|informasjonsdeling|utveksling av (relevant )?informasjon`, `ansvar|følger? opp|følgjer opp|oppfølging`)
	kwGoals        = kw(`felles mål|målsetting|målsetjing|resultatmål|hovedmål|hovudmål|politiske mål|mål for (samarbeidet|introduksjonsprogrammet)|mål og resultatkrav`)
	kwRequirements = kw(`resultatkrav`)
	kwReporting    = kw(`rapporter`)
	kwSettlement   = kw(`bosettingsplan|bosettingsvedtak|bosetting av|årlig bosetting|planlagt bosetting|planlagte bosettinger|nye bosettinger|ny bosetting|busetjingsplan|busetjingsvedtak|busetjing av|årleg busetjing|planlagd busetjing|ny busetjing|ankomst`)
	kwParticipant  = kw(`deltakerinformasjon|deltakarinformasjon|(informasjon|opplysninger|opplysningar) (om|vedrørende) (den enkelte |kvar enkelt )?(deltaker|deltakar)|samtykke|tjenstlig behov|tenestleg behov|tenstleg behov`)
	kwLabourMarket = kw(`arbeidsmarked|arbeidsmarknad|arbeidsgiveravtale|arbeidsgivaravtale|avtaler med arbeidsgivere|avtalar med arbeidsgivarar|markedskompetanse|marknadskompetanse|tiltaksvift`)
	kwTransition   = kw(`overgang|overføringsmøte|sluttfase|kjeding|ikke når (sitt )?sluttmål|ikke oppnår (sitt )?sluttmål|ikkje når (sluttmålet|sitt sluttmål)`)
	kwEvaluation   = kw(`evaluer`, `samarbeid|avtale|rutine`)
	kwRegular      = kw(`årlig|årleg|hvert år|kvart år|en gang i året|ein gong i året|per år|pr\.? år|halvår|kvartal|regelmessig|jevnlig|jamleg`)
	kwPlacements   = kw(`praksisplass|språkpraksis|arbeidspraksis|arbeidstrening`)
	kwMeasures     = kw(`tiltak`)
	kwEmployers    = kw(`arbeidsgiver|arbeidsgivar|bedrift`)
)

// maxKeywordHits bounds the lines the fallback reports per sub-point.
const maxKeywordHits = 3
