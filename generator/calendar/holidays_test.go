package calendar

import (
	"strings"
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{1818, "1818-03-22"}, // earliest possible
		{1943, "1943-04-25"}, // latest possible
		{2000, "2000-04-23"},
		{2016, "2016-03-27"},
		{2019, "2019-04-21"},
		{2024, "2024-03-31"},
		{2025, "2025-04-20"},
		{2026, "2026-04-05"},
		{2027, "2027-03-28"},
		{2038, "2038-04-25"},
		{2285, "2285-03-22"},
	}
	for _, tt := range tests {
		if got := Easter(tt.year).Format("2006-01-02"); got != tt.want {
			t.Errorf("Easter(%d) = %s, want %s", tt.year, got, tt.want)
		}
	}
}

func TestPublicHolidays(t *testing.T) {
	tests := []struct {
		year int
		want []string
	}{
		{2016, []string{ // Easter in March
			"01-01 Nyttårsdag", "03-20 Palmesøndag", "03-24 Skjærtorsdag", "03-25 Langfredag",
			"03-27 Første påskedag", "03-28 Andre påskedag", "05-01 Arbeidernes dag",
			"05-05 Kristi himmelfartsdag", "05-15 Første pinsedag", "05-16 Andre pinsedag",
			"05-17 Grunnlovsdag", "12-25 Første juledag", "12-26 Andre juledag",
		}},
		{2024, []string{ // Easter on the last day of March
			"01-01 Nyttårsdag", "03-24 Palmesøndag", "03-28 Skjærtorsdag", "03-29 Langfredag",
			"03-31 Første påskedag", "04-01 Andre påskedag", "05-01 Arbeidernes dag",
			"05-09 Kristi himmelfartsdag", "05-17 Grunnlovsdag", "05-19 Første pinsedag",
			"05-20 Andre pinsedag", "12-25 Første juledag", "12-26 Andre juledag",
		}},
		{2025, []string{ // Easter late in April
			"01-01 Nyttårsdag", "04-13 Palmesøndag", "04-17 Skjærtorsdag", "04-18 Langfredag",
			"04-20 Første påskedag", "04-21 Andre påskedag", "05-01 Arbeidernes dag",
			"05-17 Grunnlovsdag", "05-29 Kristi himmelfartsdag", "06-08 Første pinsedag",
			"06-09 Andre pinsedag", "12-25 Første juledag", "12-26 Andre juledag",
		}},
		{2026, []string{ // Easter in April, Palmesøndag in March
			"01-01 Nyttårsdag", "03-29 Palmesøndag", "04-02 Skjærtorsdag", "04-03 Langfredag",
			"04-05 Første påskedag", "04-06 Andre påskedag", "05-01 Arbeidernes dag",
			"05-14 Kristi himmelfartsdag", "05-17 Grunnlovsdag", "05-24 Første pinsedag",
			"05-25 Andre pinsedag", "12-25 Første juledag", "12-26 Andre juledag",
		}},
		{2027, []string{ // Easter in March; Andre pinsedag is Grunnlovsdag
			"01-01 Nyttårsdag", "03-21 Palmesøndag", "03-25 Skjærtorsdag", "03-26 Langfredag",
			"03-28 Første påskedag", "03-29 Andre påskedag", "05-01 Arbeidernes dag",
			"05-06 Kristi himmelfartsdag", "05-16 Første pinsedag", "05-17 Grunnlovsdag",
			"05-17 Andre pinsedag", "12-25 Første juledag", "12-26 Andre juledag",
		}},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range PublicHolidays(tt.year) {
			if h.Date.Year() != tt.year {
				t.Errorf("%d: %s falls in %d", tt.year, nb().T("holiday."+h.ID), h.Date.Year())
			}
			if h.Date.Location().String() != "Europe/Oslo" || h.Date.Hour() != 0 {
				t.Errorf("%d: %s is %v, want midnight in Europe/Oslo", tt.year, nb().T("holiday."+h.ID), h.Date)
			}
			got = append(got, h.Date.Format("01-02")+" "+nb().T("holiday."+h.ID))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("PublicHolidays(%d):\n%s\nwant:\n%s", tt.year, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestDaysOffAddChristmasAndNewYearsEve(t *testing.T) {
	days := daysOff(2027)
	if len(days) != 15 {
		t.Fatalf("got %d days off, want 13 public holidays and 2 eves", len(days))
	}
	last := days[len(days)-1]
	if last.ID != "nyttarsaften" || last.Date.Month() != time.December || last.Date.Day() != 31 {
		t.Errorf("last day off = %s %v, want Nyttårsaften 31 December", last.ID, last.Date)
	}
	for i := 1; i < len(days); i++ {
		if days[i].Date.Before(days[i-1].Date) {
			t.Errorf("days off out of order: %s after %s", days[i].ID, days[i-1].ID)
		}
	}
}
