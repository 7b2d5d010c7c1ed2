package calendar

import (
	"time"

	"samarbeid/generator/model"
)

// Clash is a date of a meeting that could not be held because every day
// it may move to has another meeting with one of its participants.
type Clash struct {
	// Meeting is the later-defined meeting, the one that gave way.
	Meeting *model.Meeting
	// Other is the meeting already on the day.
	Other *model.Meeting
	// Date is the meeting's usual day, at midnight in Europe/Oslo.
	Date time.Time
}

// people are everyone who takes part in a meeting: the convener and the
// participants, by id.
func people(m *model.Meeting) []model.ID {
	out := []model.ID{}
	if m.Convener != "" {
		out = append(out, m.Convener)
	}
	return append(out, m.Participants...)
}

// sharesParticipant reports whether two meetings have someone in common:
// the same role, unit or party, or a role and the unit or party it belongs
// to (a unit that takes part sends someone who may hold the role).
func sharesParticipant(a *model.Agreement, x, y *model.Meeting) bool {
	if x == y {
		return true
	}
	for _, i := range people(x) {
		for _, j := range people(y) {
			if i == j || within(a, i, j) || within(a, j, i) {
				return true
			}
		}
	}
	return false
}

// within reports whether id lies inside outer: a role in a unit, a role or
// unit in a party.
func within(a *model.Agreement, id, outer model.ID) bool {
	if r := a.Role(id); r != nil {
		if r.Unit == outer {
			return true
		}
		id = r.Unit
	}
	if u := a.Unit(id); u != nil {
		return u.Party == outer
	}
	return false
}
