package calendar

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"samarbeid/generator/model"
	"samarbeid/templates"
)

// plans are the agreements every plan-wide property is checked on: the
// samples, the test agreement and one with eight meeting bodies that
// mostly share a convener.
func plans(t *testing.T) map[string]*model.Agreement {
	t.Helper()
	files, _ := filepath.Glob("../../samples/*.yaml")
	files = append(files, "testdata/avtale.yaml", "testdata/mange-moter.yaml")
	out := map[string]*model.Agreement{}
	for _, f := range files {
		out[filepath.Base(f)] = loadFixture(t, f)
	}
	// The starter file with a meeting every third week added, convened by
	// the adviser who convenes the monthly meeting too.
	data, err := templates.Files.ReadFile("init-avtale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	extra := `  - id: voksenopplaering
    name: Møte med voksenopplæringen
    level: saksbehandler
    frequency: hver 3. uke
    convener: programradgiver
    participants: [programradgiver, kontaktlaerer]
    schedule:
      time: "09:00"
`
	text := strings.Replace(string(data), "\n# Informasjonsdeling", extra+"\n# Informasjonsdeling", 1)
	a, diags := model.Load("init-avtale.yaml", []byte(text))
	if a == nil || len(a.Meetings) < 5 {
		t.Fatalf("the starter with an added meeting does not load:\n%v", diags)
	}
	out["init-avtale.yaml + hver 3. uke"] = a
	return out
}

// together reports whether two meetings name someone in common, by id.
func together(x, y *model.Meeting) bool {
	who := func(m *model.Meeting) []model.ID { return append([]model.ID{m.Convener}, m.Participants...) }
	for _, id := range who(x) {
		if slices.Contains(who(y), id) {
			return true
		}
	}
	return false
}

func TestNoOneIsInTwoMeetingsAtOnce(t *testing.T) {
	for name, a := range plans(t) {
		for _, year := range []int{2026, 2027, 2028} {
			p, err := Plan(a, year)
			if err != nil {
				t.Fatalf("%s %d: %v", name, year, err)
			}
			for _, month := range p.Months {
				for i, x := range month {
					for _, y := range month[i+1:] {
						if !x.Date.Equal(y.Date) || !together(x.Meeting, y.Meeting) {
							continue
						}
						if !x.Timed || !y.Timed || (x.Start.Before(y.End) && y.Start.Before(x.End)) {
							t.Errorf("%s %d: %s and %s share a participant and overlap on %s", name, year, x.Meeting.ID, y.Meeting.ID, x.Date.Format("2006-01-02"))
						}
					}
				}
			}
		}
	}
}

func TestManyMeetingsWithOneConvenerAreSpread(t *testing.T) {
	a := loadFixture(t, "testdata/mange-moter.yaml")
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(p.Bodies()); n != 8 {
		t.Errorf("%d meeting bodies with dates, want 8", n)
	}
	moved := 0
	for _, month := range p.Months {
		for _, o := range month {
			if o.Clash != nil {
				moved++
				if !strings.Contains(o.Moved, "samtidig med "+o.Clash.Name) {
					t.Errorf("%s on %s: the plan does not say why it moved: %q", o.Meeting.ID, o.Date.Format("01-02"), o.Moved)
				}
			}
		}
	}
	if moved == 0 {
		t.Error("no meeting was moved away from a clash; the fixture should have some")
	}
}

func TestClashWithoutFreeDayIsReported(t *testing.T) {
	a := agreementWith(t, "hver uke", nil)
	base := a.Meetings[0]
	a.Meetings = nil
	for i := range 6 {
		m := base
		m.ID = model.ID(fmt.Sprintf("m%d", i))
		m.Name = fmt.Sprintf("Møte %d", i)
		m.Pos = model.Pos{Line: 10 + i, Col: 5}
		a.Meetings = append(a.Meetings, m)
	}
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Clashes) == 0 {
		t.Fatal("six weekly meetings of one convener fit in a five-day week")
	}
	for _, c := range p.Clashes {
		if c.Meeting.Pos.Line <= c.Other.Pos.Line {
			t.Errorf("on %s %s gave way to %s; the later-defined meeting should give way", c.Date.Format("01-02"), c.Meeting.ID, c.Other.ID)
		}
	}
	if got := len(p.Clashes); got < 40 {
		t.Errorf("%d clashes; the sixth meeting has no free day in any week", got)
	}
	for _, s := range p.Skipped {
		if s.Clash != nil && !strings.HasPrefix(s.Reason, "samtidig med ") {
			t.Errorf("a date dropped for a clash says %q", s.Reason)
		}
	}
}

// inISOWeeks reports whether d lies in ISO weeks from–to of its year.
func inISOWeeks(d time.Time, from, to int) bool {
	_, w := d.ISOWeek()
	return w >= from && w <= to
}

func TestRecurringBreaksApplyToAnyYear(t *testing.T) {
	data, err := templates.Files.ReadFile("init-avtale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, diags := model.Load("init-avtale.yaml", data)
	if a == nil {
		t.Fatal(diags)
	}
	a.Meetings[0].Frequency = model.Frequency{Kind: model.FreqWeeks, Weeks: 1}
	a.Meetings[1].Frequency = model.Frequency{Kind: model.FreqMonthly}
	for _, year := range []int{2027, 2028, 2029} {
		p, err := Plan(a, year)
		if err != nil {
			t.Fatal(err)
		}
		holidays := map[string]string{}
		for _, h := range PublicHolidays(year) {
			holidays[h.Date.Format("01-02")] = nb().T("holiday." + h.ID)
		}
		easter := Easter(year)
		for _, month := range p.Months {
			for _, o := range month {
				d := o.Date
				day := d.Format("01-02")
				switch {
				case holidays[day] != "":
					t.Errorf("%d: %s on %s (%s)", year, o.Meeting.ID, day, holidays[day])
				case inISOWeeks(d, 9, 9) || inISOWeeks(d, 28, 31):
					t.Errorf("%d: %s on %s, in the winter or summer break", year, o.Meeting.ID, day)
				case day >= "12-23" || day == "01-01":
					t.Errorf("%d: %s on %s, in the Christmas break", year, o.Meeting.ID, day)
				case !d.Before(easter.AddDate(0, 0, -6).In(d.Location())) && !civil(d.Date()).After(easter.AddDate(0, 0, 1)):
					t.Errorf("%d: %s on %s, in the Easter break", year, o.Meeting.ID, day)
				}
			}
		}
		if p.Count() < 30 {
			t.Errorf("%d: only %d meetings; the breaks took too much", year, p.Count())
		}
	}
}

func TestWeekdayIsKeptOrExplained(t *testing.T) {
	for name, a := range plans(t) {
		for _, year := range []int{2026, 2027, 2028} {
			p, err := Plan(a, year)
			if err != nil {
				t.Fatal(err)
			}
			for _, month := range p.Months {
				for _, o := range month {
					s := o.Meeting.Schedule
					if s == nil || !s.Weekday.Set || s.Day > 0 {
						continue
					}
					if o.Date.Weekday() != s.Weekday.Day && o.Moved == "" {
						t.Errorf("%s %d: %s on %s %s, not %s, and the plan does not say why", name, year, o.Meeting.ID, nb().Weekday(o.Date.Weekday()), o.Date.Format("01-02"), s.Weekday)
					}
				}
			}
		}
	}
}

func TestHolidayRuleDrop(t *testing.T) {
	a := agreementWith(t, "hver uke", &model.Schedule{Weekday: weekday(time.Thursday)})
	a.Calendar.OnHoliday = model.HolidayDrop
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dates(p) {
		if strings.HasSuffix(d, "*") {
			t.Errorf("%s moved although the file says «on_holiday: utgår»", d)
		}
	}
	if !slices.Contains(skips(p), "03-25") {
		t.Errorf("Skjærtorsdag is not dropped: %v", skips(p))
	}
	a.Meetings[0].Schedule.OnHoliday = model.HolidayMove
	p, _ = Plan(a, 2027)
	if !slices.Contains(dates(p), "03-24*") {
		t.Errorf("the meeting's own «on_holiday: flyttes» is not followed: %v", dates(p))
	}
}
