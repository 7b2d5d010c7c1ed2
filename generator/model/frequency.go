package model

import (
	"fmt"
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

// ParseFrequency reads a frequency written in Norwegian, with the words of
// the built-in language packs. Any phrase is accepted as the parties' text;
// one the year plan cannot place has the kind FreqUnplaced.
func ParseFrequency(s string) (Frequency, error) {
	var f Frequency
	err := f.read(s, BuiltinVocabulary())
	return f, err
}

func (f *Frequency) read(s string, w *Vocabulary) error {
	written := strings.Join(strings.Fields(s), " ")
	if written == "" {
		return fmt.Errorf("skriv hvor ofte, for eksempel «hver 3. uke», «annenhver måned» eller «to ganger i året»")
	}
	*f = w.frequency(written)
	return nil
}

// frequency reads a phrase with single spaces; it is the parties' text
// whatever the reader makes of it.
func (w *Vocabulary) frequency(written string) Frequency {
	text := strings.ToLower(written)
	also := false
	for _, end := range w.also {
		if t, ok := strings.CutSuffix(text, end); ok {
			text, also = t, true
			break
		}
	}
	for cut := true; cut; {
		cut = false
		for _, h := range w.hedges {
			if t, ok := strings.CutPrefix(text, h+" "); ok {
				text, cut = t, true
			}
		}
	}
	for _, end := range w.seasons {
		if t, ok := strings.CutSuffix(text, end); ok {
			if g, ok := w.phrase(t); ok && g.Kind == FreqTwiceYearly {
				text = t
			}
			break
		}
	}
	got, ok := w.phrase(text)
	if !ok && strings.HasSuffix(written, ".") {
		// a full stop after the phrase, as after a sentence («kvar
		// månad.»); an abbreviation's («annenhver mnd.») was read above
		got = w.frequency(strings.TrimSuffix(written, "."))
		got.Text = written
		return got
	}
	switch {
	case !ok:
		got = Frequency{Kind: FreqUnplaced}
	case got.Kind == FreqAsNeeded || got.Kind == FreqRegular:
		also = false
	}
	got.AlsoAsNeeded = also
	got.Text = written
	return got
}

// phrase reads a frequency without hedges and additions, in one of the
// shapes «kvartalsvis», «hver 3. uke», «to ganger i året», «første tirsdag
// i måneden» and «årlig innen april».
func (w *Vocabulary) phrase(text string) (Frequency, bool) {
	if f, ok := w.phrases[text]; ok {
		return f, true
	}
	for _, shape := range []func(string) (Frequency, bool){w.everyN, w.countPer, w.nthWeekday, w.yearlyBy} {
		if f, ok := shape(text); ok {
			return f, true
		}
	}
	return Frequency{}, false
}

// everyN reads «hver uke», «hver 3. uke» and «annenhver måned».
func (w *Vocabulary) everyN(text string) (Frequency, bool) {
	word, rest := cutWord(text)
	other := w.everyOther[word]
	if !other && !w.every[word] {
		return Frequency{}, false
	}
	if u, ok := w.units[rest]; ok {
		if other {
			return interval(2, u)
		}
		return interval(1, u)
	}
	count, rest := cutWord(rest)
	u, ok := w.units[rest]
	n, isNumber := w.number(count)
	if other || !ok || !isNumber || n < 1 {
		return Frequency{}, false
	}
	return interval(n, u)
}

// countPer reads «to ganger i året» and «to ganger årlig».
func (w *Vocabulary) countPer(text string) (Frequency, bool) {
	count, rest := cutWord(text)
	word, rest := cutWord(rest)
	n, ok := w.number(count)
	if !w.times[word] || !ok || n < 1 {
		return Frequency{}, false
	}
	u, ok := w.adverbs[rest]
	if !ok {
		if u, ok = w.perUnit(rest); !ok {
			return Frequency{}, false
		}
	}
	return timesPer(n, u)
}

// nthWeekday reads «første tirsdag i måneden» and «den siste fredagen i
// måneden»: Monday to Friday, the first four or the last.
func (w *Vocabulary) nthWeekday(text string) (Frequency, bool) {
	if word, rest := cutWord(text); w.the[word] {
		text = rest
	}
	count, rest := cutWord(text)
	day, rest := cutWord(rest)
	n, ok := w.number(count)
	wd := w.weekday(day)
	if u, isUnit := w.perUnit(rest); !ok || n > 4 || wd < 0 || wd > 4 || !isUnit || u != UnitMonth {
		return Frequency{}, false
	}
	return Frequency{Kind: FreqMonthly, Nth: n, Weekday: time.Weekday((wd + 1) % 7)}, true
}

// yearlyBy reads «innen april» and «årlig, innen april»: a yearly
// frequency («årlig», «en gang i året») before the word.
func (w *Vocabulary) yearlyBy(text string) (Frequency, bool) {
	for _, by := range w.by {
		before, month := "", ""
		if rest, ok := strings.CutPrefix(text, by+" "); ok {
			month = rest
		} else if i := strings.LastIndex(text, " "+by+" "); i > 0 {
			before, month = strings.TrimSuffix(text[:i], ","), text[i+len(by)+2:]
		} else {
			continue
		}
		m := w.month(month)
		if m < 0 {
			continue
		}
		if before != "" {
			if f, ok := w.phrase(before); !ok || f != (Frequency{Kind: FreqYearly}) {
				continue
			}
		}
		return Frequency{Kind: FreqYearly, Deadline: Month(m + 1)}, true
	}
	return Frequency{}, false
}

// interval is «every n units».
func interval(n int, u TimeUnit) (Frequency, bool) {
	switch u {
	case UnitDay:
		if n%7 != 0 {
			return Frequency{}, false
		}
		return weeks(n / 7)
	case UnitWeek:
		return weeks(n)
	case UnitMonth:
		return months(n)
	case UnitQuarter:
		return months(3 * n)
	case UnitHalfYear:
		return months(6 * n)
	case UnitYear:
		return months(12 * n)
	case UnitSpring:
		return Frequency{Kind: FreqYearly, Season: Spring}, n == 1
	case UnitAutumn:
		return Frequency{Kind: FreqYearly, Season: Autumn}, n == 1
	}
	return Frequency{}, false
}

// timesPer is «n times per unit».
func timesPer(n int, u TimeUnit) (Frequency, bool) {
	switch u {
	case UnitYear:
		if 12%n != 0 {
			return Frequency{}, false
		}
		return months(12 / n)
	case UnitHalfYear:
		if 6%n != 0 {
			return Frequency{}, false
		}
		return months(6 / n)
	case UnitQuarter:
		if 3%n != 0 {
			return Frequency{}, false
		}
		return months(3 / n)
	case UnitMonth:
		switch n {
		case 1:
			return months(1)
		case 2:
			return weeks(2)
		case 4:
			return weeks(1)
		}
	case UnitWeek:
		if n == 1 {
			return weeks(1)
		}
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
