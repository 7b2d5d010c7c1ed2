package diff

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// Compare lists what changed from the old revision to the new one.
func Compare(old, new *model.Agreement) Report {
	d := &differ{old: old, new: new}
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
	return Report{Sections: d.sections}
}

type differ struct {
	old, new *model.Agreement
	sections []Section
}

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
		d.add(head+"satt til %s", append(values, new)...)
	case new == "":
		d.add(head+"fjernet (var %s)", append(values, old)...)
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

var (
	paragraphs = words{"nytt avsnitt", "avsnitt fjernet", "avsnitt endret"}
	points     = words{"nytt punkt", "punkt fjernet", "punkt endret"}
	dutyWords  = words{"ny plikt", "plikt fjernet", "plikt omformulert"}
	goalWords  = words{"nytt punkt", "punkt fjernet", "punkt omformulert"}
	tasks      = words{"ny oppgave", "oppgave fjernet", "oppgave omformulert"}
)

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
		d.add("%s: "+joined+" %s", subject, nb().And(in))
	}
	if len(out) > 0 {
		d.add("%s: "+left+" %s", subject, nb().And(out))
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
			d.set(what, "roller", nb().And(names(d.old, o.Roles)), nb().And(names(d.new, n.Roles)))
		}
		d.set(what, "temaer", nb().And(strs(o.Topics)), nb().And(strs(n.Topics)))
		d.set(what, "lovhenvisninger", nb().And(strs(o.Refs)), nb().And(strs(n.Refs)))
		d.set(what, "gjelder deltakere etter", nb().And(strs(o.Basis)), nb().And(strs(n.Basis)))
	}
}

func (d *differ) agreement() {
	o, n := d.old, d.new
	d.section("Avtalen")
	d.set("Type", "", kindWord(o.Type), kindWord(n.Type))
	d.setQuoted("Tittel", "", o.Title, n.Title)
	d.setQuoted("Undertittel", "", o.Subtitle, n.Subtitle)
	d.set("Kommune", "", o.Municipality, n.Municipality)
	d.set("Versjon", "", o.Version, n.Version)
	d.set("Sted", "", o.Place, n.Place)
	d.set("Lovgrunnlag", "", nb().And(strs(o.LegalBasis)), nb().And(strs(n.LegalBasis)))
	d.set("Gyldig fra", "", o.Dates.ValidFrom.Norwegian(), n.Dates.ValidFrom.Norwegian())
	d.set("Signert", "", o.Dates.Signed.Norwegian(), n.Dates.Signed.Norwegian())
	d.set("Sist revidert", "", o.Dates.Revised.Norwegian(), n.Dates.Revised.Norwegian())
	d.set("Neste evaluering", "", o.Dates.NextEvaluation.Norwegian(), n.Dates.NextEvaluation.Norwegian())
}

func (d *differ) texts() {
	o, n := d.old, d.new
	d.section("Innledning, bakgrunn og formål")
	d.list("Innledning", paragraphs, o.Introduction, n.Introduction)
	d.list("Bakgrunn", paragraphs, o.Background, n.Background)
	d.list("Formål", paragraphs, o.Purpose, n.Purpose)
	d.section("Mål, resultatkrav og rapportering")
	d.list("Mål", goalWords, o.Goals.Goals, n.Goals.Goals)
	d.list("Resultatkrav", goalWords, o.Goals.Requirements, n.Goals.Requirements)
	d.list("Rapportering", goalWords, o.Goals.Reporting, n.Goals.Reporting)
}

func (d *differ) parties() {
	o, n := d.old, d.new
	d.section("Parter")
	for _, p := range pairBy(o.Parties, n.Parties, func(x model.Party) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Parties[p.n]
			d.add("Ny part: %s (%s)", x.Name, string(x.Kind))
		case p.n < 0:
			d.add("Part fjernet: %s", o.Parties[p.o].Name)
		default:
			a, b := o.Parties[p.o], n.Parties[p.n]
			d.renamed("Parten %s har fått nytt navn: %s", a.Name, b.Name)
			d.set(b.Name, "type", string(a.Kind), string(b.Kind))
		}
	}
	d.section("Enheter")
	for _, p := range pairBy(o.Units, n.Units, func(x model.Unit) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Units[p.n]
			d.add("Ny enhet: %s (under %s)", x.Name, n.Name(x.Party))
		case p.n < 0:
			d.add("Enhet fjernet: %s", o.Units[p.o].Name)
		default:
			a, b := o.Units[p.o], n.Units[p.n]
			// a unit that bears its party's name is renamed with it, once
			if pa, pb := o.Party(a.Party), n.Party(b.Party); pa == nil || pb == nil || norm(pa.Name) != norm(a.Name) || norm(pb.Name) != norm(b.Name) {
				d.renamed("Enheten %s har fått nytt navn: %s", a.Name, b.Name)
			}
			d.set(b.Name, "forkortelse", a.Short, b.Short)
			d.setRef(b.Name, "hører til", a.Party, b.Party)
			d.setQuoted(b.Name, "beskrivelse", a.Description, b.Description)
		}
	}
	d.section("Roller")
	for _, p := range pairBy(o.Roles, n.Roles, func(x model.Role) model.ID { return x.ID }) {
		switch {
		case p.o < 0:
			x := n.Roles[p.n]
			d.add("Ny rolle: %s (i %s)", x.Name, n.Name(x.Unit))
		case p.n < 0:
			d.add("Rolle fjernet: %s", o.Roles[p.o].Name)
		default:
			a, b := o.Roles[p.o], n.Roles[p.n]
			d.renamed("Rollen %s har fått nytt navn: %s", a.Name, b.Name)
			d.setRef(b.Name, "hører til", a.Unit, b.Unit)
			d.set(b.Name, "funksjon", string(a.Kind), string(b.Kind))
			d.setQuoted(b.Name, "beskrivelse", a.Description, b.Description)
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
	d.section("Kontaktpersoner")
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
			d.add("Ny kontaktperson: %s (%s)", x.Label(), position(x.Title, n.Name(x.Role), n.Name(x.Unit)))
		case p.n < 0:
			d.add("Kontaktperson fjernet: %s", o.Contacts[p.o].Label())
		default:
			a, b := o.Contacts[p.o], n.Contacts[p.n]
			if norm(a.Name) != norm(b.Name) {
				d.set("Kontaktperson som "+position(b.Title, n.Name(b.Role), n.Name(b.Unit)), "", a.Name, b.Name)
			}
			d.set(b.Name, "stilling", a.Title, b.Title)
			d.setRef(b.Name, "rolle", a.Role, b.Role)
			d.setRef(b.Name, "enhet", a.Unit, b.Unit)
			d.set(b.Name, "telefon", a.Phone, b.Phone)
			d.set(b.Name, "e-post", a.Email, b.Email)
			d.set(b.Name, "følger opp informasjonsutvekslingen", yesNo(a.FollowsUpSharing), yesNo(b.FollowsUpSharing))
		}
	}
	d.section("Underskrivere")
	sigName := func(s model.Signatory) string { return norm(s.Name) }
	sigPos := func(s model.Signatory) string { return norm(s.Title) }
	ps = byKey(mapAll(o.Signatories, sigName), mapAll(n.Signatories, sigName))
	ps = refine(ps, mapAll(o.Signatories, sigPos), mapAll(n.Signatories, sigPos))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Signatories[p.n]
			d.add("Ny underskriver: %s", position(x.Name, x.Title))
		case p.n < 0:
			x := o.Signatories[p.o]
			d.add("Underskriver fjernet: %s", position(x.Name, x.Title))
		default:
			a, b := o.Signatories[p.o], n.Signatories[p.n]
			if norm(a.Name) != norm(b.Name) {
				d.set("Underskriver som "+b.Title, "", a.Name, b.Name)
			}
			s := cmp.Or(b.Name, b.Title)
			d.set(s, "stilling", a.Title, b.Title)
			d.setRef(s, "signerer for", a.For, b.For)
			d.set(s, "leder", yesNo(a.Leader == nil || *a.Leader), yesNo(b.Leader == nil || *b.Leader))
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
	d.section("Ansvar og myndighet")
	d.setQuoted("Innledning", "", o.Intro, n.Intro)
	holder := func(x model.Delegation) string { return norm(x.Holder) }
	for _, p := range byKey(mapAll(o.Delegations, holder), mapAll(n.Delegations, holder)) {
		switch {
		case p.o < 0:
			x := n.Delegations[p.n]
			d.add("Ny delegering: %s: %s", x.Holder, x.Scope)
		case p.n < 0:
			x := o.Delegations[p.o]
			d.add("Delegering fjernet: %s: %s", x.Holder, x.Scope)
		default:
			a, b := o.Delegations[p.o], n.Delegations[p.n]
			d.setQuoted(b.Holder, "ansvar og myndighet", a.Scope, b.Scope)
		}
	}
	d.list("Avslutning", paragraphs, o.Closing, n.Closing)
}

func (d *differ) standard() {
	o, n := d.old.Standard, d.new.Standard
	d.section("Standardtekster")
	texts := []struct {
		name string
		a, b *model.StandardText
	}{
		{"Kommunens plikter", o.Municipality, n.Municipality},
		{"NAV-kontorets plikter", o.NAV, n.NAV},
		{"Fylkeskommunens plikter", o.County, n.County},
		{"Informasjonsdeling", o.Sharing, n.Sharing},
	}
	for _, t := range texts {
		a, b := deref(t.a), deref(t.b)
		d.set(t.name, "", modeWord(a.Mode), modeWord(b.Mode))
		d.setQuoted(t.name, "overskrift", a.Title, b.Title)
		d.setQuoted(t.name, "innledning", a.Intro, b.Intro)
		d.dutyList(t.name, points, a.Items, b.Items)
		d.list(t.name, paragraphs, a.After, b.After)
	}
}

func (d *differ) duties() {
	o, n := d.old, d.new
	d.section("Plikter")
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
			subject = nb().And(o.Names(a.OwnerIDs()))
		}
		if p.n >= 0 {
			b = n.Duties[p.n]
			subject = nb().And(n.Names(b.OwnerIDs()))
		}
		d.setQuoted(subject, "overskrift", a.Title, b.Title)
		d.setQuoted(subject, "innledning", a.Intro, b.Intro)
		d.dutyList(subject, dutyWords, a.Items, b.Items)
	}
}

func (d *differ) levels() {
	o, n := d.old, d.new
	d.section("Ansvar på leder- og saksbehandlernivå")
	level := func(l model.LevelDuties) model.ID { return model.ID(l.Level) }
	for _, p := range pairBy(o.Levels, n.Levels, level) {
		var a, b model.LevelDuties
		if p.o >= 0 {
			a = o.Levels[p.o]
		}
		if p.n >= 0 {
			b = n.Levels[p.n]
		}
		subject := model.Capital(nb().T("level." + string(cmp.Or(b.Level, a.Level))))
		d.dutyList(subject, points, a.Items, b.Items)
	}
}

func (d *differ) meetings() {
	o, n := d.old, d.new
	d.section("Møter")
	id := func(m model.Meeting) model.ID { return m.ID }
	for _, p := range pairBy(o.Meetings, n.Meetings, id) {
		switch {
		case p.o < 0:
			x := n.Meetings[p.n]
			d.add("Nytt møte: %s (%s, %s)", x.Name, nb().T("level."+string(x.Level)), x.Frequency.String())
			continue
		case p.n < 0:
			d.add("Møte fjernet: %s", o.Meetings[p.o].Name)
			continue
		}
		a, b := o.Meetings[p.o], n.Meetings[p.n]
		d.renamed("Møtet %s har fått nytt navn: %s", a.Name, b.Name)
		s := b.Name
		d.set(s, "nivå", nb().T("level."+string(a.Level)), nb().T("level."+string(b.Level)))
		d.set(s, "hyppighet", a.Frequency.String(), b.Frequency.String())
		d.setRef(s, "innkaller", a.Convener, b.Convener)
		d.memberRefs(s, "nye deltakere", "deltakere tatt ut", a.Participants, b.Participants)
		d.members(s, "nye andre deltakere", "andre deltakere tatt ut", normAll(a.Others), normAll(b.Others))
		d.list(s, words{"nytt avsnitt i formålet", "avsnitt fjernet fra formålet", "formålet endret"}, a.Purpose, b.Purpose)
		d.setRef(s, "saksliste", a.Agenda, b.Agenda)
		d.setRef(s, "referat", a.Minutes, b.Minutes)
		d.setRef(s, "løfter saker til", a.EscalatesTo, b.EscalatesTo)
		d.members(s, "nye temaer", "temaer tatt ut", strs(a.Topics), strs(b.Topics))
		d.set(s, "faste tidspunkter", schedule(a.Schedule), schedule(b.Schedule))
	}
}

// schedule describes a meeting's fixed times in a few words.
func schedule(s *model.Schedule) string {
	if s == nil {
		return ""
	}
	var parts []string
	if s.Weekday.Set {
		parts = append(parts, s.Weekday.String())
	}
	if !s.Start.IsZero() {
		parts = append(parts, "fra "+s.Start.Norwegian())
	}
	if len(s.Months) > 0 {
		parts = append(parts, nb().And(months(s.Months)))
	}
	if s.Day != 0 {
		parts = append(parts, "den "+strconv.Itoa(s.Day)+".")
	}
	if s.Time.Set {
		parts = append(parts, "kl. "+s.Time.String())
	}
	if s.Minutes != 0 {
		parts = append(parts, strconv.Itoa(s.Minutes)+" minutter")
	}
	if s.Place != "" {
		parts = append(parts, s.Place)
	}
	return strings.Join(parts, ", ")
}

func (d *differ) sharing() {
	o, n := deref(d.old.Sharing), deref(d.new.Sharing)
	d.section("Informasjonsdeling")
	d.list("Innledning", paragraphs, o.Intro, n.Intro)
	d.setQuoted("Samtykke", "", o.Consent, n.Consent)
	d.members("Kanaler", "nye", "tatt ut", normAll(o.Channels), normAll(n.Channels))
	what := func(e model.Exchange) string { return e.What }
	topic := func(e model.Exchange) string { return string(e.Topic) + "|" + norm(e.What) }
	ps := byKey(mapAll(o.Exchanges, topic), mapAll(n.Exchanges, topic))
	ps = bySimilarity(ps, mapAll(o.Exchanges, what), mapAll(n.Exchanges, what))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Exchanges[p.n]
			d.add("Ny utveksling (%s): %s", string(x.Topic), q(x.What))
			continue
		case p.n < 0:
			x := o.Exchanges[p.o]
			d.add("Utveksling fjernet (%s): %s", string(x.Topic), q(x.What))
			continue
		}
		a, b := o.Exchanges[p.o], n.Exchanges[p.n]
		if norm(a.What) != norm(b.What) {
			d.add("Utveksling omformulert (%s): %s → %s", string(b.Topic), q(a.What), q(b.What))
		}
		s := "Utvekslingen " + q(short(b.What))
		d.set(s, "tema", string(a.Topic), string(b.Topic))
		d.set(s, "når", a.When, b.When)
		d.setRef(s, "ansvarlig", a.Responsible, b.Responsible)
	}
}

func (d *differ) transition() {
	o, n := deref(d.old.Transition), deref(d.new.Transition)
	d.section("Overgang ved programslutt")
	d.setQuoted("Overgang", "overskrift", o.Title, n.Title)
	d.list("Overgang", paragraphs, o.Text, n.Text)
	d.dutyList("Overgang", points, o.Items, n.Items)
}

func (d *differ) evaluation() {
	o, n := deref(d.old.Evaluation), deref(d.new.Evaluation)
	d.section("Evaluering")
	d.setQuoted("Evaluering", "overskrift", o.Title, n.Title)
	d.list("Evaluering", paragraphs, o.Text, n.Text)
	d.set("Evaluering", "hyppighet", o.Frequency.String(), n.Frequency.String())
	d.setRef("Evaluering", "ansvarlig", o.Responsible, n.Responsible)
}

func (d *differ) clauses() {
	o, n := d.old.Clauses, d.new.Clauses
	d.section("Tilleggspunkter")
	title := func(c model.Clause) string { return norm(c.Title) }
	whole := func(c model.Clause) string { return c.Title + "\n" + strings.Join(c.Text, "\n") }
	ps := bySimilarity(byKey(mapAll(o, title), mapAll(n, title)), mapAll(o, whole), mapAll(n, whole))
	for _, p := range ps {
		switch {
		case p.o < 0:
			d.add("Nytt tilleggspunkt: %s", q(n[p.n].Title))
		case p.n < 0:
			d.add("Tilleggspunkt fjernet: %s", q(o[p.o].Title))
		default:
			a, b := o[p.o], n[p.n]
			d.renamed("Tilleggspunktet %s har fått ny tittel: %s", q(a.Title), q(b.Title))
			d.list(q(b.Title), paragraphs, a.Text, b.Text)
		}
	}
}

func (d *differ) validity() {
	o, n := deref(d.old.Validity), deref(d.new.Validity)
	d.section("Avtaleperiode og reforhandling")
	d.setQuoted("Avtaleperiode", "overskrift", o.Title, n.Title)
	d.list("Avtaleperiode", paragraphs, o.Text, n.Text)
	d.list("Reforhandling", paragraphs, o.Renegotiation, n.Renegotiation)
}

func (d *differ) routines() {
	o, n := d.old, d.new
	d.section("Rutinebeskrivelser")
	role := func(r model.Routine) model.ID { return r.Role }
	for _, p := range pairBy(o.Routines, n.Routines, role) {
		switch {
		case p.o < 0:
			d.add("Ny rutinebeskrivelse for %s", n.Name(n.Routines[p.n].Role))
			continue
		case p.n < 0:
			d.add("Rutinebeskrivelse fjernet for %s", o.Name(o.Routines[p.o].Role))
			continue
		}
		a, b := o.Routines[p.o], n.Routines[p.n]
		s := "Rutinen for " + n.Name(b.Role)
		d.setQuoted(s, "overskrift", a.Title, b.Title)
		d.list(s, paragraphs, a.Intro, b.Intro)
		title := func(x model.RoutineSection) string { return norm(x.Title) }
		whole := func(x model.RoutineSection) string { return x.Title + "\n" + strings.Join(x.Items, "\n") }
		ps := bySimilarity(byKey(mapAll(a.Sections, title), mapAll(b.Sections, title)), mapAll(a.Sections, whole), mapAll(b.Sections, whole))
		for _, sp := range ps {
			switch {
			case sp.o < 0:
				d.add("%s: nytt punkt %s", s, q(b.Sections[sp.n].Title))
			case sp.n < 0:
				d.add("%s: punkt fjernet %s", s, q(a.Sections[sp.o].Title))
			default:
				x, y := a.Sections[sp.o], b.Sections[sp.n]
				if norm(x.Title) != norm(y.Title) {
					d.add("%s: punktet %s har fått ny tittel %s", s, q(x.Title), q(y.Title))
				}
				ss := s + ", punktet " + q(y.Title)
				d.list(ss, paragraphs, x.Intro, y.Intro)
				d.list(ss, tasks, x.Items, y.Items)
				d.list(ss, paragraphs, x.Closing, y.Closing)
			}
		}
		d.list(s, paragraphs, a.Closing, b.Closing)
	}
}

func (d *differ) checklists() {
	o, n := d.old.Checklists, d.new.Checklists
	d.section("Sjekklister")
	id := func(c model.Checklist) model.ID { return c.ID }
	for _, p := range pairBy(o.Lists, n.Lists, id) {
		switch {
		case p.o < 0:
			d.add("Ny sjekkliste: %s", n.Lists[p.n].Title)
		case p.n < 0:
			d.add("Sjekkliste fjernet: %s", o.Lists[p.o].Title)
		default:
			a, b := o.Lists[p.o], n.Lists[p.n]
			d.renamed("Sjekklisten %s har fått ny tittel: %s", a.Title, b.Title)
			d.setQuoted(b.Title, "innledning", a.Intro, b.Intro)
		}
	}
	item := func(c model.ItemChange) model.ID { return c.Item }
	for _, p := range pairBy(o.Changes, n.Changes, item) {
		switch {
		case p.o < 0:
			x := n.Changes[p.n]
			d.add("Det innebygde punktet %s endres: %s", string(x.Item), itemChange(d.new, x))
		case p.n < 0:
			d.add("Det innebygde punktet %s er tilbake som før", string(o.Changes[p.o].Item))
		default:
			a, b := o.Changes[p.o], n.Changes[p.n]
			d.set("Det innebygde punktet "+string(b.Item), "", itemChange(d.old, a), itemChange(d.new, b))
		}
	}
	text := func(c model.ChecklistItem) string { return c.Text }
	list := func(c model.ChecklistItem) string { return string(c.List) + "|" + norm(c.Text) }
	ps := bySimilarity(byKey(mapAll(o.Items, list), mapAll(n.Items, list)), mapAll(o.Items, text), mapAll(n.Items, text))
	for _, p := range ps {
		switch {
		case p.o < 0:
			x := n.Items[p.n]
			d.add("%s: nytt punkt %s", listName(d.new, x.List), q(x.Text))
		case p.n < 0:
			x := o.Items[p.o]
			d.add("%s: punkt fjernet %s", listName(d.old, x.List), q(x.Text))
		default:
			a, b := o.Items[p.o], n.Items[p.n]
			s := listName(d.new, b.List)
			if norm(a.Text) != norm(b.Text) {
				d.add("%s: punkt omformulert %s → %s", s, q(a.Text), q(b.Text))
			}
			s += ", " + q(short(b.Text))
			d.set(s, "sjekkliste", listName(d.old, a.List), listName(d.new, b.List))
			d.set(s, "del av møtet", string(a.Phase), string(b.Phase))
			d.setRef(s, "ansvarlig", a.Role, b.Role)
			d.set(s, "frist", a.Deadline.String(), b.Deadline.String())
			d.set(s, "lovhenvisninger", nb().And(strs(a.Refs)), nb().And(strs(b.Refs)))
		}
	}
}

// listName names a checklist: the file's own by its title, a built-in one
// by its id.
func listName(a *model.Agreement, id model.ID) string {
	for _, l := range a.Checklists.Lists {
		if l.ID == id {
			return "Sjekklisten " + l.Title
		}
	}
	return "Sjekklisten " + string(id)
}

func itemChange(a *model.Agreement, c model.ItemChange) string {
	var parts []string
	if c.Off {
		parts = append(parts, "tatt ut")
	}
	if c.Text != "" {
		parts = append(parts, "ny tekst "+q(c.Text))
	}
	if c.Role != "" {
		parts = append(parts, "ansvarlig "+a.Name(c.Role))
	}
	if !c.Deadline.IsZero() {
		parts = append(parts, "frist "+c.Deadline.String())
	}
	return strings.Join(parts, ", ")
}

func (d *differ) revisions() {
	o, n := d.old.Revisions, d.new.Revisions
	d.section("Revisjoner")
	version := func(r model.Revision) string { return norm(r.Version) }
	for _, p := range byKey(mapAll(o, version), mapAll(n, version)) {
		switch {
		case p.o < 0:
			x := n[p.n]
			d.add("Ny revisjon: versjon %s (%s)", x.Version, x.Date.Norwegian())
		case p.n < 0:
			d.add("Revisjon fjernet: versjon %s", o[p.o].Version)
		default:
			a, b := o[p.o], n[p.n]
			s := "Versjon " + b.Version
			d.set(s, "dato", a.Date.Norwegian(), b.Date.Norwegian())
			d.list(s, words{"ny endring", "endring fjernet", "endring omformulert"}, a.Changes, b.Changes)
			d.set(s, "godkjent av", a.ApprovedBy, b.ApprovedBy)
		}
	}
}

func (d *differ) calendar() {
	o, n := deref(d.old.Calendar), deref(d.new.Calendar)
	d.section("Årshjul")
	d.set("Årshjulet", "år", year(o.Year), year(n.Year))
	name := func(b model.Break) string { return norm(b.Name) }
	for _, p := range byKey(mapAll(o.Breaks, name), mapAll(n.Breaks, name)) {
		switch {
		case p.o < 0:
			x := n.Breaks[p.n]
			d.add("Ny periode uten møter: %s (%s)", x.Name, period(x))
		case p.n < 0:
			d.add("Periode uten møter fjernet: %s", o.Breaks[p.o].Name)
		default:
			d.set(n.Breaks[p.n].Name, "", period(o.Breaks[p.o]), period(n.Breaks[p.n]))
		}
	}
}

func period(b model.Break) string {
	return b.From.Norwegian() + " – " + b.To.Norwegian()
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

func months(ms []model.Month) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
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

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nei"
}

func kindWord(k model.Kind) string {
	switch k {
	case model.KindRoutine:
		return "samarbeidsrutine"
	case model.KindAgreement, "":
		return "samarbeidsavtale"
	}
	return string(k)
}

func modeWord(m model.TextMode) string {
	if m == "" {
		return string(model.ModeKeep)
	}
	return string(m)
}

// nb is the bokmål language pack; the report's own sentences are bokmål
// until they move into the pack too.
func nb() *lang.Pack { return lang.Builtin(lang.Default) }
