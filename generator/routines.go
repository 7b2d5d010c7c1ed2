package generator

import (
	"cmp"
	"slices"
	"strings"

	"samarbeid/generator/checklist"
	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
	"samarbeid/generator/render"
)

// routineTemplate fills one role's routine sheet.
const routineTemplate = "rutine.md.tmpl"

// routineView is what rutine.md.tmpl is filled from: everything the
// agreement asks of one role.
type routineView struct {
	Agreement *model.Agreement
	Title     string
	Role      *model.Role
	Unit      *model.Unit
	Party     *model.Party
	Duties    []dutyGroup
	Routines  []model.Routine
	// Convenes are the meetings the role convenes, Attends those it takes
	// part in, directly or through its unit.
	Convenes   []meetingTask
	Attends    []meetingTask
	Checklists []checklist.List
	Contacts   []contactGroup
	Laws       []actRefs
}

// dutyGroup is the role's duties from one part of the agreement.
type dutyGroup struct {
	Title string
	Items []model.Duty
}

// meetingTask is a meeting and what it asks of the role, as Markdown.
type meetingTask struct {
	Meeting model.Meeting
	Task    string
}

// contactGroup is the contact persons at one party.
type contactGroup struct {
	Party    string
	Contacts []model.Contact
}

// actRefs is the provisions of one Act that the role's duties cite.
type actRefs struct {
	Act  law.Act
	Refs []law.Ref
}

// routineSheets builds rutiner/<role-id>.md for every role the agreement
// gives something to do; a role with nothing gets no sheet.
func (g *builder) routineSheets() ([]document, error) {
	lists, err := g.checklists()
	if err != nil {
		return nil, err
	}
	view, err := g.agreementView()
	if err != nil {
		return nil, err
	}
	var docs []document
	for i := range g.a.Roles {
		v := g.routineView(&g.a.Roles[i], lists, view)
		if !v.hasTasks() {
			continue
		}
		md, err := g.r.Execute(routineTemplate, g.a, v)
		if err != nil {
			return nil, err
		}
		docs = append(docs, document{
			path:     "rutiner/" + string(v.Role.ID),
			markdown: md,
			pdf:      g.deskDocument(v.Title, g.lang.T("routine.subject"), routineTemplate),
			web:      true,
		})
	}
	return docs, nil
}

func (g *builder) routineView(r *model.Role, lists []checklist.List, view render.AgreementView) routineView {
	a := g.a
	v := routineView{Agreement: a, Role: r, Unit: a.Unit(r.Unit), Party: a.PartyOf(r.ID)}
	if v.Unit != nil && v.Party != nil && v.Unit.Name == v.Party.Name {
		v.Party = nil // «NAV Andøy» is both the office and the party
	}
	for _, rt := range a.Routines {
		if rt.Role == r.ID {
			v.Routines = append(v.Routines, rt)
		}
	}
	v.Title = g.lang.T("routine.title", model.Natural(r.Name))
	if len(v.Routines) > 0 && v.Routines[0].Title != "" {
		v.Title = v.Routines[0].Title
	}
	v.Duties = withoutRepeats(roleDuties(a, r.ID, view, g.lang), v.Routines)
	v.Convenes, v.Attends = roleMeetings(a, r, g.lang)
	for _, l := range lists {
		if mine, ok := l.For(r.ID); ok {
			v.Checklists = append(v.Checklists, mine)
		}
	}
	v.Contacts = contactsByParty(a, neededContacts(a, r, slices.Concat(v.Convenes, v.Attends)))
	v.Laws = lawsOf(g.a, v.Duties, v.Checklists)
	return v
}

func (v routineView) hasTasks() bool {
	return len(v.Duties) > 0 || len(v.Routines) > 0 || len(v.Convenes) > 0 || len(v.Attends) > 0 || len(v.Checklists) > 0
}

// roleDuties are the duties the file assigns to role, grouped by where the
// agreement states them. The built-in standard duties belong to parties,
// not roles, and are left out.
func roleDuties(a *model.Agreement, role model.ID, view render.AgreementView, p *lang.Pack) []dutyGroup {
	var out []dutyGroup
	add := func(title string, items []model.Duty, owners ...model.ID) {
		var mine []model.Duty
		for _, d := range items {
			if (slices.Contains(d.Roles, role) || len(d.Roles) == 0 && belongsToAny(a, role, owners)) && a.Covers(d.Basis) {
				mine = append(mine, d)
			}
		}
		if len(mine) > 0 {
			out = append(out, dutyGroup{Title: title, Items: mine})
		}
	}
	// The file's own items in a standard text, under the title the
	// agreement gives that text; a text left out (nil block) is skipped.
	standard := []struct {
		file  *model.StandardText
		block *render.TextBlock
	}{
		{a.Standard.Municipality, view.MunicipalityText}, {a.Standard.NAV, view.NAVText},
		{a.Standard.County, view.CountyText}, {a.Standard.Sharing, view.SharingText},
	}
	for _, s := range standard {
		if s.file != nil && s.block != nil {
			add(s.block.Title, s.file.Items)
		}
	}
	for _, grp := range a.Duties {
		// A group several owners share gives its duties to each owner's
		// roles; a one-owner group only to the roles its duties name.
		add(cmp.Or(grp.Title, p.And(a.Names(grp.OwnerIDs()))), grp.Items, grp.Owners...)
	}
	for _, l := range a.Levels {
		add(model.Capital(p.T("level."+string(l.Level))), l.Items)
	}
	if t := a.Transition; t != nil {
		add(cmp.Or(t.Title, p.T("agreement.heading.transition")), t.Items)
	}
	return out
}

// withoutRepeats leaves out a duty that an earlier group or the role's own
// routine already states in the same words, and the groups left empty.
func withoutRepeats(groups []dutyGroup, routines []model.Routine) []dutyGroup {
	said := map[string]bool{}
	for _, rt := range routines {
		for _, sec := range rt.Sections {
			for _, t := range slices.Concat(sec.Intro, sec.Items, sec.Closing) {
				said[strings.Join(model.Sentences(t), ". ")] = true
			}
		}
	}
	var out []dutyGroup
	for _, g := range groups {
		var items []model.Duty
		for _, d := range g.Items {
			key := strings.Join(model.Sentences(d.Text), ". ")
			if !said[key] {
				items = append(items, d)
				said[key] = true
			}
		}
		if len(items) > 0 {
			out = append(out, dutyGroup{Title: g.Title, Items: items})
		}
	}
	return out
}

// belongsToAny reports whether role lies under one of owners.
func belongsToAny(a *model.Agreement, role model.ID, owners []model.ID) bool {
	return slices.ContainsFunc(owners, func(o model.ID) bool { return a.BelongsTo(role, o) })
}

// roleMeetings splits the meetings that concern role into those it
// convenes and those it attends, each with what it asks of the role.
func roleMeetings(a *model.Agreement, r *model.Role, p *lang.Pack) (convenes, attends []meetingTask) {
	for _, m := range a.Meetings {
		switch {
		case m.Convener == r.ID:
			convenes = append(convenes, meetingTask{m, convenerTask(a, m, r.ID, p)})
		case slices.Contains(m.Participants, r.ID) || slices.Contains(m.Participants, r.Unit) || m.Agenda == r.ID || m.Minutes == r.ID:
			attends = append(attends, meetingTask{m, attendeeTask(a, m, r, p)})
		}
	}
	return convenes, attends
}

// convenerTask says what convening a meeting asks of the role beyond what
// the sheet says once for all of them (it calls the meeting, sets the
// agenda and sees to the minutes): who else sets the agenda or writes the
// minutes, and where unresolved matters go. One «Label: value» per line.
func convenerTask(a *model.Agreement, m model.Meeting, role model.ID, p *lang.Pack) string {
	var lines []string
	if m.Agenda != "" && m.Agenda != role {
		lines = append(lines, label(p, "meeting.agenda", render.Inline(a.Name(m.Agenda))))
	}
	if m.Minutes != "" && m.Minutes != role {
		lines = append(lines, label(p, "meeting.minutes", render.Inline(a.Name(m.Minutes))))
	}
	return strings.Join(append(lines, escalation(a, m, p)...), "  \n")
}

// attendeeTask says what a meeting asks of a role that does not convene it.
func attendeeTask(a *model.Agreement, m model.Meeting, r *model.Role, p *lang.Pack) string {
	lines := []string{label(p, "meeting.convener", render.Inline(a.Name(m.Convener)))}
	if !slices.Contains(m.Participants, r.ID) && slices.Contains(m.Participants, r.Unit) {
		lines = append(lines, label(p, "routine.attends_for", render.Inline(a.Name(r.Unit))))
	}
	if m.Agenda == r.ID {
		lines = append(lines, label(p, "meeting.agenda", p.T("routine.you")))
	}
	if m.Minutes == r.ID {
		lines = append(lines, label(p, "meeting.minutes", p.T("routine.you")))
	}
	return strings.Join(lines, "  \n")
}

// label is «Label: value» with the label from p.
func label(p *lang.Pack, key, value string) string { return p.T(key) + ": " + value }

func escalation(a *model.Agreement, m model.Meeting, p *lang.Pack) []string {
	if m.EscalatesTo == "" {
		return nil
	}
	return []string{label(p, "meeting.escalates_to", render.Inline(a.Name(m.EscalatesTo)))}
}

// contactsByParty groups the contact persons that need allows by the party
// they work for, in the order of the parties.
func contactsByParty(a *model.Agreement, need func(model.Contact) bool) []contactGroup {
	var out []contactGroup
	for _, p := range a.Parties {
		g := contactGroup{Party: p.Name}
		for _, c := range a.Contacts {
			if party := a.PartyOf(cmp.Or(c.Role, c.Unit)); party != nil && party.ID == p.ID && need(c) {
				g.Contacts = append(g.Contacts, c)
			}
		}
		if len(g.Contacts) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// neededContacts tells which contact persons, with their phone numbers and
// e-mail addresses, a role's sheet lists: the contact of its own unit (or
// a unit above it), those it meets in its meetings, and, when it is
// responsible for an exchange of information, those who follow the
// exchange up. Not the role's own, and not everyone's.
func neededContacts(a *model.Agreement, r *model.Role, meetings []meetingTask) func(model.Contact) bool {
	var met []model.ID
	for _, t := range meetings {
		m := t.Meeting
		met = append(met, m.Convener, m.Agenda, m.Minutes)
		met = append(met, m.Participants...)
	}
	shares := false
	if a.Sharing != nil {
		for _, e := range a.Sharing.Exchanges {
			shares = shares || e.Responsible != "" && a.BelongsTo(r.ID, e.Responsible)
		}
	}
	return func(c model.Contact) bool {
		if c.Role == r.ID {
			return false
		}
		if shares && c.FollowsUpSharing || c.Role == "" && a.BelongsTo(r.ID, c.Unit) {
			return true
		}
		id := cmp.Or(c.Role, c.Unit)
		for _, m := range met {
			if m != "" && m != r.ID && (a.BelongsTo(id, m) || a.BelongsTo(m, id)) {
				return true
			}
		}
		return false
	}
}

// lawsOf collects the provisions behind the role's duties and checklist
// items that the agreement cites, by Act, in the order of the law table.
func lawsOf(a *model.Agreement, duties []dutyGroup, lists []checklist.List) []actRefs {
	var refs []model.LawRef
	for _, g := range duties {
		for _, d := range g.Items {
			refs = append(refs, d.Refs...)
		}
	}
	for _, l := range lists {
		for _, g := range l.Groups {
			for _, it := range g.Items {
				refs = append(refs, it.Refs...)
			}
		}
	}
	order := law.Keys()
	slices.SortStableFunc(refs, func(x, y model.LawRef) int {
		return slices.Index(order, string(x)) - slices.Index(order, string(y))
	})
	var out []actRefs
	for _, lr := range refs {
		ref := lr.Ref()
		if !a.Cites(ref) {
			continue
		}
		i := slices.IndexFunc(out, func(x actRefs) bool { return x.Act == ref.Act })
		if i < 0 {
			out = append(out, actRefs{Act: ref.Act})
			i = len(out) - 1
		}
		if !slices.Contains(out[i].Refs, ref) {
			out[i].Refs = append(out[i].Refs, ref)
		}
	}
	return out
}
