package calendar

import (
	"slices"
	"time"
)

// Holiday is a day on which no meeting is placed.
type Holiday struct {
	// Date is the day, at midnight in Europe/Oslo.
	Date time.Time
	// ID names the day in the language pack (holiday.<ID>), e.g.
	// «skjaertorsdag».
	ID string
}

// PublicHolidays gives the Norwegian public holidays (helligdager and the
// two statutory holidays 1 and 17 May) of a year, in date order. Easter is
// computed by the Gregorian computus, so the result is valid from 1583 on.
func PublicHolidays(year int) []Holiday {
	easter := Easter(year)
	fixed := func(m time.Month, d int) time.Time { return civil(year, m, d) }
	days := []Holiday{
		{fixed(time.January, 1), "nyttarsdag"},
		{easter.AddDate(0, 0, -7), "palmesondag"},
		{easter.AddDate(0, 0, -3), "skjaertorsdag"},
		{easter.AddDate(0, 0, -2), "langfredag"},
		{easter, "forste-paskedag"},
		{easter.AddDate(0, 0, 1), "andre-paskedag"},
		{fixed(time.May, 1), "arbeidernes-dag"},
		{fixed(time.May, 17), "grunnlovsdag"},
		{easter.AddDate(0, 0, 39), "kristi-himmelfartsdag"},
		{easter.AddDate(0, 0, 49), "forste-pinsedag"},
		{easter.AddDate(0, 0, 50), "andre-pinsedag"},
		{fixed(time.December, 25), "forste-juledag"},
		{fixed(time.December, 26), "andre-juledag"},
	}
	return inOslo(sortHolidays(days))
}

// daysOff are the public holidays plus julaften and nyttårsaften: not public
// holidays, but days on which no municipal leader expects a meeting.
func daysOff(year int) []Holiday {
	days := PublicHolidays(year)
	for i := range days {
		days[i].Date = civil(days[i].Date.Date())
	}
	days = append(days,
		Holiday{civil(year, time.December, 24), "julaften"},
		Holiday{civil(year, time.December, 31), "nyttarsaften"},
	)
	return inOslo(sortHolidays(days))
}

func sortHolidays(days []Holiday) []Holiday {
	slices.SortStableFunc(days, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return days
}

func inOslo(days []Holiday) []Holiday {
	loc := oslo()
	for i, d := range days {
		y, m, dd := d.Date.Date()
		days[i].Date = time.Date(y, m, dd, 0, 0, 0, 0, loc)
	}
	return days
}

// Easter is Easter Sunday of a year in the Gregorian calendar, by the
// anonymous Gregorian computus (Meeus/Jones/Butcher), at midnight UTC.
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return civil(year, time.Month(n/31), n%31+1)
}

// civil is a calendar date as midnight UTC, so that adding days never meets
// a change of summer time.
func civil(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
