package calendar

import (
	"cmp"
	"slices"
	"time"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// Break is one of the file's breaks as it falls in the plan's year: a
// recurring break («uke 28–31») gives its days in that year, a dated one
// its own dates. A break across the new year («23. desember–1. januar»)
// touches the year twice.
type Break struct {
	Name string
	// From and To are the first and last day off, at midnight in Europe/Oslo.
	From, To time.Time
	// Rule is the recurring period as written, e.g. «uke 28–31»; empty for
	// a dated break.
	Rule string
}

// yearBreaks gives the breaks that touch year, in date order.
func yearBreaks(c *model.CalendarPlan, year int, words *lang.Pack) []Break {
	if c == nil {
		return nil
	}
	jan1, dec31 := civil(year, time.January, 1), civil(year, time.December, 31)
	var out []Break
	for _, b := range c.Breaks {
		for _, r := range breakRanges(b, year) {
			if r[1].Before(jan1) || r[0].After(dec31) {
				continue
			}
			out = append(out, Break{Name: b.Name, From: r[0], To: r[1], Rule: b.When.In(words)})
		}
	}
	slices.SortStableFunc(out, func(x, y Break) int { return cmp.Compare(key(x.From), key(y.From)) })
	loc := oslo()
	for i := range out {
		out[i].From = inZone(out[i].From, loc)
		out[i].To = inZone(out[i].To, loc)
	}
	return out
}

// breakRanges are the first and last days of a break around year, as civil
// dates: for a recurring break its days in the year before, the year and
// the year after, so that one spanning the new year is found from both
// sides.
func breakRanges(b model.Break, year int) [][2]time.Time {
	if b.When.IsZero() {
		return [][2]time.Time{{civil(b.From.Date()), civil(b.To.Date())}}
	}
	var out [][2]time.Time
	for y := year - 1; y <= year+1; y++ {
		out = append(out, periodIn(b.When, y))
	}
	return out
}

// periodIn is a recurring period's first and last day when it starts in year.
func periodIn(p model.Period, year int) [2]time.Time {
	switch p.Kind {
	case model.PeriodWeeks:
		monday := isoWeekMonday(year, p.FromWeek)
		last := isoWeekMonday(year, p.ToWeek).AddDate(0, 0, 6)
		return [2]time.Time{monday, last}
	case model.PeriodEaster:
		e := Easter(year)
		return [2]time.Time{e.AddDate(0, 0, -6), e.AddDate(0, 0, 1)}
	}
	from := monthDay(year, time.Month(p.FromMonth), p.FromDay)
	to := monthDay(year, time.Month(p.ToMonth), p.ToDay)
	if to.Before(from) {
		to = monthDay(year+1, time.Month(p.ToMonth), p.ToDay)
	}
	return [2]time.Time{from, to}
}

// monthDay is day d of a month, 29 February falling back to the 28th.
func monthDay(year int, m time.Month, d int) time.Time {
	t := civil(year, m, d)
	if t.Month() != m {
		return civil(year, m, d-1)
	}
	return t
}

// isoWeekMonday is the Monday of ISO week w: week 1 holds 4 January.
func isoWeekMonday(year, w int) time.Time {
	jan4 := civil(year, time.January, 4)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1))
}

func inZone(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}
