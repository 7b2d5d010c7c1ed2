package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"samarbeid/generator/lang"
)

// PeriodKind is how a recurring break is written.
type PeriodKind int

// The kinds of recurring period.
const (
	PeriodNone   PeriodKind = iota
	PeriodWeeks             // ISO weeks, «uke 28–31» or «uke 9»
	PeriodDays              // day and month, «23. desember–1. januar»; may span the new year
	PeriodEaster            // the school Easter break: Monday of Holy Week to Easter Monday
)

// Period is a break that recurs every year, written in Norwegian: «uke
// 28–31», «uke 9», «23. desember–1. januar» or «påske». The calendar works
// out its days in a given year.
type Period struct {
	Kind PeriodKind
	// FromWeek and ToWeek are the ISO weeks of PeriodWeeks.
	FromWeek, ToWeek int
	// FromMonth, FromDay, ToMonth and ToDay bound PeriodDays.
	FromMonth, ToMonth Month
	FromDay, ToDay     int
}

// IsZero reports whether no period is set.
func (p Period) IsZero() bool { return p.Kind == PeriodNone }

var (
	weekRange = regexp.MustCompile(`^(\d{1,2})(?: ?- ?(\d{1,2}))?$`)
	// compiled on first use: \pL makes it the costliest regexp of the
	// package to compile, and most files write no such break
	periodDays = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{1,2})\.? ?(\pL+)(?: ?- ?(\d{1,2})\.? ?(\pL+))?$`)
	})
)

func (p *Period) read(s string, w *Vocabulary) error {
	text := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	text = strings.Join(strings.Fields(w.dashes.Replace(text)), " ")
	help := func() error {
		return fmt.Errorf("«%s» er ikke en ferie årshjulet kan regne ut; skriv for eksempel %s", s, w.examples("period"))
	}
	if w.easter[text] {
		*p = Period{Kind: PeriodEaster}
		return nil
	}
	word, rest := cutWord(text)
	if m := weekRange.FindStringSubmatch(rest); m != nil && w.units[word] == UnitWeek {
		from, _ := strconv.Atoi(m[1])
		to := from
		if m[2] != "" {
			to, _ = strconv.Atoi(m[2])
		}
		if from < 1 || to > 53 || to < from {
			return fmt.Errorf("«%s»: ukene må være fra 1 til 53, den første før den siste, for eksempel «%s»", s, w.example("weeks"))
		}
		*p = Period{Kind: PeriodWeeks, FromWeek: from, ToWeek: to}
		return nil
	}
	if m := periodDays().FindStringSubmatch(text); m != nil {
		fromMonth := w.month(m[2])
		toMonth, toDay := fromMonth, m[1]
		if m[3] != "" {
			toMonth, toDay = w.month(m[4]), m[3]
		}
		if fromMonth < 0 || toMonth < 0 {
			return help()
		}
		fd, _ := strconv.Atoi(m[1])
		td, _ := strconv.Atoi(toDay)
		if fd < 1 || fd > daysIn[fromMonth] || td < 1 || td > daysIn[toMonth] {
			return fmt.Errorf("«%s»: dagen finnes ikke i måneden; skriv for eksempel «%s»", s, w.example("days"))
		}
		*p = Period{Kind: PeriodDays, FromMonth: Month(fromMonth + 1), FromDay: fd, ToMonth: Month(toMonth + 1), ToDay: td}
		return nil
	}
	return help()
}

// daysIn is the most days each month can have; 29 February is allowed and
// means 28 February in other years.
var daysIn = []int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// In writes the period in the words of w, e.g. «uke 28–31».
func (p Period) In(w *lang.Pack) string {
	switch p.Kind {
	case PeriodWeeks:
		if p.FromWeek == p.ToWeek {
			return w.T("period.week", p.FromWeek)
		}
		return w.T("period.weeks", p.FromWeek, p.ToWeek)
	case PeriodDays:
		from := w.T("date.day", p.FromDay, w.Month(int(p.FromMonth)))
		if p.FromMonth == p.ToMonth && p.FromDay == p.ToDay {
			return from
		}
		return from + "–" + w.T("date.day", p.ToDay, w.Month(int(p.ToMonth)))
	case PeriodEaster:
		return w.T("period.easter")
	}
	return ""
}

// String writes the period in bokmål, for messages on the command line.
func (p Period) String() string { return p.In(messages()) }
