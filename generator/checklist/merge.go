package checklist

import (
	"cmp"
	"slices"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// List is one checklist of the bundle, with the file's changes applied.
type List struct {
	ID    string
	Title string
	Intro string
	// Event is what the list's deadlines count from, e.g. «bosettingen»;
	// empty for a file's own list.
	Event string
	// Meeting is the meeting body the list is for, or nil.
	Meeting *model.Meeting
	Groups  []Group
}

// Group is the items of one phase, under its heading; the group of items
// without a phase has no heading and comes first.
type Group struct {
	Title string
	Items []Item
}

// Item is one task to tick off.
type Item struct {
	// ID is the built-in item's id, empty for the file's own items.
	ID   string
	Text string
	// Roles are who does it, as ids of the file (roles, units or parties).
	Roles []model.ID
	// Generic names who does it when the file has no role for it.
	Generic  string
	Deadline model.Deadline
	Refs     []model.LawRef
	// Chore marks an item every meeting has (invitation, agenda, minutes),
	// which a routine sheet sums up in one sentence rather than repeating.
	Chore bool
}

// Has reports whether id is among the item's responsible roles.
func (it Item) Has(id model.ID) bool { return slices.Contains(it.Roles, id) }

// For is the list cut down to the items role has, leaving out meeting
// chores, and whether there are any.
func (l List) For(role model.ID) (List, bool) {
	out := l
	out.Groups = nil
	for _, g := range l.Groups {
		var items []Item
		for _, it := range g.Items {
			if it.Has(role) && !it.Chore {
				items = append(items, it)
			}
		}
		if len(items) > 0 {
			out.Groups = append(out.Groups, Group{Title: g.Title, Items: items})
		}
	}
	return out, len(out.Groups) > 0
}

// Merge builds the bundle's checklists: the events of a participant's course,
// one per meeting body, the evaluation, then the file's own lists, each with
// the built-in items that apply to the agreement, changed as the file says,
// and the file's own items. Lists left without items are dropped. a is
// expected to have passed Validate. In the built-in texts, {avtalen}
// becomes p's word for the document, «avtalen» or «rutinen».
func Merge(a *model.Agreement, b *Builtin, p *lang.Pack) []List {
	m := merger{a: a, b: b, changes: map[string]model.ItemChange{}, doc: p.T("kind." + string(a.Type) + ".doc")}
	for _, c := range a.Checklists.Changes {
		m.changes[string(c.Item)] = c
	}
	var out []List
	for _, def := range b.Lists {
		if def.ID != MeetingList {
			out = m.add(out, m.list(def, def.ID, m.expand(def.Title, nil), nil))
			continue
		}
		for i := range a.Meetings {
			mt := &a.Meetings[i]
			out = m.add(out, m.list(def, MeetingPrefix+string(mt.ID), mt.Name, mt))
		}
	}
	for _, l := range a.Checklists.Lists {
		def := ListDef{ID: string(l.ID), Title: l.Title, Intro: l.Intro}
		out = m.add(out, m.list(def, def.ID, def.Title, nil))
	}
	return out
}

type merger struct {
	a       *model.Agreement
	b       *Builtin
	changes map[string]model.ItemChange
	doc     string // «avtalen» or «rutinen»
}

func (m *merger) add(out []List, l List) []List {
	if len(l.Groups) == 0 {
		return out
	}
	return append(out, l)
}

// list fills one list: the built-in items of def, then the file's items
// for id, grouped by phase.
func (m *merger) list(def ListDef, id, title string, mt *model.Meeting) List {
	phased := map[model.Phase][]Item{}
	for _, d := range m.b.Items {
		if d.List != def.ID || !m.applies(d, mt) {
			continue
		}
		if it, ok := m.builtin(d, mt); ok && !repeats(phased[d.Phase], it) {
			phased[d.Phase] = append(phased[d.Phase], it)
		}
	}
	for _, c := range m.a.Checklists.Items {
		if string(c.List) == id {
			phased[c.Phase] = append(phased[c.Phase], Item{Text: c.Text, Roles: []model.ID{c.Role}, Deadline: c.Deadline, Refs: c.Refs})
		}
	}
	l := List{ID: id, Title: title, Intro: def.Intro, Event: def.Event, Meeting: mt}
	for _, p := range []model.Phase{"", model.PhaseBefore, model.PhaseDuring, model.PhaseAfter} {
		if items := phased[p]; len(items) > 0 {
			l.Groups = append(l.Groups, Group{Title: m.phaseTitle(def, p), Items: items})
		}
	}
	return l
}

// repeats reports whether items has the same task for the same people
// already: an agreement under both Acts gets the NIR registration once.
func repeats(items []Item, it Item) bool {
	return slices.ContainsFunc(items, func(x Item) bool {
		return x.Text == it.Text && slices.Equal(x.Roles, it.Roles) && x.Generic == it.Generic
	})
}

func (m *merger) phaseTitle(def ListDef, p model.Phase) string {
	if p == "" {
		return ""
	}
	if t := def.Phases[p]; t != "" {
		return t
	}
	if t := m.b.Phases[p]; t != "" {
		return t
	}
	return strings.ToUpper(string(p[:1])) + string(p[1:])
}

// applies reports whether a built-in item belongs in the agreement's list:
// its Act is one the agreement covers, and for meeting items the meeting is
// of the item's kind.
func (m *merger) applies(d ItemDef, mt *model.Meeting) bool {
	if d.Meeting != "" && (mt == nil || !meetingKinds[d.Meeting](mt)) {
		return false
	}
	basis := d.Basis
	if len(basis) == 0 {
		basis = model.BasisOf(d.Refs)
	}
	return m.a.Covers(basis)
}

// builtin is the built-in item with the file's change applied, and false
// when the file switches it off.
func (m *merger) builtin(d ItemDef, mt *model.Meeting) (Item, bool) {
	it := Item{ID: d.ID, Text: m.expand(d.Text, mt), Deadline: fitting(d.Deadline.Deadline, mt), Refs: m.refs(d.Refs)}
	it.Roles, it.Generic = m.who(d.Role, mt)
	it.Chore = d.List == MeetingList && d.Meeting == "" && slices.Contains([]string{RoleConvener, RoleAgenda, RoleMinutes}, d.Role)
	c, ok := m.changes[d.ID]
	if !ok {
		return it, true
	}
	if c.Off {
		return Item{}, false
	}
	if c.Text != "" {
		it.Text = c.Text
	}
	if c.Role != "" {
		it.Roles, it.Generic, it.Chore = []model.ID{c.Role}, "", false
	}
	if !c.Deadline.IsZero() {
		it.Deadline = c.Deadline
	}
	return it, true
}

// refs leaves out references to the programme Act the agreement does not
// cover, so an item that applies under both Acts cites only the right one.
func (m *merger) refs(refs []model.LawRef) []model.LawRef {
	var out []model.LawRef
	for _, r := range refs {
		if m.a.Cites(r.Ref()) {
			out = append(out, r)
		}
	}
	return out
}

// who lands a built-in item's role on the file: the meeting's convener,
// agenda or minutes owner, every role of the file with the function (one
// per NAV office where there are several), or else the function's generic
// name.
func (m *merger) who(role string, mt *model.Meeting) ([]model.ID, string) {
	if mt != nil {
		switch role {
		case RoleConvener:
			return []model.ID{mt.Convener}, ""
		case RoleAgenda:
			return []model.ID{cmp.Or(mt.Agenda, mt.Convener)}, ""
		case RoleMinutes:
			return []model.ID{cmp.Or(mt.Minutes, mt.Convener)}, ""
		}
	}
	if role == RoleEvaluation {
		if e := m.a.Evaluation; e != nil && e.Responsible != "" {
			return []model.ID{e.Responsible}, ""
		}
		role = string(model.RoleLeader)
	}
	kind := model.RoleKind(role)
	if mt != nil {
		if ids := m.participantsOfKind(mt, kind); len(ids) > 0 {
			return ids, ""
		}
	}
	if rs := m.a.RolesOfKind(kind); len(rs) > 0 {
		ids := make([]model.ID, len(rs))
		for i, r := range rs {
			ids[i] = r.ID
		}
		return ids, ""
	}
	return nil, m.b.Roles[kind]
}

// participantsOfKind prefers, for a meeting item, the participants with the
// function over every such role of the file.
func (m *merger) participantsOfKind(mt *model.Meeting, kind model.RoleKind) []model.ID {
	var out []model.ID
	for _, id := range append([]model.ID{mt.Convener}, mt.Participants...) {
		if r := m.a.Role(id); r != nil && r.Kind == kind && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// fitting is the deadline, or none when the meeting is held more often
// than the deadline reaches back: a weekly meeting has no «1 week before».
func fitting(d model.Deadline, mt *model.Meeting) model.Deadline {
	if mt == nil || mt.Frequency.Kind != model.FreqWeeks || !d.Before {
		return d
	}
	days := d.Days()
	if days >= 7*mt.Frequency.Weeks {
		return model.Deadline{}
	}
	return d
}

// expand fills {avtalen} with the word for the document and {eskalering}
// with the name of the meeting that unresolved matters go to.
func (m *merger) expand(text string, mt *model.Meeting) string {
	text = strings.ReplaceAll(text, "{avtalen}", m.doc)
	if mt == nil || mt.EscalatesTo == "" {
		return text
	}
	return strings.ReplaceAll(text, "{eskalering}", m.a.Name(mt.EscalatesTo))
}
