package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FrequencyKind is how often something recurs.
type FrequencyKind int

// The kinds of frequency.
const (
	FreqNone        FrequencyKind = iota
	FreqWeeks                     // every N weeks; N = 1 is weekly
	FreqMonthly                   // every N months (Months), or on the Nth weekday of each month
	FreqQuarterly                 // once a quarter
	FreqTwiceYearly               // twice a year, spring and autumn
	FreqYearly                    // once a year, optionally before a deadline month or in a season
	FreqAsNeeded                  // ved behov: no fixed dates
	FreqRegular                   // faste møter: regular, but the file sets no interval
	FreqUnplaced                  // the parties' own phrase, which the year plan cannot turn into dates
)

// Season is the half of the year a yearly meeting is held in.
type Season int

// The seasons a yearly meeting can be tied to.
const (
	NoSeason Season = iota
	Spring
	Autumn
)

// Frequency is how often a meeting is held, written in Norwegian in the file
// («kvartalsvis», «hver 14. dag», «annenhver måned», «første tirsdag i
// måneden», «innen april», «ved behov»). Documents print Text, the parties'
// own words; the other fields are what the year plan reads from them.
type Frequency struct {
	Kind FrequencyKind
	// Weeks is the interval for FreqWeeks.
	Weeks int
	// Months is the interval for FreqMonthly: 0 or 1 every month, 2 every
	// other month, and so on.
	Months int
	// Nth and Weekday place a FreqMonthly meeting on the Nth weekday of the
	// month (1–4, or -1 for the last); Nth is 0 when not set.
	Nth     int
	Weekday time.Weekday
	// Season is the half of the year a FreqYearly meeting is held in.
	Season Season
	// Deadline is the month a yearly meeting must be held by, 0 for none.
	Deadline Month
	// AlsoAsNeeded is set for «… eller ved behov».
	AlsoAsNeeded bool
	// Text is the phrase as the file writes it, with whitespace normalised.
	Text string
}

// IsZero reports whether no frequency is set.
func (f Frequency) IsZero() bool { return f.Kind == FreqNone }

// Placed reports whether the year plan can turn the frequency into dates.
func (f Frequency) Placed() bool { return f.PerYear() > 0 }

// numbers are counts and ordinals as agreements write them.
var numbers = map[string]int{
	"en": 1, "én": 1, "ett": 1, "ei": 1, "ein": 1, "eitt": 1,
	"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "åtte": 8, "ti": 10, "tolv": 12,
	"første": 1, "annen": 2, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5,
	"sjette": 6, "sjuende": 7, "syvende": 7, "åttende": 8, "niende": 9,
	"tiende": 10, "tolvte": 12, "fjortende": 14, "siste": -1,
}

// number reads «3», «3.», «tre» or «tredje».
func number(s string) (int, bool) {
	if n, ok := numbers[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, "."))
	return n, err == nil && n > 0
}

var (
	// «hver 3. uke», «annenhver måned», «hvert semester», «hver høst»
	every = regexp.MustCompile(`^(hver|hvert|annenhver|annethvert|annahver|annakvar|kvar|kvart) (?:(\S+) )?(dag|dager|dagar|uke|uka|uken|veke|veka|måned|måneden|månad|månaden|kvartal|halvår|halvåret|år|semester|vår|høst|haust)$`)
	// «to ganger i året», «2 ganger per år», «en gang i halvåret»
	times = regexp.MustCompile(`^(\S+) (?:gang|ganger|gong|gonger) (?:i|per|pr\.?|hver|hvert|kvar|kvart|om) ?(året|år|halvåret|halvår|måneden|måned|mnd\.?|månaden|månad|uken|uka|uke|veka|veke)$|^(\S+) (?:gang|ganger|gong|gonger) (årlig|årleg|månedlig|månadleg|ukentlig|halvårlig|halvårleg)$`)
	// «første tirsdag i måneden»
	nthWeekday = regexp.MustCompile(`^(?:den )?(\S+) (mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag)(?:en)? (?:i|hver|kvar) (?:måneden|måned|mnd\.?|månaden|månad)$`)
	// «årlig innen april», «innen april»
	yearlyBy = regexp.MustCompile(`^(?:(?:årlig|årleg|en gang i året|ein gong i året|en gang per år|ein gong per år|hvert år|kvart år),? )?(?:innen|innan) (\S+)$`)
)

var fixedFrequencies = map[string]Frequency{
	"ved behov":      {Kind: FreqAsNeeded},
	"faste møter":    {Kind: FreqRegular},
	"fast":           {Kind: FreqRegular},
	"jevnlig":        {Kind: FreqRegular},
	"jevnlige møter": {Kind: FreqRegular},
	"ukentlig":       {Kind: FreqWeeks, Weeks: 1},
	"månedlig":       {Kind: FreqMonthly},
	"kvartalsvis":    {Kind: FreqQuarterly},
	"halvårlig":      {Kind: FreqTwiceYearly},
	"vår og høst":    {Kind: FreqTwiceYearly},
	"høst og vår":    {Kind: FreqTwiceYearly},
	"årlig":          {Kind: FreqYearly},
	// nynorsk, accepted in any file
	"faste møte":   {Kind: FreqRegular},
	"jamleg":       {Kind: FreqRegular},
	"jamlege møte": {Kind: FreqRegular},
	"vekentleg":    {Kind: FreqWeeks, Weeks: 1},
	"månadleg":     {Kind: FreqMonthly},
	"halvårleg":    {Kind: FreqTwiceYearly},
	"vår og haust": {Kind: FreqTwiceYearly},
	"haust og vår": {Kind: FreqTwiceYearly},
	"årleg":        {Kind: FreqYearly},
}

// hedges are words before a frequency that do not change its dates.
var hedges = []string{"minst ", "cirka ", "ca. ", "ca ", "omtrent ", "om lag ", "normalt ", "vanligvis ", "vanlegvis ", "fast "}

// ParseFrequency reads a frequency written in Norwegian. Any phrase is
// accepted as the parties' text; one the year plan cannot place has the
// kind FreqUnplaced.
func ParseFrequency(s string) (Frequency, error) {
	var f Frequency
	err := f.parse(s)
	return f, err
}

func (f *Frequency) parse(s string) error {
	written := strings.Join(strings.Fields(s), " ")
	if written == "" {
		return fmt.Errorf("skriv hvor ofte, for eksempel «hver 3. uke», «annenhver måned» eller «to ganger i året»")
	}
	text := strings.ToLower(written)
	also := false
	for _, suffix := range []string{" eller ved behov", ", og ved behov", " og ved behov", ", ellers ved behov", " og ellers ved behov", ", elles ved behov", " og elles ved behov", ", eller oftere ved behov", " og oftere ved behov", " eller oftere ved behov"} {
		if t, ok := strings.CutSuffix(text, suffix); ok {
			text, also = t, true
			break
		}
	}
	for _, h := range hedges {
		text = strings.TrimPrefix(text, h)
	}
	for _, seasons := range []string{" (vår og høst)", ", vår og høst", " vår og høst", " (høst og vår)", ", høst og vår", " (vår og haust)", ", vår og haust", " vår og haust", " (haust og vår)", ", haust og vår"} {
		if t, ok := strings.CutSuffix(text, seasons); ok {
			if g, ok := parseFrequencyText(t); ok && g.Kind == FreqTwiceYearly {
				text = t
			}
			break
		}
	}
	got, ok := parseFrequencyText(text)
	switch {
	case !ok:
		got = Frequency{Kind: FreqUnplaced}
	case got.Kind == FreqAsNeeded || got.Kind == FreqRegular:
		also = false
	}
	got.AlsoAsNeeded = also
	got.Text = written
	*f = got
	return nil
}

func parseFrequencyText(text string) (Frequency, bool) {
	if f, ok := fixedFrequencies[text]; ok {
		return f, true
	}
	if m := every.FindStringSubmatch(text); m != nil {
		n := 1
		if strings.HasPrefix(m[1], "anne") || strings.HasPrefix(m[1], "anna") {
			if m[2] != "" {
				return Frequency{}, false
			}
			n = 2
		} else if m[2] != "" {
			var ok bool
			if n, ok = number(m[2]); !ok || n < 1 {
				return Frequency{}, false
			}
		}
		return interval(n, m[3])
	}
	if m := times.FindStringSubmatch(text); m != nil {
		count, unit := m[1], m[2]
		if count == "" {
			count, unit = m[3], m[4]
		}
		n, ok := number(count)
		if !ok || n < 1 {
			return Frequency{}, false
		}
		return timesPer(n, unit)
	}
	if m := nthWeekday.FindStringSubmatch(text); m != nil {
		n, ok := number(m[1])
		wd := indexIn("date.weekdays", m[2])
		if !ok || n > 4 || wd < 0 {
			return Frequency{}, false
		}
		return Frequency{Kind: FreqMonthly, Nth: n, Weekday: time.Weekday((wd + 1) % 7)}, true
	}
	if m := yearlyBy.FindStringSubmatch(text); m != nil {
		if i := indexIn("date.months", m[1]); i >= 0 {
			return Frequency{Kind: FreqYearly, Deadline: Month(i + 1)}, true
		}
	}
	return Frequency{}, false
}

// interval is «every n units».
func interval(n int, unit string) (Frequency, bool) {
	switch unit {
	case "dag", "dager", "dagar":
		if n%7 != 0 {
			return Frequency{}, false
		}
		return weeks(n / 7)
	case "uke", "uka", "uken", "veke", "veka":
		return weeks(n)
	case "måned", "måneden", "månad", "månaden":
		return months(n)
	case "kvartal":
		return months(3 * n)
	case "halvår", "halvåret", "semester":
		return months(6 * n)
	case "år":
		return months(12 * n)
	case "vår":
		return Frequency{Kind: FreqYearly, Season: Spring}, n == 1
	case "høst", "haust":
		return Frequency{Kind: FreqYearly, Season: Autumn}, n == 1
	}
	return Frequency{}, false
}

// timesPer is «n times per unit».
func timesPer(n int, unit string) (Frequency, bool) {
	switch {
	case strings.HasPrefix(unit, "år"):
		if 12%n != 0 {
			return Frequency{}, false
		}
		return months(12 / n)
	case strings.HasPrefix(unit, "halvår"):
		if 6%n != 0 {
			return Frequency{}, false
		}
		return months(6 / n)
	case strings.HasPrefix(unit, "m"):
		switch n {
		case 1:
			return months(1)
		case 2:
			return weeks(2)
		case 4:
			return weeks(1)
		}
	case n == 1: // once a week
		return weeks(1)
	}
	return Frequency{}, false
}

func weeks(n int) (Frequency, bool) {
	return Frequency{Kind: FreqWeeks, Weeks: n}, n >= 1 && n <= 26
}

func months(n int) (Frequency, bool) {
	switch n {
	case 1:
		return Frequency{Kind: FreqMonthly}, true
	case 2, 4:
		return Frequency{Kind: FreqMonthly, Months: n}, true
	case 3:
		return Frequency{Kind: FreqQuarterly}, true
	case 6:
		return Frequency{Kind: FreqTwiceYearly}, true
	case 12:
		return Frequency{Kind: FreqYearly}, true
	}
	return Frequency{}, false
}

// String is the frequency as the file writes it.
func (f Frequency) String() string { return f.Text }

// PerYear is about how many times a year the frequency recurs; 0 for «ved
// behov», for «faste møter», whose interval the file does not set, and for a
// phrase the year plan cannot place.
func (f Frequency) PerYear() int {
	switch f.Kind {
	case FreqWeeks:
		return 52 / f.Weeks
	case FreqMonthly:
		return 12 / max(f.Months, 1)
	case FreqQuarterly:
		return 4
	case FreqTwiceYearly:
		return 2
	case FreqYearly:
		return 1
	}
	return 0
}
