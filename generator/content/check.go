package content

import (
	"cmp"
	"slices"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// checker holds what every rule needs.
type checker struct {
	a   *model.Agreement
	src sources
	w   *lang.Pack // the words of the report
}

// Check compares the agreement with the directorates' list. The findings
// come in the list's order: the seven required points, the three optional
// ones, then the two leader-level checks.
func Check(file string, a *model.Agreement) Report {
	return CheckIn(file, a, lang.Builtin(lang.Default))
}

// CheckIn is Check with the report's words from the language pack w, as
// the bundle's innholdskontroll.md is written in the file's målform.
func CheckIn(file string, a *model.Agreement, w *lang.Pack) Report {
	c := &checker{a: a, src: collect(a), w: w}
	r := Report{File: file, words: w}
	r.Findings = append(r.Findings,
		c.contacts(),
		c.duties(),
		c.goals(),
		c.cooperation(),
		c.sharing(),
		c.transition(),
		c.evaluation(),
	)
	for _, o := range optionalPoints {
		r.Findings = append(r.Findings, c.optional(o))
	}
	r.Findings = append(r.Findings, c.signature(), c.leaderMeeting())
	return r
}

// part is one sub-point of a point, with the evidence found for it.
type part struct {
	w        *lang.Pack
	name     string // Norwegian, lower case, e.g. «kontaktperson i NAV-kontoret»
	advice   string // what to add when nothing covers it
	evidence []string
	where    []model.Pos
}

func (p *part) ok() bool { return len(p.evidence) > 0 }

// add records evidence, with its line when it has one.
func (p *part) add(pos model.Pos, what string) {
	if pos.Line > 0 {
		p.where = append(p.where, pos)
		what += " (" + p.w.T("content.line", pos.Line) + ")"
	}
	p.evidence = append(p.evidence, what)
}

// tags adds the items tagged with topic that accept takes (all when nil):
// each by name when there are few, else as a count with their lines.
//
// A tag alone does not cover a point whose wording the tagged text lacks:
// with k, only a tagged text that matches k counts.
func (c *checker) tags(p *part, topic model.Topic, accept func([]side) bool, k keyword) {
	var hits []tagged
	for _, t := range c.src.tags {
		if _, says := k.matchLower(t.lower); len(k.src) > 0 && !says {
			continue
		}
		if t.has(topic) && (accept == nil || accept(t.sides)) {
			hits = append(hits, t)
		}
	}
	if len(hits) <= 2 {
		for _, t := range hits {
			p.add(t.pos, c.w.T("content.tagged", topic, c.label(t)))
		}
		return
	}
	var ps []model.Pos
	for _, t := range hits {
		ps = append(ps, t.pos)
	}
	p.where = append(p.where, ps...)
	p.evidence = append(p.evidence, c.w.T("content.tagged_many", topic, len(hits), lines(c.w, ps)))
}

// keywords is the fallback: when nothing else covers the part, texts that
// match k cover it. hint is the topic to suggest tagging with.
func (c *checker) keywords(p *part, k keyword, hint model.Topic, accept func(text) bool) []text {
	if p.ok() {
		return nil
	}
	hits := c.find(k, accept)
	if len(hits) == 0 {
		return nil
	}
	var words []string
	for _, h := range hits {
		w, _ := k.matchLower(h.lower)
		if w = "«" + w + "»"; !slices.Contains(words, w) {
			words = append(words, w)
		}
		p.where = append(p.where, h.pos)
	}
	what := c.w.N("content.found_by", len(words), c.w.And(words), lines(c.w, p.where))
	if hint != "" {
		what += "; " + c.w.T("content.tag_hint", hint)
	}
	p.evidence = append(p.evidence, what)
	return hits
}

// find gives the first texts, in file order, that match k.
func (c *checker) find(k keyword, accept func(text) bool) []text {
	var hits []text
	for _, t := range c.src.texts {
		if accept != nil && !accept(t) {
			continue
		}
		if _, ok := k.matchLower(t.lower); ok {
			hits = append(hits, t)
			if len(hits) == maxKeywordHits {
				break
			}
		}
	}
	return hits
}

// finding turns the parts of a point into a finding. A point with one part
// lists its evidence as details; a point with several gives one line per part.
func (c *checker) finding(topic, title string, required bool, parts ...*part) Finding {
	f := Finding{Topic: topic, Title: title, Required: required, words: c.w}
	covered := 0
	var advice []string
	for _, p := range parts {
		f.Where = append(f.Where, p.where...)
		if p.ok() {
			covered++
		} else {
			f.Lacking = append(f.Lacking, p.name)
			advice = append(advice, p.advice)
		}
		if len(parts) == 1 {
			for _, e := range p.evidence {
				f.Details = append(f.Details, model.Capital(e)+".")
			}
			continue
		}
		if p.ok() {
			f.Details = append(f.Details, model.Capital(p.name)+": "+strings.Join(p.evidence, "; ")+".")
		} else {
			f.Details = append(f.Details, model.Capital(p.name)+": "+c.w.T("content.status.missing")+".")
		}
	}
	slices.SortFunc(f.Where, comparePos)
	f.Where = slices.Compact(f.Where)
	switch covered {
	case len(parts):
		f.Status = Covered
	case 0:
		f.Status = Missing
	default:
		f.Status = Partial
	}
	if f.Status != Covered {
		f.Advice = strings.Join(advice, " ")
	}
	return f
}

// on accepts tags on the wanted side, or shared.
func on(want side) func([]side) bool {
	return func(sides []side) bool { return onSide(sides, want) }
}

// only accepts tags on the wanted side, not shared ones.
func only(want side) func([]side) bool {
	return func(sides []side) bool { return slices.Contains(sides, want) }
}

// textOn accepts texts on the wanted side, or shared.
func textOn(want side) func(text) bool {
	return func(t text) bool { return onSide(t.sides, want) }
}

// contacts: point 1, contact persons on both sides and who follows up the
// exchange of information. The follow-up is covered by a contact with
// «follows_up_sharing: true» or by an exchange with a «responsible».
// part is a sub-point whose name is the pack's text at key and whose
// advice is at key+"_advice", both with args.
func (c *checker) part(key string, args ...any) *part {
	return &part{w: c.w, name: c.w.T(key, args...), advice: c.w.T(key+"_advice", args...)}
}

func (c *checker) contacts() Finding {
	a := c.a
	mun := c.part("content.contacts.municipality")
	nav := c.part("content.contacts.nav")
	owner := c.part("content.contacts.owner")
	for _, ct := range a.Contacts {
		sd := sideOf(a, ct.Role)
		if sd == sideNone {
			sd = sideOf(a, ct.Unit)
		}
		who := ct.Label()
		if id := cmp.Or(ct.Role, ct.Unit); id != "" {
			who += ", " + a.Name(id)
		}
		switch sd {
		case sideMunicipality:
			mun.add(ct.Pos, who)
		case sideNAV:
			nav.add(ct.Pos, who)
		}
		if ct.FollowsUpSharing {
			owner.add(ct.At("follows_up_sharing"), c.w.T("content.contacts.follows_up", ct.Label()))
		}
	}
	if a.Sharing != nil {
		for _, e := range a.Sharing.Exchanges {
			if e.Responsible != "" {
				owner.add(e.At("responsible"), c.w.T("content.contacts.responsible", a.Name(e.Responsible), short(e.What)))
			}
		}
	}
	// A contact person is a named person under «contacts:»; a duty about
	// «kontaktpersoner» names no one, so neither tags nor keywords count.
	c.keywords(owner, kwSharingOwner, "kontaktpersoner", nil)
	f := c.finding("kontaktpersoner", c.w.T("content.contacts.title"), true, mun, nav, owner)
	if f.Status == Missing {
		f.Advice = c.w.T("content.contacts.advice")
	}
	return f
}

// duties: point 2, the responsibilities and duties of the municipality and
// of the NAV office. The built-in standard text of a side counts unless the
// file leaves it out with «mode: utelat»; so do duty groups owned by a
// party or unit on that side, and duties tagged «ansvar».
func (c *checker) duties() Finding {
	a := c.a
	mun := c.part("content.duties.municipality")
	nav := c.part("content.duties.nav")
	standard := func(p *part, t *model.StandardText, whose string) {
		switch {
		case t == nil:
			p.add(model.Pos{}, c.w.T("content.duties.builtin", whose))
		case t.Mode != model.ModeOmit:
			p.add(t.Pos, c.w.T("content.duties.standard", whose, cmp.Or(t.Mode, model.ModeKeep)))
		}
	}
	standard(mun, a.Standard.Municipality, c.w.T("content.duties.whose_municipality"))
	standard(nav, a.Standard.NAV, c.w.T("content.duties.whose_nav"))
	for _, g := range a.Duties {
		if len(g.Items) == 0 {
			continue
		}
		what := c.w.T("content.duties.group", c.w.And(a.Names(g.OwnerIDs())))
		switch sideOf(a, g.Lead()) {
		case sideMunicipality:
			mun.add(g.Pos, what)
		case sideNAV:
			nav.add(g.Pos, what)
		}
	}
	c.tags(mun, "ansvar", only(sideMunicipality), keyword{})
	c.tags(nav, "ansvar", only(sideNAV), keyword{})
	f := c.finding("ansvar", c.w.T("content.duties.title"), true, mun, nav)
	for _, l := range a.Levels {
		f.Where = appendPos(f.Where, l.Pos)
		f.Details = append(f.Details, c.w.T("content.duties.level", c.w.T("level."+string(l.Level)), c.w.T("content.line", l.Pos.Line)))
	}
	return f
}

// goals: point 3, shared goals, result requirements and reporting, each
// from its list under «goals:»; duties and meetings tagged «mål» cover the
// goals.
func (c *checker) goals() Finding {
	g := c.a.Goals
	goals := c.part("content.goals.goals")
	reqs := c.part("content.goals.requirements")
	rep := c.part("content.goals.reporting")
	list := func(p *part, key string, items []string) {
		if len(items) > 0 {
			p.add(g.At(key), c.w.N("content.goals.items", len(items), key, len(items)))
		}
	}
	list(goals, "goals", g.Goals)
	list(reqs, "result_requirements", g.Requirements)
	list(rep, "reporting", g.Reporting)
	c.tags(goals, "mål", nil, kwGoals)
	c.keywords(goals, kwGoals, "mål", nil)
	c.keywords(reqs, kwRequirements, "mål", nil)
	c.keywords(rep, kwReporting, "mål", nil)
	return c.finding("mål", c.w.T("content.goals.title"), true, goals, reqs, rep)
}

// cooperation: point 4, how the units cooperate and how often they meet at
// leader level and at caseworker level: a meeting body of that level (its
// frequency is required by the model), or a level description under
// «levels:».
func (c *checker) cooperation() Finding {
	a := c.a
	leader := c.part("content.cooperation.leader")
	worker := c.part("content.cooperation.worker")
	for _, m := range a.Meetings {
		what := c.w.T("content.meeting", m.Name, m.Frequency)
		switch m.Level {
		case model.LevelLeader:
			leader.add(m.Pos, what)
		case model.LevelCaseworker, model.LevelIndividual:
			worker.add(m.Pos, what)
		}
	}
	for _, l := range a.Levels {
		what := c.w.T("content.cooperation.level", c.w.T("level."+string(l.Level)))
		switch l.Level {
		case model.LevelLeader:
			leader.add(l.Pos, what)
		default:
			worker.add(l.Pos, what)
		}
	}
	f := c.finding("samarbeid", c.w.T("content.cooperation.title"), true, leader, worker)
	for _, t := range c.src.tags {
		if t.has("samarbeid") && t.meeting == nil {
			f.Where = appendPos(f.Where, t.pos)
			f.Details = append(f.Details, model.Capital(c.w.T("content.tagged", "samarbeid", c.label(t)))+" ("+c.w.T("content.line", t.pos.Line)+").")
		}
	}
	return f
}

// sharing: point 5, routines for exchanging information about settlement,
// about each participant and about the labour market. Each is covered by an
// exchange or a duty or meeting with its topic; a consent routine under
// «information_sharing: consent» also covers participant information.
func (c *checker) sharing() Finding {
	settle := c.part("content.sharing.settlement")
	person := c.part("content.sharing.participant")
	market := c.part("content.sharing.market")
	c.tags(settle, "bosetting", nil, kwSettlement)
	c.tags(person, "deltakerinformasjon", nil, kwParticipant)
	if sh := c.a.Sharing; sh != nil && sh.Consent != "" {
		person.add(sh.At("consent"), c.w.T("content.sharing.consent"))
	}
	c.tags(market, "arbeidsmarked", nil, kwLabourMarket)
	c.keywords(settle, kwSettlement, "bosetting", nil)
	c.keywords(person, kwParticipant, "deltakerinformasjon", nil)
	c.keywords(market, kwLabourMarket, "arbeidsmarked", nil)
	return c.finding("informasjon", c.w.T("content.sharing.title"), true, settle, person, market)
}

// transition: point 6, good transitions for participants who do not reach
// their goal and need further follow-up from NAV.
func (c *checker) transition() Finding {
	p := &part{w: c.w, name: c.w.T("content.transition.name"),
		advice: c.w.T("content.transition.advice")}
	if t := c.a.Transition; t != nil && (t.Title != "" || len(t.Text) > 0 || len(t.Items) > 0) {
		p.add(t.Pos, "«transition»")
	}
	c.tags(p, "overgang", nil, kwTransition)
	c.keywords(p, kwTransition, "overgang", nil)
	return c.finding("overgang", c.w.T("content.transition.title"), true, p)
}

// evaluation: point 7, regular evaluation of the cooperation and of the
// agreement. It needs both a place that says how it is evaluated («evaluation»,
// a meeting or duty tagged «evaluering», or the words) and that it is
// regular: a frequency of at least once a year on the evaluation or the
// evaluating meeting, a date for the next evaluation, or words such as
// «årlig» in the text that covers it.
func (c *checker) evaluation() Finding {
	a := c.a
	doc := c.w.T("kind." + string(a.Type) + ".doc") // «avtalen» or «rutinen»
	found := c.part("content.evaluation.found", doc)
	regular := c.part("content.evaluation.regular")
	meetingRegular := func(m *model.Meeting) {
		if m != nil && m.Frequency.PerYear() >= 1 {
			regular.add(m.Pos, c.w.T("content.meeting", m.Name, m.Frequency))
		}
	}
	if e := a.Evaluation; e != nil {
		found.add(e.Pos, "«evaluation»")
		if e.Frequency.PerYear() >= 1 {
			regular.add(e.At("frequency"), "«frequency: "+e.Frequency.String()+"»")
		}
		for i, t := range e.Text {
			if _, ok := kwRegular.match(t); ok {
				regular.add(e.Item("text", i), c.w.T("content.evaluation.text"))
			}
		}
	}
	if d := a.Dates.NextEvaluation; !d.IsZero() {
		regular.add(a.Dates.At("next_evaluation"), c.w.T("content.evaluation.next", c.w.Date(d.Time)))
	}
	for _, t := range c.src.tags {
		if t.has("evaluering") {
			found.add(t.pos, c.w.T("content.tagged", "evaluering", c.label(t)))
			meetingRegular(t.meeting)
		}
	}
	for _, h := range c.keywords(found, kwEvaluation, "evaluering", nil) {
		meetingRegular(h.meeting)
		if _, ok := kwRegular.matchLower(h.lower); ok {
			regular.add(h.pos, "«"+short(h.text)+"»")
		}
	}
	f := c.finding("evaluering", c.w.T("content.evaluation.title"), true, found, regular)
	if f.Status == Missing {
		f.Advice = found.advice
	}
	return f
}

// optionalPoint is one of the points an agreement may contain.
// Its title and advice are content.optional.<topic>.title and .advice.
type optionalPoint struct {
	topic model.Topic
	kw    keyword
}

var optionalPoints = []optionalPoint{
	{"praksisplasser", kwPlacements},
	{"tiltak", kwMeasures},
	{"arbeidsgivere", kwEmployers},
}

func (c *checker) optional(o optionalPoint) Finding {
	title := c.w.T("content.optional." + string(o.topic) + ".title")
	p := &part{w: c.w, name: title, advice: c.w.T("content.optional." + string(o.topic) + ".advice")}
	c.tags(p, o.topic, nil, o.kw)
	c.keywords(p, o.kw, o.topic, nil)
	return c.finding(string(o.topic), title, false, p)
}

// signature: the agreement should be signed by leaders. A signatory counts
// unless marked «leader_level: false». A missing NAV signatory is only a
// note: where the NAV office is a municipal–state partnership the
// municipality's directors may sign alone (seed 000 does).
func (c *checker) signature() Finding {
	a := c.a
	p := &part{w: c.w, name: c.w.T("content.signature.name"),
		advice: c.w.T("content.signature.advice")}
	nav := false
	for _, s := range a.Signatories {
		if sideOf(a, s.For) == sideNAV {
			nav = true
		}
		if s.Leader == nil || *s.Leader {
			p.add(s.Pos, c.signatoryLine(s))
		}
	}
	if len(a.Signatories) > 0 && !p.ok() {
		p.advice = c.w.T("content.signature.not_leaders")
	}
	f := c.finding(TopicSignature, c.w.T("content.signature.title"), true, p)
	if len(a.Signatories) > 0 && !nav {
		f.Details = append(f.Details, c.w.T("content.signature.no_nav"))
	}
	return f
}

// signatoryLine names who signs: the name if there is one, the position,
// and the party signed for, e.g. «Kari Nordmann, kommunalsjef, for Eksempel
// kommune» or «Leder for flyktningetjenesten, for Åfjord kommune».
func (c *checker) signatoryLine(s model.Signatory) string {
	var parts []string
	for _, v := range []string{s.Name, s.Title} {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	if s.For != "" {
		parts = append(parts, c.w.T("agreement.signatory_for", c.a.Name(s.For)))
	}
	return strings.Join(parts, ", ")
}

// leaderMeeting: the leaders should meet at least once a year to evaluate
// the cooperation and set the course for the next year. «Ved behov» does
// not count: it promises no meeting at all.
func (c *checker) leaderMeeting() Finding {
	a := c.a
	p := &part{w: c.w, name: c.w.T("content.leader_meeting.name"),
		advice: c.w.T("content.leader_meeting.advice")}
	var asNeeded []string
	var foreign []string
	for _, m := range a.Meetings {
		if m.Level != model.LevelLeader {
			continue
		}
		if m.Frequency.PerYear() < 1 {
			asNeeded = append(asNeeded, "«"+m.Name+"»")
			continue
		}
		p.add(m.Pos, c.w.T("content.meeting", m.Name, m.Frequency))
		if sideOf(a, m.Convener) != sideMunicipality {
			foreign = append(foreign, "«"+m.Name+"»")
		}
	}
	if !p.ok() && len(asNeeded) > 0 {
		p.advice = c.w.T("content.leader_meeting.as_needed", model.Capital(c.w.And(asNeeded)))
	}
	f := c.finding(TopicLeaderMeeting, c.w.T("content.leader_meeting.title"), true, p)
	if p.ok() && len(foreign) == len(p.evidence) {
		f.Details = append(f.Details, c.w.T("content.leader_meeting.foreign", c.w.And(foreign)))
	}
	return f
}

func appendPos(ps []model.Pos, p model.Pos) []model.Pos {
	if p.Line == 0 {
		return ps
	}
	ps = append(ps, p)
	slices.SortFunc(ps, comparePos)
	return slices.Compact(ps)
}

// label names what a tag stands on, e.g. «møtet «Ledermøte»».
func (c *checker) label(t tagged) string { return c.w.T("content.label."+t.kind, t.name) }
