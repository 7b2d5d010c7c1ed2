// Package calendar turns the meeting bodies' frequencies into the dates of a
// year and writes them as iCalendar.
//
// # How a meeting gets its dates
//
// A meeting is never placed on a weekend, a Norwegian public holiday
// (Easter computed), julaften, nyttårsaften or a day inside one of the
// file's breaks (calendar.breaks: recurring «when: uke 28–31» or dated
// from/to). Such a day is «off»; every other day is a working day.
//
//   - Every N weeks («hver uke», «hver 14. dag», «hver 3. uke»): on
//     schedule.weekday, by default the weekday of schedule.start, else
//     tirsdag. The series starts on the first such weekday on or after
//     schedule.start, or after 1 January, and runs every N weeks from
//     there, so a fortnightly meeting keeps its rhythm from one year to
//     the next. A date may move until the day before the series' next date.
//   - Monthly, quarterly, twice a year and yearly: on schedule.day of the
//     month (a Saturday or Sunday becomes the Monday after, which does not
//     count as a move), else on the first schedule.weekday of the month, by
//     default the first tirsdag. A date may move within its month only, so
//     a quarterly meeting stays in its quarter and a yearly meeting before
//     its deadline.
//   - Months: as the frequency and schedule.months say (see meetingMonths).
//   - No meeting is placed before schedule.start.
//
// One rule moves a date, for a day off and for a clash alike (candidates):
// the usual day; the nearest other working day of its week (the later of
// two equally near); the same weekday a week later, then a week earlier;
// for monthly and rarer meetings any working day of the month. With
// «on_holiday: utgår» (calendar or schedule) a date on a day off is dropped
// instead. A clash is a meeting already placed, earlier in the file, that
// shares a role, unit or party with this one and overlaps it in time; a
// meeting without schedule.time takes the whole day. A date with no free
// candidate is dropped; dropped dates are listed, and those dropped for a
// clash are reported as Clashes.
//
// A meeting with schedule.time lasts schedule.duration_minutes, by default
// 60, in Europe/Oslo time; without a time it has none («tid avtales»).
// «Ved behov» meetings get no dates, nor do meetings at individual level
// (one per participant); «… eller ved behov» meetings get their dates and
// are listed as also held when needed. «Faste møter» without an interval
// get no dates and are listed as unscheduled.
package calendar

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"time"

	// The Europe/Oslo rules travel with the binary, so the dates do not
	// depend on the zone files of the machine that runs it.
	_ "time/tzdata"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// Occurrence is one meeting on one day.
type Occurrence struct {
	Meeting *model.Meeting
	// N is the date's number in the meeting's series for the year, from 1,
	// counting dropped dates too, so it stays when a date moves.
	N int
	// Date is the day, at midnight in Europe/Oslo.
	Date time.Time
	// Timed is set when the schedule gives a time; otherwise the time is
	// to be agreed («tid avtales») and the meeting takes the day.
	Timed bool
	// Start and End are in Europe/Oslo, when Timed.
	Start, End time.Time
	// Moved says in Norwegian why the meeting is not on its usual day, e.g.
	// «flyttet fra tirsdag 1. mai (Arbeidernes dag)»; empty when it is not
	// moved.
	Moved string
	// From is the usual day of a moved meeting; Why names the holiday or
	// break it fell on, empty when it moved for a clash.
	From time.Time
	Why  string
	// Clash is the meeting it was moved away from, when that was the reason.
	Clash *model.Meeting
}

// Skip is a meeting date that is dropped: its day is off and the file says
// such dates are dropped, or it had no free day to move to.
type Skip struct {
	Meeting *model.Meeting
	// N is the date's number in the meeting's series, as for Occurrence.
	N int
	// Date is the usual day, at midnight in Europe/Oslo.
	Date time.Time
	// Reason is the holiday or break the day fell on, e.g. «Sommerferie»,
	// or «samtidig med …».
	Reason string
	// InBreak is set when the day lies inside one of the file's breaks.
	InBreak bool
	// Clash is the meeting that took every free day, when that was the
	// reason.
	Clash *model.Meeting
}

// YearPlan is the year's meetings, month by month.
type YearPlan struct {
	Year int
	// words is the language pack the notes are written in, which the
	// iCalendar file writes its texts in too.
	words *lang.Pack
	// Months holds the occurrences by month, January first, sorted by date
	// and then by the meetings' order in the file.
	Months [12][]Occurrence
	// Skipped are the dropped dates, in date order.
	Skipped []Skip
	// Clashes are the dates dropped because every free day was taken by a
	// meeting with a shared participant.
	Clashes []Clash
	// Rule is the plan's holiday rule.
	Rule model.HolidayRule
	// AsNeeded are the «ved behov» meetings, which have no dates.
	AsNeeded []*model.Meeting
	// PerParticipant are the meetings about one participant at a time
	// (level individ), held as often as their frequency says for each
	// participant, so they have no common dates.
	PerParticipant []*model.Meeting
	// Unscheduled are the meetings whose frequency the plan cannot turn
	// into dates: «faste møter» without an interval, or the parties' own
	// phrase the reader does not know.
	Unscheduled []*model.Meeting
	// AlsoAsNeeded are the meetings with dates that are also held when
	// needed («… eller ved behov»).
	AlsoAsNeeded []*model.Meeting
	// Holidays are the days off of the year: the public holidays, julaften
	// and nyttårsaften.
	Holidays []Holiday
	// Breaks are the file's breaks as they fall in the year.
	Breaks []Break
	// Attendees gives each meeting's participants and other participants
	// by display name, written «a, b og c».
	Attendees map[model.ID]string
}

// Bodies are the meetings with dates in the plan, in the file's order.
func (p YearPlan) Bodies() []*model.Meeting {
	var out []*model.Meeting
	seen := map[*model.Meeting]bool{}
	for _, m := range p.Months {
		for _, o := range m {
			seen[o.Meeting] = true
		}
	}
	for _, s := range p.Skipped {
		seen[s.Meeting] = true
	}
	for m := range seen {
		out = append(out, m)
	}
	slices.SortFunc(out, func(x, y *model.Meeting) int { return cmp.Compare(x.Pos.Line, y.Pos.Line) })
	return out
}

// Count is the number of dated occurrences in the plan.
func (p YearPlan) Count() int {
	n := 0
	for _, m := range p.Months {
		n += len(m)
	}
	return n
}

// Plan places the agreement's meetings on the dates of a year, with the
// notes in the built-in language pack of the file's målform (see PlanIn).
func Plan(a *model.Agreement, year int) (YearPlan, error) {
	return PlanIn(a, year, lang.Builtin(string(a.Language)))
}

// PlanIn places the agreement's meetings on the dates of a year, writing
// its notes (why a date moved, holiday names) in the words of p. A year of
// 0 means the year of calendar.year in the file. The error, in Norwegian,
// names every schedule that cannot be followed.
func PlanIn(a *model.Agreement, year int, words *lang.Pack) (YearPlan, error) {
	if words == nil {
		words = lang.Builtin(lang.Default)
	}
	if year == 0 && a.Calendar != nil {
		year = a.Calendar.Year
	}
	if year == 0 {
		return YearPlan{}, errors.New("årshjulet mangler år; skriv «calendar: year: 2027» i filen eller velg år med --year")
	}
	if !model.ValidYear(year) {
		return YearPlan{}, errors.New(model.YearError(year))
	}
	p := YearPlan{Year: year, Holidays: daysOff(year), Attendees: map[model.ID]string{}, Breaks: yearBreaks(a.Calendar, year, words), words: words}
	p.Rule = model.HolidayMove
	if a.Calendar != nil && a.Calendar.OnHoliday != "" {
		p.Rule = a.Calendar.OnHoliday
	}
	pl := planner{a: a, words: words, year: year, loc: oslo(), off: map[int]string{}, byDay: map[int][]int{}}
	for _, h := range p.Holidays {
		name := words.T("holiday." + h.ID)
		if prev := pl.off[key(h.Date)]; prev != "" {
			// In 2027 Grunnlovsdag is also Andre pinsedag.
			pl.off[key(h.Date)] = words.And([]string{prev, name})
			continue
		}
		pl.off[key(h.Date)] = name
	}
	pl.breaks = p.Breaks

	var errs []error
	for i := range a.Meetings {
		m := &a.Meetings[i]
		p.Attendees[m.ID] = words.And(a.Names(m.Participants, m.Others...))
		switch {
		case m.Frequency.Kind == model.FreqAsNeeded:
			p.AsNeeded = append(p.AsNeeded, m)
			continue
		case !m.Frequency.Placed():
			p.Unscheduled = append(p.Unscheduled, m)
			continue
		case m.Level == model.LevelIndividual:
			p.PerParticipant = append(p.PerParticipant, m)
			continue
		case m.Frequency.AlsoAsNeeded:
			p.AlsoAsNeeded = append(p.AlsoAsNeeded, m)
		}
		if err := pl.meeting(m); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return YearPlan{}, errors.Join(errs...)
	}
	// The meetings were placed in file order, so a stable sort by date
	// keeps the file's order within a day.
	slices.SortStableFunc(pl.occ, func(x, y Occurrence) int { return cmp.Compare(key(x.Date), key(y.Date)) })
	for _, o := range pl.occ {
		p.Months[o.Date.Month()-1] = append(p.Months[o.Date.Month()-1], o)
	}
	slices.SortStableFunc(pl.skipped, func(x, y Skip) int { return cmp.Compare(key(x.Date), key(y.Date)) })
	p.Skipped = pl.skipped
	p.Clashes = pl.clashes
	return p, nil
}

func oslo() *time.Location {
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		// Cannot happen with time/tzdata linked in; stay on winter time.
		return time.FixedZone("CET", 3600)
	}
	return loc
}

// key is a calendar day as a comparable number, e.g. 20270328.
func key(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Row is one line of the year plan's table: a date a meeting is held on,
// or a dropped date.
type Row struct {
	Occurrence
	// Number is the meeting body's number in the plan's legend.
	Number int
	// Dropped is set for a date that is not held; Note then says why.
	Dropped bool
	// Note is why the date is moved or dropped, in Norwegian; empty for a
	// date on its usual day.
	Note string
}

// Time is the meeting's time as «10:00–11:30», empty when it is to be
// agreed.
func (o Occurrence) Time() string {
	if !o.Timed {
		return ""
	}
	return o.Start.Format("15:04") + "–" + o.End.Format("15:04")
}

// Number is a meeting body's number in the plan's legend, from 1; 0 for a
// meeting without dates.
func (p YearPlan) Number(m *model.Meeting) int {
	return slices.Index(p.Bodies(), m) + 1
}

// Rows are the plan's dates and dropped dates, in date order.
func (p YearPlan) Rows() []Row {
	bodies := p.Bodies()
	var out []Row
	for _, month := range p.Months {
		for _, o := range month {
			r := Row{Occurrence: o, Number: slices.Index(bodies, o.Meeting) + 1}
			switch {
			case o.Clash != nil && o.Why != "":
				r.Note = p.words.T("yearplan.moved_from_short", p.shortDate(o.From), p.words.T("yearplan.off_and_clash", o.Why, strconv.Itoa(slices.Index(bodies, o.Clash)+1)))
			case o.Clash != nil:
				r.Note = p.words.T("yearplan.moved_from_short", p.shortDate(o.From), p.words.T("yearplan.clash", strconv.Itoa(slices.Index(bodies, o.Clash)+1)))
			case o.Moved != "":
				r.Note = p.words.T("yearplan.moved_from_short", p.shortDate(o.From), o.Why)
			}
			out = append(out, r)
		}
	}
	loc := oslo()
	for _, s := range p.Skipped {
		o := (&planner{loc: loc}).occurrence(s.Meeting, s.Date, s.N)
		r := Row{Occurrence: o, Number: slices.Index(bodies, s.Meeting) + 1, Dropped: true, Note: s.Reason}
		if s.Clash != nil {
			r.Note = p.words.T("yearplan.clash", strconv.Itoa(slices.Index(bodies, s.Clash)+1))
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y Row) int {
		if c := cmp.Compare(key(x.Date), key(y.Date)); c != 0 {
			return c
		}
		return cmp.Compare(x.Number, y.Number)
	})
	return out
}

// OwnRule are the meetings with dates whose holiday rule differs from the
// plan's.
func (p YearPlan) OwnRule() []*model.Meeting {
	var out []*model.Meeting
	for _, m := range p.Bodies() {
		if m.Schedule != nil && m.Schedule.OnHoliday != "" && m.Schedule.OnHoliday != p.Rule {
			out = append(out, m)
		}
	}
	return out
}

// ShortDay is the date for the plan's table in the plan's words, e.g.
// «tir. 5. jan.», with no-break spaces so that it stays on one line.
func (p YearPlan) ShortDay(t time.Time) string {
	return p.words.List("date.weekdays_short")[(int(t.Weekday())+6)%7] + "\u00a0" + p.shortDate(t)
}

// shortDate is a day as «5. jan.».
func (p YearPlan) shortDate(t time.Time) string {
	return p.words.T("date.day_short", t.Day(), p.words.List("date.months_short")[t.Month()-1])
}

// Hours is a meeting's time of day as «09:00–10:30», empty when the
// schedule gives none.
func (p YearPlan) Hours(m *model.Meeting) string {
	if m.Schedule == nil || !m.Schedule.Time.Set {
		return ""
	}
	o := (&planner{loc: time.UTC}).occurrence(m, civil(2001, time.January, 1), 0)
	return o.Time()
}

// Day is the date without the year in the plan's words, e.g. «5. januar».
func (p YearPlan) Day(t time.Time) string {
	return p.words.T("date.day", t.Day(), p.words.Month(int(t.Month())))
}
