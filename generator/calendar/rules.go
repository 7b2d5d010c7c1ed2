package calendar

import (
	"fmt"
	"slices"
	"time"

	"samarbeid/generator/model"
)

// planner places meetings on the working days of one year.
type planner struct {
	year    int
	loc     *time.Location
	off     map[int]string // the names of the days off, by key
	breaks  []model.Break
	occ     []Occurrence
	skipped []Skip
}

type offDay struct {
	reason  string
	inBreak bool
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
		if key(b.From.Time) <= k && k <= key(b.To.Time) {
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

// place puts a meeting usually held on nominal on the first working day
// from nominal to hi, else on the last working day from nominal back to lo,
// and records the occurrence or the skip.
func (p *planner) place(m *model.Meeting, nominal, lo, hi time.Time) {
	day, ok := p.nearest(nominal, lo, hi)
	if !ok {
		why, _ := p.dayOff(nominal)
		p.skipped = append(p.skipped, Skip{Meeting: m, Date: p.midnight(nominal), Reason: why.reason, InBreak: why.inBreak})
		return
	}
	o := p.occurrence(m, day)
	if !day.Equal(nominal) {
		why, _ := p.dayOff(nominal)
		o.Moved = fmt.Sprintf("flyttet fra %d. %s (%s)", nominal.Day(), model.MonthNames[nominal.Month()-1], why.reason)
	}
	p.occ = append(p.occ, o)
}

func (p *planner) nearest(nominal, lo, hi time.Time) (time.Time, bool) {
	for d := nominal; !d.After(hi); d = d.AddDate(0, 0, 1) {
		if p.working(d) {
			return d, true
		}
	}
	for d := nominal.AddDate(0, 0, -1); !d.Before(lo); d = d.AddDate(0, 0, -1) {
		if p.working(d) {
			return d, true
		}
	}
	return time.Time{}, false
}

func (p *planner) midnight(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, p.loc)
}

func (p *planner) occurrence(m *model.Meeting, d time.Time) Occurrence {
	hour, minute, minutes := 9, 0, 60
	var s model.Schedule
	if m.Schedule != nil {
		s = *m.Schedule
	}
	if s.Time.Set {
		hour, minute = s.Time.Hour, s.Time.Minute
	}
	if s.Minutes > 0 {
		minutes = s.Minutes
	}
	start := time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, p.loc)
	o := Occurrence{Meeting: m, Date: p.midnight(d), Start: start, End: start.Add(time.Duration(minutes) * time.Minute)}
	if s.Time.Set {
		o.Date = start
	}
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
	f := m.Frequency
	if f.Kind == model.FreqWeeks {
		p.weeks(m, s, max(f.Weeks, 1))
		return nil
	}
	months, err := meetingMonths(m, s)
	if err != nil {
		return err
	}
	for _, month := range months {
		p.monthly(m, s, month)
	}
	return nil
}

// weeks places a meeting held every n weeks.
func (p *planner) weeks(m *model.Meeting, s model.Schedule, n int) {
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
	for d := first; !d.After(dec31); d = d.AddDate(0, 0, step) {
		monday := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		lo := latest(monday, jan1, from)
		hi := earliest(monday.AddDate(0, 0, 4), dec31)
		p.place(m, d, lo, hi)
	}
}

// monthly places a meeting's date in one month.
func (p *planner) monthly(m *model.Meeting, s model.Schedule, month time.Month) {
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
			return // the series has not begun
		}
		lo = latest(lo, start)
	}
	p.place(m, nominal, lo, lastDay)
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
