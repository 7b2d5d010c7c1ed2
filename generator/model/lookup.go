package model

import (
	"slices"
	"strings"
	"time"

	"samarbeid/generator/law"
)

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

// Names are the names of ids and then others, the first as written (it
// may start a list item) and the rest as they stand inside a sentence; the
// language pack joins them («a, b og c»).
func (a *Agreement) Names(ids []ID, others ...string) []string {
	var names []string
	for i, id := range ids {
		if i == 0 {
			names = append(names, a.Name(id))
		} else {
			names = append(names, a.MidName(id))
		}
	}
	return append(names, others...)
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

// PartyOf is the party that a party, unit or role belongs to, however deep
// the units are nested, or nil.
func (a *Agreement) PartyOf(id ID) *Party {
	chain := a.Chain(id)
	if len(chain) == 0 {
		return nil
	}
	return a.Party(chain[len(chain)-1])
}

// Chain is id followed by everything it belongs to, up to its party: a
// role, its unit, the units above it and the party. It stops before an id
// met twice (a cycle, which validation reports) and at an unknown id.
func (a *Agreement) Chain(id ID) []ID {
	var out []ID
	seen := map[ID]bool{}
	for id != "" && !seen[id] {
		seen[id] = true
		out = append(out, id)
		switch {
		case a.Party(id) != nil:
			return out
		case a.Unit(id) != nil:
			id = a.Unit(id).Party
		case a.Role(id) != nil:
			id = a.Role(id).Unit
		default:
			return out[:len(out)-1]
		}
	}
	return out
}

// BelongsTo reports whether id is owner or lies under it: a role in a unit
// under the owner, a unit under it.
func (a *Agreement) BelongsTo(id, owner ID) bool {
	return slices.Contains(a.Chain(id), owner)
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

// RolesOfKind are all roles with the given function, in file order: with
// one NAV office per district, one NAV leader per office.
func (a *Agreement) RolesOfKind(k RoleKind) []*Role {
	var out []*Role
	for i := range a.Roles {
		if a.Roles[i].Kind == k {
			out = append(out, &a.Roles[i])
		}
	}
	return out
}

// PartiesOfKind are the parties of one kind, in file order.
func (a *Agreement) PartiesOfKind(k PartyKind) []Party {
	var out []Party
	for _, p := range a.Parties {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

// Municipalities are the names of the municipalities the agreement is
// made for: the file's municipality, and every municipal party whose name
// is a municipality's («Naustdal kommune», «Kvam herad») rather than a
// directorate's or a district's («Oppvekst», «Bydel Alna»).
func (a *Agreement) Municipalities() []string {
	has := func(list []string, name string) bool {
		return slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(s, name) })
	}
	var out []string
	for _, p := range a.PartiesOfKind(PartyMunicipality) {
		if IsMunicipalityName(p.Name) && !has(out, p.Name) {
			out = append(out, p.Name)
		}
	}
	if len(out) == 0 {
		return []string{a.Municipality}
	}
	if IsMunicipalityName(a.Municipality) && !has(out, a.Municipality) {
		out = append([]string{a.Municipality}, out...)
	}
	return out
}

// MunicipalParties are the names the cover and the header of a document
// show: the municipalities, then the municipal parties that are parts of
// one (a district, a directorate), so «Oslo kommune · Bydel Alna · …».
func (a *Agreement) MunicipalParties() []string {
	out := a.Municipalities()
	for _, p := range a.PartiesOfKind(PartyMunicipality) {
		if !slices.ContainsFunc(out, func(s string) bool { return strings.EqualFold(s, p.Name) }) {
			out = append(out, p.Name)
		}
	}
	return out
}

// IsMunicipalityName reports whether name is a municipality's name, e.g.
// «Førde kommune», «Kvam herad».
func IsMunicipalityName(name string) bool {
	l := strings.ToLower(strings.TrimSpace(name))
	return strings.HasSuffix(l, " kommune") || strings.HasSuffix(l, " herad")
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

// revision is the history entry of the version the document shows, or nil.
func (a *Agreement) revision() *Revision {
	for i := len(a.Revisions) - 1; i >= 0; i-- {
		if a.Revisions[i].Version == a.Version {
			return &a.Revisions[i]
		}
	}
	return nil
}

// DocumentDate is the date the document carries on its cover, in its
// footer and beside its version: the date of the version shown, from its
// history entry; else the last revision, the signing or the start of
// validity.
func (a *Agreement) DocumentDate() Date {
	if r := a.revision(); r != nil && !r.Date.IsZero() {
		return r.Date
	}
	for _, d := range []Date{a.Dates.Revised, a.Dates.Signed, a.Dates.ValidFrom} {
		if !d.IsZero() {
			return d
		}
	}
	if n := len(a.Revisions); n > 0 {
		return a.Revisions[n-1].Date
	}
	return Date{}
}

// SignedDate is the date the version shown was signed: its history entry's
// «signed», else «dates.signed» unless the version is newer than that; zero
// when the version is not signed yet, so the line is filled in by hand.
func (a *Agreement) SignedDate() Date {
	r := a.revision()
	switch {
	case r != nil && !r.Signed.IsZero():
		return r.Signed
	case a.Dates.Signed.IsZero():
		return Date{}
	case r != nil && r.Date.After(a.Dates.Signed.Time):
		return Date{}
	}
	return a.Dates.Signed
}

// BasisOf is the programme Acts that references belong to; a reference to
// a general Act (forvaltningsloven, kommuneloven) ties a text to none.
func BasisOf(refs []LawRef) []LegalBasis {
	var out []LegalBasis
	for _, r := range refs {
		if b := LegalBasis(r.Ref().Act.Basis); b != "" && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// LawDate is the date the agreement's legal references must hold on: the
// date it applies from, else the date it was signed or last revised; zero
// when the file has none of them.
func (a *Agreement) LawDate() time.Time {
	for _, d := range []Date{a.Dates.ValidFrom, a.Dates.Signed, a.Dates.Revised} {
		if !d.IsZero() {
			return d.Time
		}
	}
	return time.Time{}
}

// Cites reports whether the agreement may cite r: the provision belongs to
// an Act the agreement covers (or to a general Act) and was in force on the
// agreement's date.
func (a *Agreement) Cites(r law.Ref) bool {
	var bases []string
	for _, b := range a.LegalBasis {
		bases = append(bases, string(b))
	}
	if !r.Covered(bases) {
		return false
	}
	d := a.LawDate()
	return d.IsZero() || r.InForceOn(d)
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
