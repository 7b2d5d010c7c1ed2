package diff

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// Compare lists what changed from the old revision to the new one, in the
// words of the built-in pack of the new one's målform.
func Compare(old, new *model.Agreement) Report { return CompareIn(old, new, packFor(new)) }

// CompareIn is Compare in the words of the pack p.
func CompareIn(old, new *model.Agreement, p *lang.Pack) Report {
	d := &differ{old: old, new: new, p: p}
	d.agreement()
	d.texts()
	d.parties()
	d.people()
	d.authority()
	d.standard()
	d.duties()
	d.levels()
	d.meetings()
	d.sharing()
	d.transition()
	d.evaluation()
	d.clauses()
	d.validity()
	d.routines()
	d.checklists()
	d.revisions()
	d.calendar()
	return Report{Sections: d.sections, none: d.p.T("diff.none")}
}

type differ struct {
	old, new *model.Agreement
	// p is the language pack of the report: the newer file's målform.
	p        *lang.Pack
	sections []Section
}

// packFor is the built-in pack of the file's language, bokmål when the
// file names none or one that is not built in.
func packFor(a *model.Agreement) *lang.Pack {
	if p := lang.Builtin(string(a.Language)); p != nil {
		return p
	}
	return lang.Builtin(lang.Default)
}

// t is the report's text with the given key under «diff.», unfilled: a
// format for add, or a word.
func (d *differ) t(key string) string { return d.p.T("diff." + key) }

// date is a date in words in the report's language.
func (d *differ) date(x model.Date) string { return d.p.Date(x.Time) }

// section starts the group of changes under a heading; a group that gets
// no changes is left out of the report.
func (d *differ) section(title string) {
	d.sections = append(d.sections, Section{Title: title})
}

func (d *differ) add(format string, values ...string) {
	s := &d.sections[len(d.sections)-1]
	s.Changes = append(s.Changes, change(format, values...))
}

// set reports a changed value: «subject: label old → new», or that it was
// set or removed. The label may be empty.
func (d *differ) set(subject, label, old, new string) {
	old, new = norm(old), norm(new)
	if old == new {
		return
	}
	head, values := "%s: ", []string{subject}
	if label != "" {
		head += "%s "
		values = append(values, label)
	}
	switch {
	case old == "":
		d.add(head+d.t("set"), append(values, new)...)
	case new == "":
		d.add(head+d.t("unset"), append(values, old)...)
	default:
		d.add(head+"%s → %s", append(values, old, new)...)
	}
}

// setQuoted is set for prose, which is easier to read in «».
// setRef reports a reference that points elsewhere, by the names of what
// it points at. A reference to the same id is no change, even when what it
// points at was renamed: the rename is reported once, where it happened.
func (d *differ) setRef(subject, label string, old, new model.ID) {
	if old == new {
		return
	}
	d.set(subject, label, optName(d.old, old), optName(d.new, new))
}

// memberRefs reports the ids that joined and left a list, by name; a
// renamed member is no change.
func (d *differ) memberRefs(subject, joined, left string, old, new []model.ID) {
	var in, out []string
	for _, id := range new {
		if !slices.Contains(old, id) {
			in = append(in, d.new.Name(id))
		}
	}
	for _, id := range old {
		if !slices.Contains(new, id) {
			out = append(out, d.old.Name(id))
		}
	}
	d.members(subject, joined, left, out, in)
}

func (d *differ) setQuoted(subject, label, old, new string) {
	d.set(subject, label, q(old), q(new))
}

// words say what a list of texts holds, for the lines about it.
type words struct{ add, del, mod string }

// words are the words of a list of texts, diff.words.<key> in the pack:
// added, removed, reworded.
func (d *differ) words(key string) words {
	l := d.p.List("diff.words." + key)
	for len(l) < 3 {
		l = append(l, "[diff.words."+key+"]")
	}
	return words{l[0], l[1], l[2]}
}

// list reports the texts added, removed and reworded in a list of texts.
func (d *differ) list(subject string, w words, old, new []string) {
	for _, p := range byText(old, new) {
		switch {
		case p.o < 0:
			d.add("%s: "+w.add+" %s", subject, q(new[p.n]))
		case p.n < 0:
			d.add("%s: "+w.del+" %s", subject, q(old[p.o]))
		case norm(old[p.o]) != norm(new[p.n]):
			d.add("%s: "+w.mod+" %s → %s", subject, q(old[p.o]), q(new[p.n]))
		}
	}
}

// members reports what joined and left a set of names.
func (d *differ) members(subject, joined, left string, old, new []string) {
	var in, out []string
	for _, n := range new {
		if !slices.Contains(old, n) && !slices.Contains(in, n) {
			in = append(in, n)
		}
	}
	for _, o := range old {
		if !slices.Contains(new, o) && !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	if len(in) > 0 {
		d.add("%s: "+joined+" %s", subject, d.p.And(in))
	}
	if len(out) > 0 {
		d.add("%s: "+left+" %s", subject, d.p.And(out))
	}
}

// duties reports changes in a list of duties: the wording, and the roles,
// topics and references each is tagged with.
func (d *differ) dutyList(subject string, w words, old, new []model.Duty) {
	texts := func(ds []model.Duty) []string {
		out := make([]string, len(ds))
		for i, x := range ds {
			out[i] = x.Text
		}
		return out
	}
	ot, nt := texts(old), texts(new)
	for _, p := range byText(ot, nt) {
		switch {
		case p.o < 0:
			d.add("%s: "+w.add+" %s", subject, q(nt[p.n]))
			continue
		case p.n < 0:
			d.add("%s: "+w.del+" %s", subject, q(ot[p.o]))
			continue
		case norm(ot[p.o]) != norm(nt[p.n]):
			d.add("%s: "+w.mod+" %s → %s", subject, q(ot[p.o]), q(nt[p.n]))
		}
		o, n := old[p.o], new[p.n]
		what := subject + ", " + q(short(n.Text))
		if !slices.Equal(o.Roles, n.Roles) {
			d.set(what, d.t("label.roles"), d.p.And(names(d.old, o.Roles)), d.p.And(names(d.new, n.Roles)))
		}
		d.set(what, d.t("label.topics"), d.p.And(strs(o.Topics)), d.p.And(strs(n.Topics)))
		d.set(what, d.t("label.refs"), d.p.And(strs(o.Refs)), d.p.And(strs(n.Refs)))
		d.set(what, d.t("label.basis"), d.p.And(strs(o.Basis)), d.p.And(strs(n.Basis)))
	}
}

func (d *differ) agreement() {
	o, n := d.old, d.new
	d.section(d.t("heading.agreement"))
	d.set(d.t("subject.type"), "", d.kindWord(o.Type), d.kindWord(n.Type))
	d.setQuoted(d.t("subject.title"), "", o.Title, n.Title)
	d.setQuoted(d.t("subject.subtitle"), "", o.Subtitle, n.Subtitle)
	d.set(d.t("subject.municipality"), "", o.Municipality, n.Municipality)
	d.set(d.t("subject.version"), "", o.Version, n.Version)
	d.set(d.t("subject.place"), "", o.Place, n.Place)
	d.set(d.t("subject.legal_basis"), "", d.p.And(strs(o.LegalBasis)), d.p.And(strs(n.LegalBasis)))
	d.set(d.t("subject.valid_from"), "", d.date(o.Dates.ValidFrom), d.date(n.Dates.ValidFrom))
	d.set(d.t("subject.signed"), "", d.date(o.Dates.Signed), d.date(n.Dates.Signed))
	d.set(d.t("subject.revised"), "", d.date(o.Dates.Revised), d.date(n.Dates.Revised))
	d.set(d.t("subject.next_evaluation"), "", d.date(o.Dates.NextEvaluation), d.date(n.Dates.NextEvaluation))
}

func (d *differ) texts() {
	o, n := d.old, d.new
	d.section(d.t("heading.texts"))
	d.list(d.t("subject.introduction"), d.words("paragraph"), o.Introduction, n.Introduction)
	d.list(d.t("subject.background"), d.words("paragraph"), o.Background, n.Background)
	d.list(d.t("subject.purpose"), d.words("paragraph"), o.Purpose, n.Purpose)
	d.section(d.t("heading.goals"))
	d.list(d.t("subject.goals"), d.words("goal"), o.Goals.Goals, n.Goals.Goals)
	d.list(d.t("subject.requirements"), d.words("goal"), o.Goals.Requirements, n.Goals.Requirements)
	d.list(d.t("subject.reporting"), d.words("goal"), o.Goals.Reporting, n.Goals.Reporting)
}

func (d *differ) parties() {
	o, n := d.old, d.new
	d.section(d.t("heading.parties"))
	for _, p := range pairBy(o.Parties, n.Parties, func(x model.Party) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Parties[p.n]
			d.add(d.t("line.new_party"), x.Name, string(x.Kind))
		case p.n < 0:
			d.add(d.t("line.party_removed"), o.Parties[p.o].Name)
		default:
			a, b := o.Parties[p.o], n.Parties[p.n]
			d.renamed(d.t("line.party_renamed"), a.Name, b.Name)
			d.set(b.Name, d.t("label.type"), string(a.Kind), string(b.Kind))
		}
	}
	d.section(d.t("heading.units"))
	for _, p := range pairBy(o.Units, n.Units, func(x model.Unit) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Units[p.n]
			d.add(d.t("line.new_unit"), x.Name, n.Name(x.Party))
		case p.n < 0:
			d.add(d.t("line.unit_removed"), o.Units[p.o].Name)
		default:
			a, b := o.Units[p.o], n.Units[p.n]
			// a unit that bears its party's name is renamed with it, once
			if pa, pb := o.Party(a.Party), n.Party(b.Party); pa == nil || pb == nil || norm(pa.Name) != norm(a.Name) || norm(pb.Name) != norm(b.Name) {
				d.renamed(d.t("line.unit_renamed"), a.Name, b.Name)
			}
			d.set(b.Name, d.t("label.short"), a.Short, b.Short)
			d.setRef(b.Name, d.t("label.belongs_to"), a.Party, b.Party)
			d.setQuoted(b.Name, d.t("label.description"), a.Description, b.Description)
		}
	}
	d.section(d.t("heading.roles"))
	for _, p := range pairBy(o.Roles, n.Roles, func(x model.Role) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Roles[p.n]
			d.add(d.t("line.new_role"), x.Name, n.Name(x.Unit))
		case p.n < 0:
			d.add(d.t("line.role_removed"), o.Roles[p.o].Name)
		default:
			a, b := o.Roles[p.o], n.Roles[p.n]
			d.renamed(d.t("line.role_renamed"), a.Name, b.Name)
			d.setRef(b.Name, d.t("label.belongs_to"), a.Unit, b.Unit)
			d.set(b.Name, d.t("label.function"), string(a.Kind), string(b.Kind))
			d.setQuoted(b.Name, d.t("label.description"), a.Description, b.Description)
		}
	}
}

func (d *differ) renamed(format, old, new string) {
	if norm(old) != norm(new) {
		d.add(format, old, new)
	}
}

// people reports contact persons and signatories, matched by name and then
// by position: a new person in the same position is a replacement.
func (d *differ) people() {
	o, n := d.old, d.new
	d.section(d.t("heading.contacts"))
	contactName := func(c model.Contact) string { return norm(c.Label()) }
	contactPos := func(a *model.Agreement) func(c model.Contact) string {
		return func(c model.Contact) string { return positionKey(c.Title, a.Name(c.Role), a.Name(c.Unit)) }
	}
	ps := byKey(mapAll(o.Contacts, contactName), mapAll(n.Contacts, contactName))
	ps = refine(ps, mapAll(o.Contacts, contactPos(o)), mapAll(n.Contacts, contactPos(n)))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Contacts[p.n]
			d.add(d.t("line.new_contact"), x.Label(), position(x.Title, n.Name(x.Role), n.Name(x.Unit)))
		case p.n < 0:
			d.add(d.t("line.contact_removed"), o.Contacts[p.o].Label())
		default:
			a, b := o.Contacts[p.o], n.Contacts[p.n]
			if norm(a.Name) != norm(b.Name) {
				d.set(d.p.T("diff.subject.contact_as", position(b.Title, n.Name(b.Role), n.Name(b.Unit))), "", a.Name, b.Name)
			}
			d.set(b.Name, d.t("label.position"), a.Title, b.Title)
			d.setRef(b.Name, d.t("label.role"), a.Role, b.Role)
			d.setRef(b.Name, d.t("label.unit"), a.Unit, b.Unit)
			d.set(b.Name, d.t("label.phone"), a.Phone, b.Phone)
			d.set(b.Name, d.t("label.email"), a.Email, b.Email)
			d.set(b.Name, d.t("label.follows_up"), d.yesNo(a.FollowsUpSharing), d.yesNo(b.FollowsUpSharing))
		}
	}
	d.section(d.t("heading.signatories"))
	sigName := func(s model.Signatory) string { return norm(s.Name) }
	sigPos := func(s model.Signatory) string { return norm(s.Title) }
	ps = byKey(mapAll(o.Signatories, sigName), mapAll(n.Signatories, sigName))
	ps = refine(ps, mapAll(o.Signatories, sigPos), mapAll(n.Signatories, sigPos))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Signatories[p.n]
			d.add(d.t("line.new_signatory"), position(x.Name, x.Title))
		case p.n < 0:
			x := o.Signatories[p.o]
			d.add(d.t("line.signatory_removed"), position(x.Name, x.Title))
		default:
			a, b := o.Signatories[p.o], n.Signatories[p.n]
			if norm(a.Name) != norm(b.Name) {
				d.set(d.p.T("diff.subject.signatory_as", b.Title), "", a.Name, b.Name)
			}
			s := cmp.Or(b.Name, b.Title)
			d.set(s, d.t("label.position"), a.Title, b.Title)
			d.setRef(s, d.t("label.signs_for"), a.For, b.For)
			d.set(s, d.t("label.leader"), d.yesNo(a.Leader == nil || *a.Leader), d.yesNo(b.Leader == nil || *b.Leader))
		}
	}
}

func positionKey(parts ...string) string {
	if strings.Join(parts, "") == "" {
		return ""
	}
	return norm(strings.Join(parts, "|"))
}

// position describes where a person works, e.g. «Programrådgiver, Flyktningtjenesten».
func position(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

func (d *differ) authority() {
	o, n := deref(d.old.Authority), deref(d.new.Authority)
	d.section(d.t("heading.authority"))
	d.setQuoted(d.t("subject.introduction"), "", o.Intro, n.Intro)
	holder := func(x model.Delegation) string { return norm(x.Holder) }
	for _, p := range byKey(mapAll(o.Delegations, holder), mapAll(n.Delegations, holder)) {
		switch {
		case p.o < 0:
			x := n.Delegations[p.n]
			d.add(d.t("line.new_delegation"), x.Holder, x.Scope)
		case p.n < 0:
			x := o.Delegations[p.o]
			d.add(d.t("line.delegation_removed"), x.Holder, x.Scope)
		default:
			a, b := o.Delegations[p.o], n.Delegations[p.n]
			d.setQuoted(b.Holder, d.t("label.scope"), a.Scope, b.Scope)
		}
	}
	d.list(d.t("subject.closing"), d.words("paragraph"), o.Closing, n.Closing)
}

func (d *differ) standard() {
	o, n := d.old.Standard, d.new.Standard
	d.section(d.t("heading.standard"))
	texts := []struct {
		name string
		a, b *model.StandardText
	}{
		{d.t("subject.std_municipality"), o.Municipality, n.Municipality},
		{d.t("subject.std_nav"), o.NAV, n.NAV},
		{d.t("subject.std_county"), o.County, n.County},
		{d.t("subject.std_sharing"), o.Sharing, n.Sharing},
	}
	for _, t := range texts {
		a, b := deref(t.a), deref(t.b)
		d.set(t.name, "", modeWord(a.Mode), modeWord(b.Mode))
		d.setQuoted(t.name, d.t("label.heading"), a.Title, b.Title)
		d.setQuoted(t.name, d.t("label.intro"), a.Intro, b.Intro)
		d.dutyList(t.name, d.words("point"), a.Items, b.Items)
		d.list(t.name, d.words("paragraph"), a.After, b.After)
	}
}

func (d *differ) duties() {
	o, n := d.old, d.new
	d.section(d.t("heading.duties"))
	owner := func(g model.DutyGroup) model.ID {
		ids := make([]string, 0, 1)
		for _, id := range g.OwnerIDs() {
			ids = append(ids, string(id))
		}
		return model.ID(strings.Join(ids, " "))
	}
	for _, p := range pairBy(o.Duties, n.Duties, owner) {
		var a, b model.DutyGroup
		subject := ""
		if p.o >= 0 {
			a = o.Duties[p.o]
			subject = d.p.And(o.Names(a.OwnerIDs()))
		}
		if p.n >= 0 {
			b = n.Duties[p.n]
			subject = d.p.And(n.Names(b.OwnerIDs()))
		}
		d.setQuoted(subject, d.t("label.heading"), a.Title, b.Title)
		d.setQuoted(subject, d.t("label.intro"), a.Intro, b.Intro)
		d.dutyList(subject, d.words("duty"), a.Items, b.Items)
	}
}

func (d *differ) levels() {
	o, n := d.old, d.new
	d.section(d.t("heading.levels"))
	level := func(l model.LevelDuties) model.ID { return model.ID(l.Level) }
	for _, p := range pairBy(o.Levels, n.Levels, level) {
		var a, b model.LevelDuties
		if p.o >= 0 {
			a = o.Levels[p.o]
		}
		if p.n >= 0 {
			b = n.Levels[p.n]
		}
		subject := model.Capital(d.p.T("level." + string(cmp.Or(b.Level, a.Level))))
		d.dutyList(subject, d.words("point"), a.Items, b.Items)
	}
}

func (d *differ) meetings() {
	o, n := d.old, d.new
	d.section(d.t("heading.meetings"))
	id := func(m model.Meeting) model.ID { return m.ID }
	for _, p := range pairBy(o.Meetings, n.Meetings, id) {
		switch {
		case p.o < 0:
			x := n.Meetings[p.n]
			d.add(d.t("line.new_meeting"), x.Name, d.p.T("level."+string(x.Level)), x.Frequency.String())
			continue
		case p.n < 0:
			d.add(d.t("line.meeting_removed"), o.Meetings[p.o].Name)
			continue
		}
		a, b := o.Meetings[p.o], n.Meetings[p.n]
		d.renamed(d.t("line.meeting_renamed"), a.Name, b.Name)
		s := b.Name
		d.set(s, d.t("label.level"), d.p.T("level."+string(a.Level)), d.p.T("level."+string(b.Level)))
		d.set(s, d.t("label.frequency"), a.Frequency.String(), b.Frequency.String())
		d.setRef(s, d.t("label.convener"), a.Convener, b.Convener)
		d.memberRefs(s, d.t("members.participants_in"), d.t("members.participants_out"), a.Participants, b.Participants)
		d.members(s, d.t("members.others_in"), d.t("members.others_out"), normAll(a.Others), normAll(b.Others))
		d.list(s, d.words("purpose"), a.Purpose, b.Purpose)
		d.setRef(s, d.t("label.agenda"), a.Agenda, b.Agenda)
		d.setRef(s, d.t("label.minutes"), a.Minutes, b.Minutes)
		d.setRef(s, d.t("label.escalates"), a.EscalatesTo, b.EscalatesTo)
		d.members(s, d.t("members.topics_in"), d.t("members.topics_out"), strs(a.Topics), strs(b.Topics))
		d.set(s, d.t("label.schedule"), d.schedule(a.Schedule), d.schedule(b.Schedule))
	}
}

// schedule describes a meeting's fixed times in a few words.
func (d *differ) schedule(s *model.Schedule) string {
	if s == nil {
		return ""
	}
	var parts []string
	if s.Weekday.Set {
		parts = append(parts, d.p.Weekday(s.Weekday.Day))
	}
	if !s.Start.IsZero() {
		parts = append(parts, d.p.T("diff.schedule.from", d.date(s.Start)))
	}
	if len(s.Months) > 0 {
		parts = append(parts, d.p.And(d.months(s.Months)))
	}
	if s.Day != 0 {
		parts = append(parts, d.p.T("diff.schedule.day", s.Day))
	}
	if s.Time.Set {
		parts = append(parts, d.p.T("diff.schedule.time", s.Time.String()))
	}
	if s.Minutes != 0 {
		parts = append(parts, d.p.T("diff.schedule.minutes", s.Minutes))
	}
	if s.Place != "" {
		parts = append(parts, s.Place)
	}
	return strings.Join(parts, ", ")
}

func (d *differ) sharing() {
	o, n := deref(d.old.Sharing), deref(d.new.Sharing)
	d.section(d.t("heading.sharing"))
	d.list(d.t("subject.introduction"), d.words("paragraph"), o.Intro, n.Intro)
	d.setQuoted(d.t("subject.consent"), "", o.Consent, n.Consent)
	d.members(d.t("subject.channels"), d.t("members.channels_in"), d.t("members.channels_out"), normAll(o.Channels), normAll(n.Channels))
	what := func(e model.Exchange) string { return e.What }
	topic := func(e model.Exchange) string { return string(e.Topic) + "|" + norm(e.What) }
	ps := byKey(mapAll(o.Exchanges, topic), mapAll(n.Exchanges, topic))
	ps = bySimilarity(ps, mapAll(o.Exchanges, what), mapAll(n.Exchanges, what))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Exchanges[p.n]
			d.add(d.t("line.new_exchange"), string(x.Topic), q(x.What))
			continue
		case p.n < 0:
			x := o.Exchanges[p.o]
			d.add(d.t("line.exchange_removed"), string(x.Topic), q(x.What))
			continue
		}
		a, b := o.Exchanges[p.o], n.Exchanges[p.n]
		if norm(a.What) != norm(b.What) {
			d.add(d.t("line.exchange_reworded"), string(b.Topic), q(a.What), q(b.What))
		}
		s := d.p.T("diff.subject.exchange", q(short(b.What)))
		d.set(s, d.t("label.topic"), string(a.Topic), string(b.Topic))
		d.set(s, d.t("label.when"), a.When, b.When)
		d.setRef(s, d.t("label.responsible"), a.Responsible, b.Responsible)
	}
}

func (d *differ) transition() {
	o, n := deref(d.old.Transition), deref(d.new.Transition)
	d.section(d.t("heading.transition"))
	d.setQuoted(d.t("subject.transition"), d.t("label.heading"), o.Title, n.Title)
	d.list(d.t("subject.transition"), d.words("paragraph"), o.Text, n.Text)
	d.dutyList(d.t("subject.transition"), d.words("point"), o.Items, n.Items)
}

func (d *differ) evaluation() {
	o, n := deref(d.old.Evaluation), deref(d.new.Evaluation)
	d.section(d.t("heading.evaluation"))
	d.setQuoted(d.t("subject.evaluation"), d.t("label.heading"), o.Title, n.Title)
	d.list(d.t("subject.evaluation"), d.words("paragraph"), o.Text, n.Text)
	d.set(d.t("subject.evaluation"), d.t("label.frequency"), o.Frequency.String(), n.Frequency.String())
	d.setRef(d.t("subject.evaluation"), d.t("label.responsible"), o.Responsible, n.Responsible)
}

func (d *differ) clauses() {
	o, n := d.old.Clauses, d.new.Clauses
	d.section(d.t("heading.clauses"))
	title := func(c model.Clause) string { return norm(c.Title) }
	whole := func(c model.Clause) string { return c.Title + "\n" + strings.Join(c.Text, "\n") }
	ps := bySimilarity(byKey(mapAll(o, title), mapAll(n, title)), mapAll(o, whole), mapAll(n, whole))
	for _, p := range ps {
		switch {
		case p.o < 0:
			d.add(d.t("line.new_clause"), q(n[p.n].Title))
		case p.n < 0:
			d.add(d.t("line.clause_removed"), q(o[p.o].Title))
		default:
			a, b := o[p.o], n[p.n]
			d.renamed(d.t("line.clause_renamed"), q(a.Title), q(b.Title))
			d.list(q(b.Title), d.words("paragraph"), a.Text, b.Text)
		}
	}
}

func (d *differ) validity() {
	o, n := deref(d.old.Validity), deref(d.new.Validity)
	d.section(d.t("heading.validity"))
	d.setQuoted(d.t("subject.validity"), d.t("label.heading"), o.Title, n.Title)
	d.list(d.t("subject.validity"), d.words("paragraph"), o.Text, n.Text)
	d.list(d.t("subject.renegotiation"), d.words("paragraph"), o.Renegotiation, n.Renegotiation)
}

func (d *differ) routines() {
	o, n := d.old, d.new
	d.section(d.t("heading.routines"))
	role := func(r model.Routine) model.ID { return r.Role }
	for _, p := range pairBy(o.Routines, n.Routines, role) {
		switch {
		case p.o < 0:
			d.add(d.t("line.new_routine"), n.Name(n.Routines[p.n].Role))
			continue
		case p.n < 0:
			d.add(d.t("line.routine_removed"), o.Name(o.Routines[p.o].Role))
			continue
		}
		a, b := o.Routines[p.o], n.Routines[p.n]
		s := d.p.T("diff.subject.routine", n.Name(b.Role))
		d.setQuoted(s, d.t("label.heading"), a.Title, b.Title)
		d.list(s, d.words("paragraph"), a.Intro, b.Intro)
		title := func(x model.RoutineSection) string { return norm(x.Title) }
		whole := func(x model.RoutineSection) string { return x.Title + "\n" + strings.Join(x.Items, "\n") }
		ps := bySimilarity(byKey(mapAll(a.Sections, title), mapAll(b.Sections, title)), mapAll(a.Sections, whole), mapAll(b.Sections, whole))
		for _, sp := range ps {
			switch {
			case sp.o < 0:
				d.add(d.t("line.new_routine_point"), s, q(b.Sections[sp.n].Title))
			case sp.n < 0:
				d.add(d.t("line.routine_point_removed"), s, q(a.Sections[sp.o].Title))
			default:
				x, y := a.Sections[sp.o], b.Sections[sp.n]
				if norm(x.Title) != norm(y.Title) {
					d.add(d.t("line.routine_point_renamed"), s, q(x.Title), q(y.Title))
				}
				ss := d.p.T("diff.subject.routine_point", s, q(y.Title))
				d.list(ss, d.words("paragraph"), x.Intro, y.Intro)
				d.list(ss, d.words("task"), x.Items, y.Items)
				d.list(ss, d.words("paragraph"), x.Closing, y.Closing)
			}
		}
		d.list(s, d.words("paragraph"), a.Closing, b.Closing)
	}
}

func (d *differ) checklists() {
	o, n := d.old.Checklists, d.new.Checklists
	d.section(d.t("heading.checklists"))
	id := func(c model.Checklist) model.ID { return c.ID }
	for _, p := range pairBy(o.Lists, n.Lists, id) {
		switch {
		case p.o < 0:
			d.add(d.t("line.new_checklist"), n.Lists[p.n].Title)
		case p.n < 0:
			d.add(d.t("line.checklist_removed"), o.Lists[p.o].Title)
		default:
			a, b := o.Lists[p.o], n.Lists[p.n]
			d.renamed(d.t("line.checklist_renamed"), a.Title, b.Title)
			d.setQuoted(b.Title, d.t("label.intro"), a.Intro, b.Intro)
		}
	}
	item := func(c model.ItemChange) model.ID { return c.Item }
	for _, p := range pairBy(o.Changes, n.Changes, item) {
		switch {
		case p.o < 0:
			x := n.Changes[p.n]
			d.add(d.t("line.item_changed"), string(x.Item), d.itemChange(d.new, x))
		case p.n < 0:
			d.add(d.t("line.item_restored"), string(o.Changes[p.o].Item))
		default:
			a, b := o.Changes[p.o], n.Changes[p.n]
			d.set(d.p.T("diff.subject.builtin_item", string(b.Item)), "", d.itemChange(d.old, a), d.itemChange(d.new, b))
		}
	}
	text := func(c model.ChecklistItem) string { return c.Text }
	list := func(c model.ChecklistItem) string { return string(c.List) + "|" + norm(c.Text) }
	ps := bySimilarity(byKey(mapAll(o.Items, list), mapAll(n.Items, list)), mapAll(o.Items, text), mapAll(n.Items, text))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Items[p.n]
			d.add(d.t("line.new_item"), d.listName(d.new, x.List), q(x.Text))
		case p.n < 0:
			x := o.Items[p.o]
			d.add(d.t("line.item_removed"), d.listName(d.old, x.List), q(x.Text))
		default:
			a, b := o.Items[p.o], n.Items[p.n]
			s := d.listName(d.new, b.List)
			if norm(a.Text) != norm(b.Text) {
				d.add(d.t("line.item_reworded"), s, q(a.Text), q(b.Text))
			}
			s += ", " + q(short(b.Text))
			d.set(s, d.t("label.checklist"), d.listName(d.old, a.List), d.listName(d.new, b.List))
			d.set(s, d.t("label.phase"), string(a.Phase), string(b.Phase))
			d.setRef(s, d.t("label.responsible"), a.Role, b.Role)
			d.set(s, d.t("label.deadline"), a.Deadline.In(d.p), b.Deadline.In(d.p))
			d.set(s, d.t("label.refs"), d.p.And(strs(a.Refs)), d.p.And(strs(b.Refs)))
		}
	}
}

// listName names a checklist: the file's own by its title, a built-in one
// by its id.
func (d *differ) listName(a *model.Agreement, id model.ID) string {
	for _, l := range a.Checklists.Lists {
		if l.ID == id {
			return d.p.T("diff.subject.checklist", l.Title)
		}
	}
	return d.p.T("diff.subject.checklist", string(id))
}

func (d *differ) itemChange(a *model.Agreement, c model.ItemChange) string {
	var parts []string
	if c.Off {
		parts = append(parts, d.t("item.off"))
	}
	if c.Text != "" {
		parts = append(parts, d.p.T("diff.item.text", q(c.Text)))
	}
	if c.Role != "" {
		parts = append(parts, d.p.T("diff.item.role", a.Name(c.Role)))
	}
	if !c.Deadline.IsZero() {
		parts = append(parts, d.p.T("diff.item.deadline", c.Deadline.In(d.p)))
	}
	return strings.Join(parts, ", ")
}

func (d *differ) revisions() {
	o, n := d.old.Revisions, d.new.Revisions
	d.section(d.t("heading.revisions"))
	version := func(r model.Revision) string { return norm(r.Version) }
	for _, p := range byKey(mapAll(o, version), mapAll(n, version)) {
		switch {
		case p.o < 0:
			x := n[p.n]
			d.add(d.t("line.new_revision"), x.Version, d.date(x.Date))
		case p.n < 0:
			d.add(d.t("line.revision_removed"), o[p.o].Version)
		default:
			a, b := o[p.o], n[p.n]
			s := d.p.T("diff.subject.revision", b.Version)
			d.set(s, d.t("label.date"), d.date(a.Date), d.date(b.Date))
			d.list(s, d.words("change"), a.Changes, b.Changes)
			d.set(s, d.t("label.approved_by"), a.ApprovedBy, b.ApprovedBy)
		}
	}
}

func (d *differ) calendar() {
	o, n := deref(d.old.Calendar), deref(d.new.Calendar)
	d.section(d.t("heading.calendar"))
	d.set(d.t("subject.calendar"), d.t("label.year"), year(o.Year), year(n.Year))
	name := func(b model.Break) string { return norm(b.Name) }
	for _, p := range byKey(mapAll(o.Breaks, name), mapAll(n.Breaks, name)) {
		switch {
		case p.o < 0:
			x := n.Breaks[p.n]
			d.add(d.t("line.new_break"), x.Name, d.period(x))
		case p.n < 0:
			d.add(d.t("line.break_removed"), o.Breaks[p.o].Name)
		default:
			d.set(n.Breaks[p.n].Name, "", d.period(o.Breaks[p.o]), d.period(n.Breaks[p.n]))
		}
	}
}

func (d *differ) period(b model.Break) string {
	return d.date(b.From) + " – " + d.date(b.To)
}

func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// helpers

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// pairBy pairs old and new items by the id key gives them.
func pairBy[T any](olds, news []T, key func(T) model.ID) []pair {
	return byKey(keys(olds, key), keys(news, key))
}

func keys[T any](items []T, key func(T) model.ID) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = string(key(x))
	}
	return out
}

func mapAll[T any](items []T, f func(T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = f(x)
	}
	return out
}

func strs[T ~string](items []T) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = string(x)
	}
	return out
}

func (d *differ) months(ms []model.Month) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = d.p.Month(int(m))
	}
	return out
}

func names(a *model.Agreement, ids []model.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = a.Name(id)
	}
	return out
}

// optName is the name of the thing an optional reference points at.
func optName(a *model.Agreement, id model.ID) string {
	if id == "" {
		return ""
	}
	return a.Name(id)
}

// q puts prose in Norwegian quotation marks.
func q(s string) string {
	if norm(s) == "" {
		return ""
	}
	return "«" + norm(s) + "»"
}

// short cuts a long text to its first words, to name it in a line.
func short(s string) string {
	s = norm(s)
	r := []rune(s)
	if len(r) <= 50 {
		return s
	}
	cut := string(r[:50])
	if i := strings.LastIndex(cut, " "); i > 20 {
		cut = cut[:i]
	}
	return cut + " …"
}

func (d *differ) yesNo(b bool) string {
	if b {
		return d.t("flag_yes")
	}
	return d.t("flag_no")
}

func (d *differ) kindWord(k model.Kind) string {
	switch k {
	case model.KindRoutine, model.KindAgreement:
		return d.p.T("kind." + string(k) + ".name")
	case "":
		return d.p.T("kind." + string(model.KindAgreement) + ".name")
	}
	return string(k)
}

func modeWord(m model.TextMode) string {
	if m == "" {
		return string(model.ModeKeep)
	}
	return string(m)
}
