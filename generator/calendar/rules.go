package calendar

import (
	"fmt"
	"slices"
	"time"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// planner places meetings on the working days of one year.
type planner struct {
	a       *model.Agreement
	words   *lang.Pack // the words of the plan's notes
	year    int
	loc     *time.Location
	off     map[int]string // the names of the days off, by key
	breaks  []Break
	occ     []Occurrence
	byDay   map[int][]int // indexes into occ, by key
	skipped []Skip
	clashes []Clash
}

type offDay struct {
	reason  string
	inBreak bool
}

// slot is one date of a meeting's series before it is placed: its usual
// day and the days it may move to.
type slot struct {
	n       int // its number in the year's series, from 1
	nominal time.Time
	lo, hi  time.Time
	anyDay  bool // may move to another weekday than its own in later weeks
}

// dayOff says why d is not a working day, or ok false if it is one.
// Weekends have an empty reason; a holiday inside a break is named by the
// holiday, the more precise of the two.
func (p *planner) dayOff(d time.Time) (offDay, bool) {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return offDay{}, true
	}
	k := key(d)
	holiday, isHoliday := p.off[k]
	for _, b := range p.breaks {
		if key(b.From) <= k && k <= key(b.To) {
			if isHoliday {
				return offDay{reason: holiday, inBreak: true}, true
			}
			return offDay{reason: b.Name, inBreak: true}, true
		}
	}
	return offDay{reason: holiday}, isHoliday
}

func (p *planner) working(d time.Time) bool {
	_, off := p.dayOff(d)
	return !off
}

// candidates are the days a meeting usually held on nominal may be held
// on, best first: the usual day; the other days of its week, nearest first
// and the later of two equally near; the same weekday in the weeks after,
// then in the weeks before; then, if anyDay, any other day, nearest
// first. None lies outside lo–hi: the days before the series' next date,
// or for monthly and rarer meetings the month.
func candidates(nominal, lo, hi time.Time, anyDay bool) []time.Time {
	in := func(d time.Time) bool { return !d.Before(lo) && !d.After(hi) }
	var out []time.Time
	if in(nominal) {
		out = append(out, nominal)
	}
	wd := (int(nominal.Weekday()) + 6) % 7 // Monday 0
	for dist := 1; dist <= 4; dist++ {
		for _, d := range []int{dist, -dist} {
			if wd+d < 0 || wd+d > 4 {
				continue
			}
			if day := nominal.AddDate(0, 0, d); in(day) {
				out = append(out, day)
			}
		}
	}
	for day := nominal.AddDate(0, 0, 7); in(day); day = day.AddDate(0, 0, 7) {
		out = append(out, day)
	}
	for day := nominal.AddDate(0, 0, -7); in(day); day = day.AddDate(0, 0, -7) {
		out = append(out, day)
	}
	for dist := 1; anyDay; dist++ {
		later, earlier := nominal.AddDate(0, 0, dist), nominal.AddDate(0, 0, -dist)
		if !in(later) && !in(earlier) {
			break
		}
		for _, day := range []time.Time{later, earlier} {
			if in(day) && !slices.ContainsFunc(out, day.Equal) {
				out = append(out, day)
			}
		}
	}
	return out
}

// place puts one date of a meeting on the first candidate day that is a
// working day and where none of its participants is in another meeting,
// or drops it: when its day is off and the file says such meetings are
// dropped, or when no candidate is free.
func (p *planner) place(m *model.Meeting, s slot) {
	why, nominalOff := p.dayOff(s.nominal)
	if nominalOff && p.a.Calendar.Rule(m) == model.HolidayDrop {
		p.skip(m, s, why, nil)
		return
	}
	var clash *Occurrence
	for _, day := range candidates(s.nominal, s.lo, s.hi, s.anyDay) {
		if !p.working(day) {
			continue
		}
		o := p.occurrence(m, day, s.n)
		if other := p.clash(o); other != nil {
			if clash == nil {
				clash = other
			}
			continue
		}
		switch {
		case nominalOff && clash != nil:
			// Off on its day, and the nearer free days were taken.
			o.Moved = p.words.T("yearplan.moved_from", s.nominal.Day(), p.words.Month(int(s.nominal.Month())), p.words.T("yearplan.off_and_clash", p.offName(why), clash.Meeting.Name))
			o.From, o.Why, o.Clash = p.midnight(s.nominal), p.offName(why), clash.Meeting
		case nominalOff:
			o.Moved = p.words.T("yearplan.moved_from", s.nominal.Day(), p.words.Month(int(s.nominal.Month())), p.offName(why))
			o.From, o.Why = p.midnight(s.nominal), p.offName(why)
		case !day.Equal(s.nominal):
			o.Moved = p.words.T("yearplan.moved_from", s.nominal.Day(), p.words.Month(int(s.nominal.Month())), p.words.T("yearplan.clash", clash.Meeting.Name))
			o.Clash = clash.Meeting
			o.From = p.midnight(s.nominal)
		}
		p.add(o)
		return
	}
	p.skip(m, s, why, clash)
}

func (p *planner) skip(m *model.Meeting, s slot, why offDay, clash *Occurrence) {
	sk := Skip{Meeting: m, N: s.n, Date: p.midnight(s.nominal), Reason: p.offName(why), InBreak: why.inBreak}
	if clash != nil && why == (offDay{}) {
		sk.Reason = p.words.T("yearplan.clash", clash.Meeting.Name)
		sk.Clash = clash.Meeting
		p.clashes = append(p.clashes, Clash{Meeting: m, Other: clash.Meeting, Date: sk.Date})
	}
	p.skipped = append(p.skipped, sk)
}

// offName names a day off; a weekend has no name of its own.
func (p *planner) offName(why offDay) string {
	if why.reason == "" {
		return p.words.T("yearplan.weekend")
	}
	return why.reason
}

func (p *planner) add(o Occurrence) {
	p.byDay[key(o.Date)] = append(p.byDay[key(o.Date)], len(p.occ))
	p.occ = append(p.occ, o)
}

// clash gives a placed occurrence that shares a participant with o and
// overlaps it in time; a meeting whose time is to be agreed takes the day.
func (p *planner) clash(o Occurrence) *Occurrence {
	for _, i := range p.byDay[key(o.Date)] {
		other := &p.occ[i]
		if !sharesParticipant(p.a, o.Meeting, other.Meeting) {
			continue
		}
		if !o.Timed || !other.Timed || (o.Start.Before(other.End) && other.Start.Before(o.End)) {
			return other
		}
	}
	return nil
}

func (p *planner) midnight(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, p.loc)
}

// defaultMinutes is how long a meeting with a time but no duration lasts.
const defaultMinutes = 60

func (p *planner) occurrence(m *model.Meeting, d time.Time, n int) Occurrence {
	o := Occurrence{Meeting: m, N: n, Date: p.midnight(d)}
	if m.Schedule == nil || !m.Schedule.Time.Set {
		return o
	}
	s := m.Schedule
	minutes := defaultMinutes
	if s.Minutes > 0 {
		minutes = s.Minutes
	}
	o.Timed = true
	o.Start = time.Date(d.Year(), d.Month(), d.Day(), s.Time.Hour, s.Time.Minute, 0, 0, p.loc)
	o.End = o.Start.Add(time.Duration(minutes) * time.Minute)
	return o
}

// meeting places every date of one meeting in the year.
func (p *planner) meeting(m *model.Meeting) error {
	var s model.Schedule
	if m.Schedule != nil {
		s = *m.Schedule
	}
	if s.Weekday.Set && (s.Weekday.Day == time.Saturday || s.Weekday.Day == time.Sunday) {
		return fmt.Errorf("møtet «%s» står på %s, men møter legges ikke i helgen; velg en dag fra mandag til fredag i «weekday»", m.ID, s.Weekday)
	}
	var slots []slot
	if f := m.Frequency; f.Kind == model.FreqWeeks {
		slots = p.weeks(s, max(f.Weeks, 1))
	} else {
		months, err := meetingMonths(m, s)
		if err != nil {
			return err
		}
		for _, month := range months {
			if sl, ok := p.monthly(m, s, month); ok {
				slots = append(slots, sl)
			}
		}
	}
	for i, sl := range slots {
		sl.n = i + 1
		p.place(m, sl)
	}
	return nil
}

// weeks gives the dates of a meeting held every n weeks. A date may move
// within its week, or to a later week before the series' next date.
func (p *planner) weeks(s model.Schedule, n int) []slot {
	from := civil(p.year, time.January, 1)
	if !s.Start.IsZero() {
		from = civil(s.Start.Date())
	}
	wd := time.Tuesday
	switch {
	case s.Weekday.Set:
		wd = s.Weekday.Day
	case !s.Start.IsZero() && from.Weekday() != time.Saturday && from.Weekday() != time.Sunday:
		wd = from.Weekday()
	}
	first := from.AddDate(0, 0, (int(wd)-int(from.Weekday())+7)%7)
	jan1, dec31 := civil(p.year, time.January, 1), civil(p.year, time.December, 31)
	step := 7 * n
	if first.Before(jan1) {
		behind := int(jan1.Sub(first).Hours()/24+0.5) + step - 1
		first = first.AddDate(0, 0, behind/step*step)
	}
	var out []slot
	for d := first; !d.After(dec31); d = d.AddDate(0, 0, step) {
		monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		out = append(out, slot{
			nominal: d,
			lo:      latest(monday, jan1, from),
			hi:      earliest(d.AddDate(0, 0, step-1), dec31),
		})
	}
	return out
}

// monthly gives a meeting's date in one month; it moves within the month.
func (p *planner) monthly(m *model.Meeting, s model.Schedule, month time.Month) (slot, bool) {
	firstDay := civil(p.year, month, 1)
	lastDay := firstDay.AddDate(0, 1, -1)
	var nominal time.Time
	if s.Day > 0 {
		nominal = civil(p.year, month, min(s.Day, lastDay.Day()))
		switch nominal.Weekday() {
		case time.Saturday:
			nominal = nominal.AddDate(0, 0, 2)
		case time.Sunday:
			nominal = nominal.AddDate(0, 0, 1)
		}
		if nominal.After(lastDay) {
			nominal = nominal.AddDate(0, 0, -3) // the Friday before
		}
	} else {
		wd := time.Tuesday
		if s.Weekday.Set {
			wd = s.Weekday.Day
		}
		if f := m.Frequency; f.Nth != 0 && !s.Weekday.Set {
			wd = f.Weekday
		}
		nominal = firstDay.AddDate(0, 0, (int(wd)-int(firstDay.Weekday())+7)%7)
		switch n := m.Frequency.Nth; {
		case n > 1:
			nominal = nominal.AddDate(0, 0, 7*(n-1))
		case n < 0:
			for nominal.AddDate(0, 0, 7).Before(lastDay.AddDate(0, 0, 1)) {
				nominal = nominal.AddDate(0, 0, 7)
			}
		}
	}
	lo := firstDay
	if !s.Start.IsZero() {
		start := civil(s.Start.Date())
		if nominal.Before(start) {
			return slot{}, false // the series has not begun
		}
		lo = latest(lo, start)
	}
	return slot{nominal: nominal, lo: lo, hi: lastDay, anyDay: true}, true
}

// meetingMonths are the months a meeting that is not weekly is held in.
func meetingMonths(m *model.Meeting, s model.Schedule) ([]time.Month, error) {
	var given []time.Month
	for _, mo := range s.Months {
		given = append(given, time.Month(mo))
	}
	slices.Sort(given)
	f := m.Frequency
	switch f.Kind {
	case model.FreqMonthly:
		return everyNthMonth(m, given)
	case model.FreqQuarterly:
		if len(given) == 0 {
			return []time.Month{time.March, time.June, time.September, time.December}, nil
		}
		for i, mo := range given {
			if len(given) != 4 || int(mo-1)/3 != i {
				return nil, fmt.Errorf("møtet «%s» holdes kvartalsvis og trenger én måned i hvert kvartal i «months», for eksempel mars, juni, september og desember", m.ID)
			}
		}
		return given, nil
	case model.FreqTwiceYearly:
		if len(given) == 0 {
			return []time.Month{time.March, time.October}, nil
		}
		if len(given) != 2 || given[0] == given[1] {
			return nil, fmt.Errorf("møtet «%s» holdes vår og høst og trenger to ulike måneder i «months», for eksempel mars og oktober", m.ID)
		}
		return given, nil
	case model.FreqYearly:
		return yearlyMonth(m, given)
	}
	return nil, nil
}

// everyNthMonth are the months of a meeting held every month or every few
// months: the chosen months, or evenly spaced ending in December.
func everyNthMonth(m *model.Meeting, given []time.Month) ([]time.Month, error) {
	n := max(m.Frequency.Months, 1)
	if len(given) > 0 {
		if len(given) != 12/n {
			return nil, fmt.Errorf("møtet «%s» holdes %s og trenger %d måneder i «months»", m.ID, m.Frequency, 12/n)
		}
		return given, nil
	}
	var months []time.Month
	for mo := n; mo <= 12; mo += n {
		months = append(months, time.Month(mo))
	}
	return months, nil
}

func yearlyMonth(m *model.Meeting, given []time.Month) ([]time.Month, error) {
	deadline := time.Month(m.Frequency.Deadline)
	if len(given) == 0 {
		switch {
		case m.Frequency.Season == model.Spring:
			return []time.Month{time.March}, nil
		case m.Frequency.Season == model.Autumn:
			return []time.Month{time.October}, nil
		}
		switch deadline {
		case 0:
			return []time.Month{time.January}, nil
		case time.January:
			return []time.Month{time.December}, nil
		}
		return []time.Month{deadline - 1}, nil
	}
	mo := given[0]
	if deadline != 0 && mo >= deadline && !(deadline == time.January && mo == time.December) {
		return nil, fmt.Errorf("møtet «%s» skal holdes innen %s, men «months» sier %s; velg en måned før %s", m.ID, model.Month(deadline), model.Month(mo), model.Month(deadline))
	}
	return []time.Month{mo}, nil
}

func latest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.After(t) {
			t = u
		}
	}
	return t
}

func earliest(t time.Time, more ...time.Time) time.Time {
	for _, u := range more {
		if u.Before(t) {
			t = u
		}
	}
	return t
}
