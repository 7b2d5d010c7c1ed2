package model

import "slices"

// Name is the display name of the party, unit or role with the given id,
// or the id itself when there is none.
func (a *Agreement) Name(id ID) string {
	if p := a.Party(id); p != nil {
		return p.Name
	}
	if u := a.Unit(id); u != nil {
		return u.Name
	}
	if r := a.Role(id); r != nil {
		return r.Name
	}
	if m := a.Meeting(id); m != nil {
		return m.Name
	}
	return string(id)
}

// MidName is the name as it stands inside a sentence: a role's name in its
// natural case («kontaktlærer», but «NAV-veileder»); a party, unit or
// meeting is a proper name and keeps its capital.
func (a *Agreement) MidName(id ID) string {
	if a.Role(id) != nil && a.Party(id) == nil && a.Unit(id) == nil {
		return Natural(a.Name(id))
	}
	return a.Name(id)
}

// JoinNames lists the names of ids and then others, the first as written
// (it may start a list item) and the rest as they stand inside a sentence.
func (a *Agreement) JoinNames(ids []ID, others ...string) string {
	var names []string
	for i, id := range ids {
		if i == 0 {
			names = append(names, a.Name(id))
		} else {
			names = append(names, a.MidName(id))
		}
	}
	return JoinAnd(append(names, others...))
}

// Party is the party with the given id, or nil.
func (a *Agreement) Party(id ID) *Party {
	return byID(a.Parties, func(x Party) ID { return x.ID }, id)
}

// Unit is the unit with the given id, or nil.
func (a *Agreement) Unit(id ID) *Unit {
	return byID(a.Units, func(x Unit) ID { return x.ID }, id)
}

// Role is the role with the given id, or nil.
func (a *Agreement) Role(id ID) *Role {
	return byID(a.Roles, func(x Role) ID { return x.ID }, id)
}

// Meeting is the meeting body with the given id, or nil.
func (a *Agreement) Meeting(id ID) *Meeting {
	return byID(a.Meetings, func(x Meeting) ID { return x.ID }, id)
}

// PartyOf is the party that a party, unit or role belongs to, or nil.
func (a *Agreement) PartyOf(id ID) *Party {
	for range 4 { // unit → unit → party chains are short
		if p := a.Party(id); p != nil {
			return p
		}
		if u := a.Unit(id); u != nil {
			id = u.Party
			continue
		}
		if r := a.Role(id); r != nil {
			id = r.Unit
			continue
		}
		return nil
	}
	return nil
}

// RoleOfKind is the first role with the given function, or nil.
func (a *Agreement) RoleOfKind(k RoleKind) *Role {
	for i := range a.Roles {
		if a.Roles[i].Kind == k {
			return &a.Roles[i]
		}
	}
	return nil
}

// HasBasis reports whether the agreement covers participants under the Act.
func (a *Agreement) HasBasis(l LegalBasis) bool {
	for _, b := range a.LegalBasis {
		if b == l {
			return true
		}
	}
	return false
}

// Covers reports whether text limited to the given Acts belongs in the
// agreement: it does when it names no Act, or one the agreement covers.
func (a *Agreement) Covers(basis []LegalBasis) bool {
	return len(basis) == 0 || slices.ContainsFunc(basis, a.HasBasis)
}

// byID is the element of list whose id is id, or nil.
func byID[T any](list []T, idOf func(T) ID, id ID) *T {
	for i := range list {
		if idOf(list[i]) == id {
			return &list[i]
		}
	}
	return nil
}
