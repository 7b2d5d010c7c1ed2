package calendar

import (
	"slices"
	"strings"
	"testing"
	"time"

	"samarbeid/generator/model"
)

func date(y int, m time.Month, d int) model.Date { return model.Date{Time: civil(y, m, d)} }

func weekday(d time.Weekday) model.Weekday { return model.Weekday{Set: true, Day: d} }

// breaks are the school holidays of the test agreement, around the years
// tested: 2026 has Easter in April, 2027 in March.
var testBreaks = []model.Break{
	{Name: "Juleferie", From: date(2025, 12, 22), To: date(2026, 1, 2)},
	{Name: "Sommerferie", From: date(2026, 6, 29), To: date(2026, 8, 7)},
	{Name: "Juleferie", From: date(2026, 12, 21), To: date(2027, 1, 3)},
	{Name: "Sommerferie", From: date(2027, 6, 28), To: date(2027, 8, 6)},
	{Name: "Juleferie", From: date(2027, 12, 20), To: date(2027, 12, 31)},
}

func agreementWith(t *testing.T, frequency string, s *model.Schedule) *model.Agreement {
	t.Helper()
	f, err := model.ParseFrequency(frequency)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Agreement{
		Title: "Samarbeidsavtale", Municipality: "Testvik kommune", Version: "1.0",
		Meetings: []model.Meeting{{ID: "møtet", Name: "Møtet", Level: model.LevelLeader, Frequency: f, Convener: "leder", Schedule: s}},
		Calendar: &model.CalendarPlan{Breaks: testBreaks},
	}
}

// dates lists the plan's days as MM-DD, with «*» after a moved one.
func dates(p YearPlan) []string {
	var out []string
	for _, m := range p.Months {
		for _, o := range m {
			s := o.Date.Format("01-02")
			if o.Moved != "" {
				s += "*"
			}
			out = append(out, s)
		}
	}
	return out
}

func skips(p YearPlan) []string {
	var out []string
	for _, s := range p.Skipped {
		out = append(out, s.Date.Format("01-02"))
	}
	return out
}

func TestPlanDates(t *testing.T) {
	tests := []struct {
		name      string
		year      int
		frequency string
		schedule  *model.Schedule
		want      []string          // every date; nil to check count only
		count     int               // used when want is nil
		skipped   []string          // dates dropped
		moved     map[string]string // MM-DD → Moved text
	}{
		{
			name: "weekly on Thursdays, Easter in March", year: 2027, frequency: "hver uke",
			schedule: &model.Schedule{Weekday: weekday(time.Thursday)},
			count:    44,
			skipped:  []string{"07-01", "07-08", "07-15", "07-22", "07-29", "08-05", "12-23", "12-30"},
			moved: map[string]string{
				"03-24": "flyttet fra 25. mars (Skjærtorsdag)",
				"05-07": "flyttet fra 6. mai (Kristi himmelfartsdag)",
			},
		},
		{
			name: "weekly on Mondays, Easter in March", year: 2027, frequency: "ukentlig",
			schedule: &model.Schedule{Weekday: weekday(time.Monday)},
			count:    44,
			skipped:  []string{"06-28", "07-05", "07-12", "07-19", "07-26", "08-02", "12-20", "12-27"},
			moved: map[string]string{
				"03-30": "flyttet fra 29. mars (Andre påskedag)",
				"05-18": "flyttet fra 17. mai (Grunnlovsdag og Andre pinsedag)",
			},
		},
		{
			name: "weekly on Thursdays, Easter in April", year: 2026, frequency: "hver uke",
			schedule: &model.Schedule{Weekday: weekday(time.Thursday)},
			count:    44,
			skipped:  []string{"01-01", "07-02", "07-09", "07-16", "07-23", "07-30", "08-06", "12-24", "12-31"},
			moved: map[string]string{
				"04-01": "flyttet fra 2. april (Skjærtorsdag)",
				"05-15": "flyttet fra 14. mai (Kristi himmelfartsdag)",
			},
		},
		{
			name: "fortnightly from a start date", year: 2027, frequency: "hver 14. dag",
			schedule: &model.Schedule{Weekday: weekday(time.Monday), Start: date(2027, 3, 15)},
			want:     []string{"03-15", "03-30*", "04-12", "04-26", "05-10", "05-24", "06-07", "06-21", "08-09*", "08-16", "08-30", "09-13", "09-27", "10-11", "10-25", "11-08", "11-22", "12-06"},
			skipped:  []string{"07-05", "07-19", "12-20"},
			moved:    map[string]string{"03-30": "flyttet fra 29. mars (Andre påskedag)"},
		},
		{
			name: "fortnightly keeps its rhythm from last year", year: 2027, frequency: "annenhver uke",
			schedule: &model.Schedule{Start: date(2026, 12, 29)},
			want:     []string{"01-12", "01-26", "02-09", "02-23", "03-09", "03-23", "04-06", "04-20", "05-04", "05-18", "06-01", "06-15", "08-10", "08-24", "09-07", "09-21", "10-05", "10-19", "11-02", "11-16", "11-30", "12-14"},
			skipped:  []string{"06-29", "07-13", "07-27", "12-28"},
		},
		{
			name: "fortnightly, Easter in April", year: 2026, frequency: "hver 14. dag",
			schedule: &model.Schedule{Weekday: weekday(time.Monday)},
			want:     []string{"01-05", "01-19", "02-02", "02-16", "03-02", "03-16", "03-30", "04-13", "04-27", "05-11", "05-26*", "06-08", "06-22", "08-10*", "08-17", "08-31", "09-14", "09-28", "10-12", "10-26", "11-09", "11-23", "12-07"},
			skipped:  []string{"07-06", "07-20", "12-21"},
			moved:    map[string]string{"05-26": "flyttet fra 25. mai (Andre pinsedag)"},
		},
		{
			name: "every third week, Easter in March", year: 2027, frequency: "hver 3. uke",
			schedule: &model.Schedule{Weekday: weekday(time.Friday)},
			want:     []string{"01-08*", "01-22", "02-12", "03-05", "03-24*", "04-16", "05-07", "05-28", "06-18", "08-13*", "08-20", "09-10", "10-01", "10-22", "11-12", "12-03"},
			skipped:  []string{"07-09", "12-24"},
			moved:    map[string]string{"03-24": "flyttet fra 26. mars (Langfredag)"},
		},
		{
			name: "every third week, Easter in April", year: 2026, frequency: "hver tredje uke",
			schedule: &model.Schedule{Weekday: weekday(time.Friday), Start: date(2026, 3, 13)},
			want:     []string{"03-13", "04-01*", "04-24", "05-15", "06-05", "06-26", "08-14*", "08-28", "09-18", "10-09", "10-30", "11-20", "12-11"},
			skipped:  []string{"07-17"},
			moved:    map[string]string{"04-01": "flyttet fra 3. april (Langfredag)"},
		},
		{
			name: "monthly on the first Tuesday by default", year: 2027, frequency: "månedlig",
			want:    []string{"01-05", "02-02", "03-02", "04-06", "05-04", "06-01", "08-10*", "09-07", "10-05", "11-02", "12-07"},
			skipped: []string{"07-06"},
			moved:   map[string]string{"08-10": "flyttet fra 3. august (Sommerferie)"},
		},
		{
			name: "monthly on the 17th", year: 2027, frequency: "hver måned",
			schedule: &model.Schedule{Day: 17},
			want:     []string{"01-18", "02-17", "03-17", "04-19", "05-18*", "06-17", "08-17", "09-17", "10-18", "11-17", "12-17"},
			skipped:  []string{"07-19"},
			moved:    map[string]string{"05-18": "flyttet fra 17. mai (Grunnlovsdag og Andre pinsedag)"},
		},
		{
			name: "monthly on the first Thursday, Easter in April", year: 2026, frequency: "månedlig",
			schedule: &model.Schedule{Weekday: weekday(time.Thursday)},
			want:     []string{"01-08*", "02-05", "03-05", "04-01*", "05-07", "06-04", "08-13*", "09-03", "10-01", "11-05", "12-03"},
			skipped:  []string{"07-02"},
			moved: map[string]string{
				"01-08": "flyttet fra 1. januar (Nyttårsdag)",
				"04-01": "flyttet fra 2. april (Skjærtorsdag)",
				"08-13": "flyttet fra 6. august (Sommerferie)",
			},
		},
		{
			name: "monthly on the 1st, Easter in April", year: 2026, frequency: "månedlig",
			schedule: &model.Schedule{Day: 1},
			want:     []string{"01-08*", "02-02", "03-02", "04-01", "05-08*", "06-01", "08-10*", "09-01", "10-01", "11-02", "12-01"},
			skipped:  []string{"07-01"},
			moved:    map[string]string{"05-08": "flyttet fra 1. mai (Arbeidernes dag)"},
		},
		{
			name: "monthly on the 14th, Ascension Day", year: 2026, frequency: "månedlig",
			schedule: &model.Schedule{Day: 14},
			want:     []string{"01-14", "02-16", "03-16", "04-14", "05-15*", "06-15", "08-14", "09-14", "10-14", "11-16", "12-14"},
			skipped:  []string{"07-14"},
			moved:    map[string]string{"05-15": "flyttet fra 14. mai (Kristi himmelfartsdag)"},
		},
		{
			name: "monthly from a start date", year: 2027, frequency: "månedlig",
			schedule: &model.Schedule{Start: date(2027, 6, 15)},
			want:     []string{"08-10*", "09-07", "10-05", "11-02", "12-07"},
			skipped:  []string{"07-06"},
		},
		{
			name: "quarterly by default, Easter in March", year: 2027, frequency: "kvartalsvis",
			want: []string{"03-02", "06-01", "09-07", "12-07"},
		},
		{
			name: "quarterly by default, Easter in April", year: 2026, frequency: "hvert kvartal",
			want: []string{"03-03", "06-02", "09-01", "12-01"},
		},
		{
			name: "quarterly in chosen months", year: 2026, frequency: "kvartalsvis",
			schedule: &model.Schedule{Weekday: weekday(time.Monday), Months: []model.Month{10, 1, 7, 4}},
			want:     []string{"01-05", "04-07*", "10-05"},
			skipped:  []string{"07-06"},
			moved:    map[string]string{"04-07": "flyttet fra 6. april (Andre påskedag)"},
		},
		{
			name: "twice a year by default, Easter in March", year: 2027, frequency: "vår og høst",
			want: []string{"03-02", "10-05"},
		},
		{
			name: "twice a year by default, Easter in April", year: 2026, frequency: "halvårlig (vår og høst)",
			want: []string{"03-03", "10-06"},
		},
		{
			name: "twice a year, moved before Christmas", year: 2027, frequency: "halvårlig",
			schedule: &model.Schedule{Day: 20, Months: []model.Month{5, 12}},
			want:     []string{"05-20", "12-13*"},
			moved:    map[string]string{"12-13": "flyttet fra 20. desember (Juleferie)"},
		},
		{
			name: "twice a year, moved off 1 May", year: 2026, frequency: "to ganger i året",
			schedule: &model.Schedule{Day: 1, Months: []model.Month{5, 12}},
			want:     []string{"05-08*", "12-01"},
		},
		{
			name: "yearly before April, moved past Easter", year: 2027, frequency: "årlig innen april",
			schedule: &model.Schedule{Day: 25},
			want:     []string{"03-24*"},
			moved:    map[string]string{"03-24": "flyttet fra 25. mars (Skjærtorsdag)"},
		},
		{
			name: "yearly before April, Easter in April", year: 2026, frequency: "innen april",
			want: []string{"03-03"},
		},
		{
			name: "yearly before May, moved past Easter", year: 2026, frequency: "årlig, innen mai",
			schedule: &model.Schedule{Day: 2},
			want:     []string{"04-01*"},
		},
		{
			name: "yearly without deadline", year: 2027, frequency: "årlig",
			want: []string{"01-05"},
		},
		{
			name: "yearly before January is held in December", year: 2027, frequency: "innen januar",
			want: []string{"12-07"},
		},
		{
			name: "yearly in a chosen month", year: 2027, frequency: "årlig innen juni",
			schedule: &model.Schedule{Months: []model.Month{5}, Weekday: weekday(time.Monday)},
			want:     []string{"05-03"},
		},
		{
			name: "every other month, ending in December", year: 2027, frequency: "annenhver måned",
			want: []string{"02-02", "04-06", "06-01", "08-10*", "10-05", "12-07"},
		},
		{
			name: "the first Tuesday of the month", year: 2027, frequency: "første tirsdag i måneden",
			want:    []string{"01-05", "02-02", "03-02", "04-06", "05-04", "06-01", "08-10*", "09-07", "10-05", "11-02", "12-07"},
			skipped: []string{"07-06"},
		},
		{
			name: "the last Friday of the month", year: 2027, frequency: "siste fredag i måneden",
			want:    []string{"01-29", "02-26", "03-24*", "04-30", "05-28", "06-25", "08-27", "09-24", "10-29", "11-26", "12-17*"},
			skipped: []string{"07-30"},
		},
		{
			name: "every autumn", year: 2027, frequency: "hver høst",
			want: []string{"10-05"},
		},
		{
			name: "three times a year", year: 2027, frequency: "tre ganger i året",
			want: []string{"04-06", "08-10*", "12-07"},
		},
		{
			name: "every term", year: 2027, frequency: "hvert semester",
			want: []string{"03-02", "10-05"},
		},
		{
			name: "a phrase the plan cannot place", year: 2027, frequency: "av og til",
			want: nil, count: 0,
		},
		{
			name: "as needed", year: 2027, frequency: "ved behov",
			want: nil, count: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := agreementWith(t, tt.frequency, tt.schedule)
			p, err := Plan(a, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			got := dates(p)
			if tt.want != nil && !slices.Equal(got, tt.want) {
				t.Errorf("dates:\n got %v\nwant %v", got, tt.want)
			}
			if tt.want == nil && len(got) != tt.count {
				t.Errorf("got %d dates, want %d: %v", len(got), tt.count, got)
			}
			if s := skips(p); !slices.Equal(s, tt.skipped) {
				t.Errorf("skipped:\n got %v\nwant %v", s, tt.skipped)
			}
			for day, want := range tt.moved {
				found := false
				for _, o := range p.Months[monthOf(t, day)-1] {
					if o.Date.Format("01-02") == day {
						found = true
						if got := o.Moved; got != want {
							t.Errorf("%s: Moved = %q, want %q", day, got, want)
						}
					}
				}
				if !found {
					t.Errorf("no meeting on %s", day)
				}
			}
			for _, o := range slices.Concat(p.Months[:]...) {
				if wd := o.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("meeting on a weekend: %v", o.Date)
				}
				if o.Date.Year() != tt.year {
					t.Errorf("meeting outside the year: %v", o.Date)
				}
			}
		})
	}
}

func monthOf(t *testing.T, mmdd string) int {
	d, err := time.Parse("01-02", mmdd)
	if err != nil {
		t.Fatal(err)
	}
	return int(d.Month())
}

func TestPlanNeverOnADayOff(t *testing.T) {
	frequencies := []string{"hver uke", "hver 14. dag", "hver 3. uke", "månedlig", "kvartalsvis", "vår og høst", "innen april"}
	for _, year := range []int{2016, 2024, 2025, 2026, 2027} {
		off := map[string]string{}
		for _, h := range daysOff(year) {
			off[h.Date.Format("2006-01-02")] = nb().T("holiday." + h.ID)
		}
		for _, f := range frequencies {
			for _, wd := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday} {
				a := agreementWith(t, f, &model.Schedule{Weekday: weekday(wd)})
				p, err := Plan(a, year)
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range slices.Concat(p.Months[:]...) {
					if name, ok := off[o.Date.Format("2006-01-02")]; ok {
						t.Errorf("%d %s %s: meeting on %s (%s)", year, f, wd, o.Date.Format("2006-01-02"), name)
					}
				}
			}
		}
	}
}

func TestPlanAsNeeded(t *testing.T) {
	a := agreementWith(t, "ved behov", nil)
	also, _ := model.ParseFrequency("kvartalsvis eller ved behov")
	regular, _ := model.ParseFrequency("faste møter")
	a.Meetings = append(a.Meetings,
		model.Meeting{ID: "kvartal", Name: "Kvartalsmøte", Frequency: also, Convener: "leder"},
		model.Meeting{ID: "fast", Name: "Fast møte", Frequency: regular, Convener: "leder"})
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.AsNeeded) != 1 || p.AsNeeded[0].ID != "møtet" {
		t.Errorf("AsNeeded = %v, want the «ved behov» meeting", p.AsNeeded)
	}
	if len(p.AlsoAsNeeded) != 1 || p.AlsoAsNeeded[0].ID != "kvartal" {
		t.Errorf("AlsoAsNeeded = %v, want the quarterly meeting", p.AlsoAsNeeded)
	}
	if len(p.Unscheduled) != 1 || p.Unscheduled[0].ID != "fast" {
		t.Errorf("Unscheduled = %v, want the «faste møter» meeting", p.Unscheduled)
	}
	if got := dates(p); !slices.Equal(got, []string{"03-02", "06-01", "09-07", "12-07"}) {
		t.Errorf("dates = %v, want the quarterly meeting's only", got)
	}
}

func TestPlanTimes(t *testing.T) {
	const layout = "2006-01-02 15:04 -0700"
	t.Run("no time: to be agreed, never an invented hour", func(t *testing.T) {
		p, err := Plan(agreementWith(t, "kvartalsvis", nil), 2027)
		if err != nil {
			t.Fatal(err)
		}
		march := p.Months[2][0]
		if march.Timed || !march.Start.IsZero() || march.Time() != "" {
			t.Errorf("a meeting without schedule.time has a time: %+v", march)
		}
		if got := march.Date.Format(layout); got != "2027-03-02 00:00 +0100" {
			t.Errorf("Date = %s, want midnight of 2 March in Oslo", got)
		}
	})
	t.Run("time and duration", func(t *testing.T) {
		s := &model.Schedule{Time: model.ClockTime{Set: true, Hour: 13, Minute: 30}, Minutes: 150}
		p, err := Plan(agreementWith(t, "kvartalsvis", s), 2027)
		if err != nil {
			t.Fatal(err)
		}
		march, june := p.Months[2][0], p.Months[5][0]
		for _, c := range []struct{ got, want string }{
			{march.Start.Format(layout), "2027-03-02 13:30 +0100"},
			{march.End.Format(layout), "2027-03-02 16:00 +0100"},
			{june.Start.Format(layout), "2027-06-01 13:30 +0200"},
			{march.Date.Format(layout), "2027-03-02 00:00 +0100"},
			{march.Time(), "13:30–16:00"},
			{march.Start.Location().String(), "Europe/Oslo"},
		} {
			if c.got != c.want {
				t.Errorf("got %s, want %s", c.got, c.want)
			}
		}
	})
	t.Run("time without duration lasts an hour", func(t *testing.T) {
		s := &model.Schedule{Time: model.ClockTime{Set: true, Hour: 9}}
		p, err := Plan(agreementWith(t, "kvartalsvis", s), 2027)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Months[2][0].Time(); got != "09:00–10:00" {
			t.Errorf("Time = %s, want 09:00–10:00", got)
		}
	})
}

func TestPlanErrors(t *testing.T) {
	tests := []struct {
		name      string
		frequency string
		schedule  *model.Schedule
		year      int
		want      string
	}{
		{"weekend", "hver uke", &model.Schedule{Weekday: weekday(time.Saturday)}, 2027, "lørdag"},
		{"quarterly months in one quarter", "kvartalsvis", &model.Schedule{Months: []model.Month{1, 2, 7, 10}}, 2027, "én måned i hvert kvartal"},
		{"twice a year in one month", "halvårlig", &model.Schedule{Months: []model.Month{3, 3}}, 2027, "to ulike måneder"},
		{"yearly after its deadline", "årlig innen april", &model.Schedule{Months: []model.Month{5}}, 2027, "innen april, men «months» sier mai"},
		{"year out of range", "månedlig", nil, 1200, "fra 1900 til 2200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Plan(agreementWith(t, tt.frequency, tt.schedule), tt.year)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one that says %q", err, tt.want)
			}
		})
	}
}

func TestPlanYear(t *testing.T) {
	a := agreementWith(t, "månedlig", nil)
	if _, err := Plan(a, 0); err == nil || !strings.Contains(err.Error(), "mangler år") {
		t.Errorf("error = %v, want one about the missing year", err)
	}
	a.Calendar.Year = 2026
	p, err := Plan(a, 0)
	if err != nil || p.Year != 2026 {
		t.Errorf("Plan(a, 0) = %d, %v; want the file's year 2026", p.Year, err)
	}
	if len(p.Breaks) != 3 {
		t.Errorf("got %d breaks touching 2026, want 3", len(p.Breaks))
	}
	a.Calendar = nil
	p, err = Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if got := dates(p); len(got) != 12 {
		t.Errorf("without breaks a monthly meeting is held 12 times, got %v", got)
	}
}

func TestPlanFixture(t *testing.T) {
	a := loadFixture(t, "testdata/avtale.yaml")
	p, err := Plan(a, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Year != 2027 {
		t.Errorf("Year = %d, want the file's 2027", p.Year)
	}
	order := map[model.ID]int{}
	for i, m := range a.Meetings {
		order[m.ID] = i
	}
	for month, occ := range p.Months {
		for i, o := range occ {
			if int(o.Date.Month()) != month+1 {
				t.Errorf("%s %v filed under month %d", o.Meeting.ID, o.Date, month+1)
			}
			if i == 0 {
				continue
			}
			prev := occ[i-1]
			if key(prev.Date) > key(o.Date) || key(prev.Date) == key(o.Date) && order[prev.Meeting.ID] > order[o.Meeting.ID] {
				t.Errorf("%s %v before %s %v: want date, then file order", prev.Meeting.ID, prev.Date, o.Meeting.ID, o.Date)
			}
		}
	}
	if got := p.Attendees["avdelingsmøte"]; got != "Programrådgiver, kontaktlærer og prosjektleder for heldagstilbudet" {
		t.Errorf("Attendees = %q", got)
	}
	if len(p.AsNeeded) != 1 || p.AsNeeded[0].ID != "overføringsmøte" {
		t.Errorf("AsNeeded = %v", p.AsNeeded)
	}
}
