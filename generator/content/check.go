package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"samarbeid/generator/model"
)

// checker holds what every rule needs.
type checker struct {
	a   *model.Agreement
	src sources
}

// Check compares the agreement with the directorates' list. The findings
// come in the list's order: the seven required points, the three optional
// ones, then the two leader-level checks.
func Check(file string, a *model.Agreement) Report {
	c := &checker{a: a, src: collect(a)}
	r := Report{File: file}
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
		what += " (linje " + fmt.Sprint(pos.Line) + ")"
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
		if _, says := k.match(t.text); len(k) > 0 && !says {
			continue
		}
		if t.has(topic) && (accept == nil || accept(t.sides)) {
			hits = append(hits, t)
		}
	}
	if len(hits) <= 2 {
		for _, t := range hits {
			p.add(t.pos, "merket «"+string(topic)+"»: "+t.label)
		}
		return
	}
	var ps []model.Pos
	for _, t := range hits {
		ps = append(ps, t.pos)
	}
	p.where = append(p.where, ps...)
	p.evidence = append(p.evidence, fmt.Sprintf("merket «%s» på %d steder (%s)", topic, len(hits), lines(ps)))
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
		w, _ := k.match(h.text)
		if w = "«" + w + "»"; !slices.Contains(words, w) {
			words = append(words, w)
		}
		p.where = append(p.where, h.pos)
	}
	what := fmt.Sprintf("funnet ved %s %s (%s)", plural(len(words), "stikkordet", "stikkordene"), nb().And(words), lines(p.where))
	if hint != "" {
		what += "; " + fmt.Sprintf(keywordTopicHint, hint)
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
		if _, ok := k.match(t.text); ok {
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
func finding(topic, title string, required bool, parts ...*part) Finding {
	f := Finding{Topic: topic, Title: title, Required: required}
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
			f.Details = append(f.Details, model.Capital(p.name)+": mangler.")
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
func (c *checker) contacts() Finding {
	a := c.a
	mun := &part{name: "kontaktperson i flyktningenheten",
		advice: "Legg til en kontaktperson i flyktningenheten under «contacts:», med «name:» og «role:» eller «unit:» som hører til kommunen."}
	nav := &part{name: "kontaktperson i NAV-kontoret",
		advice: "Legg til en kontaktperson i NAV-kontoret under «contacts:», med «name:» og «role:» eller «unit:» som hører til NAV."}
	owner := &part{name: "ansvarlig for å følge opp informasjonsutvekslingen",
		advice: "Merk kontaktpersonen som følger opp informasjonsutvekslingen med «follows_up_sharing: true» under «contacts:», eller skriv «responsible:» på utvekslingene under «information_sharing: exchanges:»."}
	for _, ct := range a.Contacts {
		sd := sideOf(a, ct.Role)
		if sd == sideNone {
			sd = sideOf(a, ct.Unit)
		}
		who := ct.Name
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
			owner.add(ct.At("follows_up_sharing"), ct.Name+" følger opp informasjonsutvekslingen")
		}
	}
	if a.Sharing != nil {
		for _, e := range a.Sharing.Exchanges {
			if e.Responsible != "" {
				owner.add(e.At("responsible"), a.Name(e.Responsible)+" er ansvarlig for utvekslingen «"+short(e.What)+"»")
			}
		}
	}
	// A contact person is a named person under «contacts:»; a duty about
	// «kontaktpersoner» names no one, so neither tags nor keywords count.
	c.keywords(owner, kwSharingOwner, "kontaktpersoner", nil)
	f := finding("kontaktpersoner", "Kontaktpersoner og ansvar for informasjonsutveksling", true, mun, nav, owner)
	if f.Status == Missing {
		f.Advice = "Legg til «contacts:» med en kontaktperson i flyktningenheten og en i NAV-kontoret, og merk den som følger opp informasjonsutvekslingen med «follows_up_sharing: true»."
	}
	return f
}

// duties: point 2, the responsibilities and duties of the municipality and
// of the NAV office. The built-in standard text of a side counts unless the
// file leaves it out with «mode: utelat»; so do duty groups owned by a
// party or unit on that side, and duties tagged «ansvar».
func (c *checker) duties() Finding {
	a := c.a
	mun := &part{name: "kommunens ansvar",
		advice: "Ta med kommunens plikter: fjern «mode: utelat» under «standard_texts: municipality:», eller legg til en gruppe under «duties:» med «owner:» lik flyktningenheten og pliktene under «items:»."}
	nav := &part{name: "NAV-kontorets ansvar",
		advice: "Ta med NAV-kontorets plikter: fjern «mode: utelat» under «standard_texts: nav:», eller legg til en gruppe under «duties:» med «owner:» lik NAV-kontoret og pliktene under «items:»."}
	standard := func(p *part, t *model.StandardText, whose string) {
		switch {
		case t == nil:
			p.add(model.Pos{}, "innebygd standardtekst om "+whose+" plikter")
		case t.Mode != model.ModeOmit:
			p.add(t.Pos, "standardteksten om "+whose+" plikter («mode: "+string(cmp.Or(t.Mode, model.ModeKeep))+"»)")
		}
	}
	standard(mun, a.Standard.Municipality, "kommunens")
	standard(nav, a.Standard.NAV, "NAV-kontorets")
	for _, g := range a.Duties {
		if len(g.Items) == 0 {
			continue
		}
		what := "pliktene til «" + nb().And(a.Names(g.OwnerIDs())) + "»"
		switch sideOf(a, g.Lead()) {
		case sideMunicipality:
			mun.add(g.Pos, what)
		case sideNAV:
			nav.add(g.Pos, what)
		}
	}
	c.tags(mun, "ansvar", only(sideMunicipality), nil)
	c.tags(nav, "ansvar", only(sideNAV), nil)
	f := finding("ansvar", "Ansvar og forpliktelser i introduksjonsprogrammet", true, mun, nav)
	for _, l := range a.Levels {
		f.Where = appendPos(f.Where, l.Pos)
		f.Details = append(f.Details, fmt.Sprintf("Ansvar på %s (linje %d).", nb().T("level."+string(l.Level)), l.Pos.Line))
	}
	return f
}

// goals: point 3, shared goals, result requirements and reporting, each
// from its list under «goals:»; duties and meetings tagged «mål» cover the
// goals.
func (c *checker) goals() Finding {
	g := c.a.Goals
	goals := &part{name: "felles mål", advice: "Legg til de felles målene under «goals: goals:»."}
	reqs := &part{name: "resultatkrav", advice: "Legg til resultatkravene under «goals: result_requirements:», for eksempel hvor mange som skal være i arbeid eller utdanning etter endt program."}
	rep := &part{name: "rapportering", advice: "Legg til rapporteringsrutinene under «goals: reporting:»: hvem rapporterer hva til hvem, og når."}
	list := func(p *part, key string, items []string) {
		if len(items) > 0 {
			p.add(g.At(key), fmt.Sprintf("«%s» med %d %s", key, len(items), plural(len(items), "punkt", "punkter")))
		}
	}
	list(goals, "goals", g.Goals)
	list(reqs, "result_requirements", g.Requirements)
	list(rep, "reporting", g.Reporting)
	c.tags(goals, "mål", nil, kwGoals)
	c.keywords(goals, kwGoals, "mål", nil)
	c.keywords(reqs, kwRequirements, "mål", nil)
	c.keywords(rep, kwReporting, "mål", nil)
	return finding("mål", "Felles mål, resultatkrav og rapportering", true, goals, reqs, rep)
}

// cooperation: point 4, how the units cooperate and how often they meet at
// leader level and at caseworker level: a meeting body of that level (its
// frequency is required by the model), or a level description under
// «levels:».
func (c *checker) cooperation() Finding {
	a := c.a
	leader := &part{name: "ledernivå",
		advice: "Legg til et møte under «meetings:» med «level: leder» og «frequency:», for eksempel «halvårlig (vår og høst)»."}
	worker := &part{name: "saksbehandlernivå",
		advice: "Legg til et møte under «meetings:» med «level: saksbehandler» eller «level: individ» og «frequency:», for eksempel «hver 14. dag» eller «ved behov»."}
	for _, m := range a.Meetings {
		what := "«" + m.Name + "», " + m.Frequency.String()
		switch m.Level {
		case model.LevelLeader:
			leader.add(m.Pos, what)
		case model.LevelCaseworker, model.LevelIndividual:
			worker.add(m.Pos, what)
		}
	}
	for _, l := range a.Levels {
		what := "ansvar på " + nb().T("level."+string(l.Level)) + " under «levels:»"
		switch l.Level {
		case model.LevelLeader:
			leader.add(l.Pos, what)
		default:
			worker.add(l.Pos, what)
		}
	}
	f := finding("samarbeid", "Samarbeid og møtehyppighet på leder- og saksbehandlernivå", true, leader, worker)
	for _, t := range c.src.tags {
		if t.has("samarbeid") && t.meeting == nil {
			f.Where = appendPos(f.Where, t.pos)
			f.Details = append(f.Details, fmt.Sprintf("Merket «samarbeid»: %s (linje %d).", t.label, t.pos.Line))
		}
	}
	return f
}

// sharing: point 5, routines for exchanging information about settlement,
// about each participant and about the labour market. Each is covered by an
// exchange or a duty or meeting with its topic; a consent routine under
// «information_sharing: consent» also covers participant information.
func (c *checker) sharing() Finding {
	settle := &part{name: "bosetting",
		advice: "Legg til under «information_sharing: exchanges:» et punkt med «topic: bosetting» og «what:» om kommunens planer for årlig bosetting og konkrete ankomster, med «when:» og «responsible:»."}
	person := &part{name: "informasjon om den enkelte deltaker",
		advice: "Legg til under «information_sharing: exchanges:» et punkt med «topic: deltakerinformasjon» og «what:» om hvilken informasjon om den enkelte deltakeren som deles, og når; beskriv samtykket under «consent:»."}
	market := &part{name: "arbeidsmarked, arbeidsgiveravtaler og tiltak",
		advice: "Legg til under «information_sharing: exchanges:» et punkt med «topic: arbeidsmarked» og «what:» om status på arbeidsmarkedet, samarbeidsavtaler med arbeidsgivere og aktuelle arbeidsmarkedstiltak fra NAV-kontoret."}
	c.tags(settle, "bosetting", nil, kwSettlement)
	c.tags(person, "deltakerinformasjon", nil, kwParticipant)
	if sh := c.a.Sharing; sh != nil && sh.Consent != "" {
		person.add(sh.At("consent"), "samtykkerutinen under «consent»")
	}
	c.tags(market, "arbeidsmarked", nil, kwLabourMarket)
	c.keywords(settle, kwSettlement, "bosetting", nil)
	c.keywords(person, kwParticipant, "deltakerinformasjon", nil)
	c.keywords(market, kwLabourMarket, "arbeidsmarked", nil)
	return finding("informasjon", "Rutiner for utveksling av informasjon", true, settle, person, market)
}

// transition: point 6, good transitions for participants who do not reach
// their goal and need further follow-up from NAV.
func (c *checker) transition() Finding {
	p := &part{name: "overganger",
		advice: "Legg til «transition:» med «text:» eller «items:» om hvordan deltakere som ikke når sluttmålet, får videre oppfølging fra NAV-kontoret, for eksempel et overføringsmøte i god tid før programslutt; eller merk en plikt eller et møte med «topics: [overgang]»."}
	if t := c.a.Transition; t != nil && (t.Title != "" || len(t.Text) > 0 || len(t.Items) > 0) {
		p.add(t.Pos, "«transition»")
	}
	c.tags(p, "overgang", nil, kwTransition)
	c.keywords(p, kwTransition, "overgang", nil)
	return finding("overgang", "Overganger for deltakere som ikke når sluttmålet", true, p)
}

// evaluation: point 7, regular evaluation of the cooperation and of the
// agreement. It needs both a place that says how it is evaluated («evaluation»,
// a meeting or duty tagged «evaluering», or the words) and that it is
// regular: a frequency of at least once a year on the evaluation or the
// evaluating meeting, a date for the next evaluation, or words such as
// «årlig» in the text that covers it.
func (c *checker) evaluation() Finding {
	a := c.a
	found := &part{name: "evaluering av samarbeidet og avtalen",
		advice: "Legg til «evaluation:» med «text:» om hvordan samarbeidet og avtalen evalueres, «frequency: årlig» og «responsible:»; eller merk ledermøtet med «topics: [evaluering]»."}
	regular := &part{name: "hvor ofte det evalueres",
		advice: "Skriv hvor ofte det evalueres: «frequency: årlig» under «evaluation:», eller «next_evaluation:» under «dates:»."}
	meetingRegular := func(m *model.Meeting) {
		if m != nil && m.Frequency.PerYear() >= 1 {
			regular.add(m.Pos, "«"+m.Name+"», "+m.Frequency.String())
		}
	}
	if e := a.Evaluation; e != nil {
		found.add(e.Pos, "«evaluation»")
		if e.Frequency.PerYear() >= 1 {
			regular.add(e.At("frequency"), "«frequency: "+e.Frequency.String()+"»")
		}
		for i, t := range e.Text {
			if _, ok := kwRegular.match(t); ok {
				regular.add(e.Item("text", i), "teksten under «evaluation»")
			}
		}
	}
	if d := a.Dates.NextEvaluation; !d.IsZero() {
		regular.add(a.Dates.At("next_evaluation"), "neste evaluering "+d.Norwegian())
	}
	for _, t := range c.src.tags {
		if t.has("evaluering") {
			found.add(t.pos, "merket «evaluering»: "+t.label)
			meetingRegular(t.meeting)
		}
	}
	for _, h := range c.keywords(found, kwEvaluation, "evaluering", nil) {
		meetingRegular(h.meeting)
		if _, ok := kwRegular.match(h.text); ok {
			regular.add(h.pos, "«"+short(h.text)+"»")
		}
	}
	f := finding("evaluering", "Regelmessig evaluering av samarbeidet og avtalen", true, found, regular)
	if f.Status == Missing {
		f.Advice = found.advice
	}
	return f
}

// optionalPoint is one of the points an agreement may contain.
type optionalPoint struct {
	topic  model.Topic
	title  string
	kw     keyword
	advice string
}

var optionalPoints = []optionalPoint{
	{"praksisplasser", "Oppgavefordeling for å skaffe praksisplasser", kwPlacements,
		"Valgfritt: beskriv hvem som skaffer praksisplasser, og merk plikten med «topics: [praksisplasser]»."},
	{"tiltak", "Oppfølging av deltakere i arbeidsmarkedstiltak", kwMeasures,
		"Valgfritt: beskriv hvem som følger opp deltakere i arbeidsmarkedstiltak, og merk plikten med «topics: [tiltak]»."},
	{"arbeidsgivere", "Oppfølging av arbeidsgivere", kwEmployers,
		"Valgfritt: beskriv hvem som følger opp arbeidsgivere, og merk plikten med «topics: [arbeidsgivere]»."},
}

func (c *checker) optional(o optionalPoint) Finding {
	p := &part{name: o.title, advice: o.advice}
	c.tags(p, o.topic, nil, o.kw)
	c.keywords(p, o.kw, o.topic, nil)
	return finding(string(o.topic), o.title, false, p)
}

// signature: the agreement should be signed by leaders. A signatory counts
// unless marked «leader_level: false». A missing NAV signatory is only a
// note: where the NAV office is a municipal–state partnership the
// municipality's directors may sign alone (seed 000 does).
func (c *checker) signature() Finding {
	a := c.a
	p := &part{name: "underskrift av ledere",
		advice: "Legg til «signatories:» med «name:» og «title:» for lederen i flyktningenheten og lederen i NAV-kontoret, som signerer avtalen og følger opp mål, resultatkrav og avvik."}
	nav := false
	for _, s := range a.Signatories {
		if sideOf(a, s.For) == sideNAV {
			nav = true
		}
		if s.Leader == nil || *s.Leader {
			p.add(s.Pos, signatoryLine(a, s))
		}
	}
	if len(a.Signatories) > 0 && !p.ok() {
		p.advice = "Avtalen bør signeres av ledere: legg til en leder under «signatories:», eller fjern «leader_level: false» der den som signerer, er leder."
	}
	f := finding(TopicSignature, "Underskrevet av ledere", true, p)
	if len(a.Signatories) > 0 && !nav {
		f.Details = append(f.Details, "Ingen signerer for NAV-kontoret. Det er i orden når NAV-kontoret er et partnerskap der kommunen signerer; ellers bør lederen av NAV-kontoret også signere (legg til en underskriver med «for:» lik NAV-kontorets id).")
	}
	return f
}

// signatoryLine names who signs: the name if there is one, the position,
// and the party signed for, e.g. «Kari Nordmann, kommunalsjef, for Eksempel
// kommune» or «Leder for flyktningetjenesten, for Åfjord kommune».
func signatoryLine(a *model.Agreement, s model.Signatory) string {
	var parts []string
	for _, v := range []string{s.Name, s.Title} {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	if s.For != "" {
		parts = append(parts, "for "+a.Name(s.For))
	}
	return strings.Join(parts, ", ")
}

// leaderMeeting: the leaders should meet at least once a year to evaluate
// the cooperation and set the course for the next year. «Ved behov» does
// not count: it promises no meeting at all.
func (c *checker) leaderMeeting() Finding {
	a := c.a
	p := &part{name: "møte på ledernivå minst én gang i året",
		advice: "Legg til et møte under «meetings:» med «level: leder» og «frequency: årlig» (eller oftere), innkalt av lederen i flyktningenheten, for å evaluere samarbeidet og legge føringer for neste års arbeid."}
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
		p.add(m.Pos, "«"+m.Name+"», "+m.Frequency.String())
		if sideOf(a, m.Convener) != sideMunicipality {
			foreign = append(foreign, "«"+m.Name+"»")
		}
	}
	if !p.ok() && len(asNeeded) > 0 {
		p.advice = fmt.Sprintf("%s holdes bare ved behov; sett «frequency:» til minst «årlig», for eksempel «årlig, innen april», eller legg til et eget ledermøte med fast hyppighet.", model.Capital(nb().And(asNeeded)))
	}
	f := finding(TopicLeaderMeeting, "Møte på ledernivå minst én gang i året", true, p)
	if p.ok() && len(foreign) == len(p.evidence) {
		f.Details = append(f.Details, fmt.Sprintf("Listen sier at ledelsen i flyktningenheten bør ta initiativ til ledermøtet, men %s innkalles ikke av kommunen («convener:»).", nb().And(foreign)))
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

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
