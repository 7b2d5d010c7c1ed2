package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// FrequencyKind is how often something recurs.
type FrequencyKind int

// The kinds of frequency.
const (
	FreqNone        FrequencyKind = iota
	FreqWeeks                     // every N weeks; N = 1 is weekly
	FreqMonthly                   // once a month
	FreqQuarterly                 // once a quarter
	FreqTwiceYearly               // twice a year, spring and autumn
	FreqYearly                    // once a year, optionally before a deadline month
	FreqAsNeeded                  // ved behov: no fixed dates
	FreqRegular                   // faste møter: regular, but the file sets no interval
)

// Frequency is how often a meeting is held, written in Norwegian in the file
// («kvartalsvis», «hver 14. dag», «hver 3. uke», «vår og høst», «innen april»,
// «ved behov») and written back in the same natural Norwegian.
type Frequency struct {
	Kind FrequencyKind
	// Weeks is the interval for FreqWeeks.
	Weeks int
	// Deadline is the month a yearly meeting must be held by, 0 for none.
	Deadline Month
	// AlsoAsNeeded is set for «… eller ved behov».
	AlsoAsNeeded bool
}

// IsZero reports whether no frequency is set.
func (f Frequency) IsZero() bool { return f.Kind == FreqNone }

var ordinals = map[string]int{
	"annen": 2, "andre": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
	"sjuende": 7, "syvende": 7, "åttende": 8,
}

var (
	everyNth     = regexp.MustCompile(`^(?:hver|hvert) (\d+)\.? (dag|uke)$`)
	everyOrdinal = regexp.MustCompile(`^(?:hver|hvert) (\S+) uke$`)
	yearlyBy     = regexp.MustCompile(`^(?:(?:årlig|en gang i året|en gang per år|hvert år),? )?innen (\S+)$`)
)

var fixedFrequencies = map[string]Frequency{
	"ved behov":          {Kind: FreqAsNeeded},
	"faste møter":        {Kind: FreqRegular},
	"fast":               {Kind: FreqRegular},
	"jevnlig":            {Kind: FreqRegular},
	"jevnlige møter":     {Kind: FreqRegular},
	"ukentlig":           {Kind: FreqWeeks, Weeks: 1},
	"hver uke":           {Kind: FreqWeeks, Weeks: 1},
	"en gang i uken":     {Kind: FreqWeeks, Weeks: 1},
	"en gang i uka":      {Kind: FreqWeeks, Weeks: 1},
	"annenhver uke":      {Kind: FreqWeeks, Weeks: 2},
	"månedlig":           {Kind: FreqMonthly},
	"hver måned":         {Kind: FreqMonthly},
	"en gang i måneden":  {Kind: FreqMonthly},
	"kvartalsvis":        {Kind: FreqQuarterly},
	"hvert kvartal":      {Kind: FreqQuarterly},
	"fire ganger i året": {Kind: FreqQuarterly},
	"halvårlig":          {Kind: FreqTwiceYearly},
	"hvert halvår":       {Kind: FreqTwiceYearly},
	"to ganger i året":   {Kind: FreqTwiceYearly},
	"to ganger per år":   {Kind: FreqTwiceYearly},
	"vår og høst":        {Kind: FreqTwiceYearly},
	"årlig":              {Kind: FreqYearly},
	"hvert år":           {Kind: FreqYearly},
	"en gang i året":     {Kind: FreqYearly},
	"en gang per år":     {Kind: FreqYearly},
}

// ParseFrequency reads a frequency written in Norwegian.
func ParseFrequency(s string) (Frequency, error) {
	var f Frequency
	err := f.parse(s)
	return f, err
}

func (f *Frequency) parse(s string) error {
	text := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	also := false
	for _, suffix := range []string{" eller ved behov", ", og ved behov", " og ved behov", ", ellers ved behov", " og ellers ved behov"} {
		if t, ok := strings.CutSuffix(text, suffix); ok {
			text, also = t, true
			break
		}
	}
	for _, seasons := range []string{" (vår og høst)", ", vår og høst", " vår og høst"} {
		if t, ok := strings.CutSuffix(text, seasons); ok && fixedFrequencies[t].Kind == FreqTwiceYearly {
			text = t
			break
		}
	}
	got, ok := parseFrequencyText(text)
	if !ok {
		return fmt.Errorf("«%s» er ikke en kjent hyppighet; skriv for eksempel «hver uke», «hver 14. dag», «hver 3. uke», «månedlig», «kvartalsvis», «halvårlig (vår og høst)», «årlig innen april» eller «ved behov»", s)
	}
	if (got.Kind == FreqAsNeeded || got.Kind == FreqRegular) && also {
		return fmt.Errorf("«%s» sier «ved behov» to ganger; skriv «ved behov»", s)
	}
	if got.Kind == FreqWeeks && (got.Weeks < 1 || got.Weeks > 26) {
		return fmt.Errorf("«%s»: et møte hver %d. uke går ikke; skriv et tall fra 1 til 26 uker, eller «halvårlig» eller «årlig»", s, got.Weeks)
	}
	got.AlsoAsNeeded = also
	*f = got
	return nil
}

func parseFrequencyText(text string) (Frequency, bool) {
	if f, ok := fixedFrequencies[text]; ok {
		return f, true
	}
	if m := everyNth.FindStringSubmatch(text); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil {
			return Frequency{}, false
		}
		if m[2] == "dag" {
			if n%7 != 0 {
				return Frequency{}, false
			}
			n /= 7
		}
		return Frequency{Kind: FreqWeeks, Weeks: n}, true
	}
	if m := everyOrdinal.FindStringSubmatch(text); m != nil {
		if n, ok := ordinals[m[1]]; ok {
			return Frequency{Kind: FreqWeeks, Weeks: n}, true
		}
	}
	if m := yearlyBy.FindStringSubmatch(text); m != nil {
		if i := indexOf(MonthNames, m[1]); i >= 0 {
			return Frequency{Kind: FreqYearly, Deadline: Month(i + 1)}, true
		}
	}
	return Frequency{}, false
}

// String writes the frequency in natural Norwegian, e.g. «hver 3. uke».
func (f Frequency) String() string {
	var s string
	switch f.Kind {
	case FreqNone:
		return ""
	case FreqWeeks:
		switch f.Weeks {
		case 1:
			s = "hver uke"
		case 2:
			s = "hver 14. dag"
		default:
			s = fmt.Sprintf("hver %d. uke", f.Weeks)
		}
	case FreqMonthly:
		s = "hver måned"
	case FreqQuarterly:
		s = "kvartalsvis"
	case FreqTwiceYearly:
		s = "halvårlig (vår og høst)"
	case FreqYearly:
		s = "årlig"
		if f.Deadline != 0 {
			s = "årlig, innen " + f.Deadline.String()
		}
	case FreqAsNeeded:
		return "ved behov"
	case FreqRegular:
		s = "faste møter"
	}
	if f.AlsoAsNeeded {
		s += " eller ved behov"
	}
	return s
}

// PerYear is about how many times a year the frequency recurs; 0 for «ved
// behov» and for «faste møter», whose interval the file does not set.
func (f Frequency) PerYear() int {
	switch f.Kind {
	case FreqWeeks:
		return 52 / f.Weeks
	case FreqMonthly:
		return 12
	case FreqQuarterly:
		return 4
	case FreqTwiceYearly:
		return 2
	case FreqYearly:
		return 1
	}
	return 0
}
