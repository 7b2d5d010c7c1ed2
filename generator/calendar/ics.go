package calendar

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// vtimezone describes Europe/Oslo by the EU summer-time rules, so that
// Outlook and Google Calendar read the local times without a zone database.
var vtimezone = []string{
	"BEGIN:VTIMEZONE",
	"TZID:Europe/Oslo",
	"X-LIC-LOCATION:Europe/Oslo",
	"BEGIN:DAYLIGHT",
	"TZOFFSETFROM:+0100",
	"TZOFFSETTO:+0200",
	"TZNAME:CEST",
	"DTSTART:19700329T020000",
	"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
	"END:DAYLIGHT",
	"BEGIN:STANDARD",
	"TZOFFSETFROM:+0200",
	"TZOFFSETTO:+0100",
	"TZNAME:CET",
	"DTSTART:19701025T030000",
	"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	"END:STANDARD",
	"END:VTIMEZONE",
}

// ICS writes the plan's occurrences as an iCalendar file (RFC 5545), one
// event per occurrence, in Europe/Oslo time. The same agreement and plan
// always give the same bytes: the time stamp comes from the agreement's
// dates, never from the clock.
func ICS(a *model.Agreement, p YearPlan) []byte {
	words := p.words
	if words == nil {
		words = lang.Builtin(lang.Default)
	}
	w := &icsWriter{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//samarbeid//samarbeid//" + strings.ToUpper(words.Code()))
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	calName := words.T("yearplan.title", p.Year)
	if a.Municipality != "" {
		calName += " – " + a.Municipality
	}
	w.prop("X-WR-CALNAME", calName)
	w.line("X-WR-TIMEZONE:Europe/Oslo")
	for _, l := range vtimezone {
		w.line(l)
	}
	stamp := dtstamp(a, p.Year)
	seq := sequence(a)
	domain := "samarbeid." + slug(a.Municipality, "kommune")
	uids := meetingUIDs(p.Bodies())
	var events []event
	for _, month := range p.Months {
		for _, o := range month {
			events = append(events, event{o: o})
		}
	}
	for _, s := range p.Skipped {
		o := (&planner{loc: s.Date.Location()}).occurrence(s.Meeting, s.Date, s.N)
		o.Moved = s.Reason
		events = append(events, event{o: o, cancelled: true})
	}
	slices.SortStableFunc(events, func(x, y event) int { return cmp.Compare(key(x.o.Date), key(y.o.Date)) })
	for _, e := range events {
		uid := fmt.Sprintf("%s-%d-%d@%s", uids[e.o.Meeting], p.Year, e.o.N, domain)
		w.event(a, p, e, uid, stamp, seq, words)
	}
	w.line("END:VCALENDAR")
	return w.buf.Bytes()
}

// event is one VEVENT: a held or a cancelled date.
type event struct {
	o         Occurrence
	cancelled bool
}

// meetingUIDs gives each meeting body the stem of its events' UIDs, made
// from its id; two ids that only differ in æ, ø or å get a number.
func meetingUIDs(bodies []*model.Meeting) map[*model.Meeting]string {
	out := map[*model.Meeting]string{}
	seen := map[string]int{}
	for _, m := range bodies {
		base := slug(string(m.ID), "mote")
		seen[base]++
		if n := seen[base]; n > 1 {
			base += fmt.Sprintf("-%d", n)
		}
		out[m] = base
	}
	return out
}

// sequence is the events' SEQUENCE: it rises with the agreement's version,
// read as up to three numbers («1.0» gives 1000000, «1.1» 1001000,
// «2026.1» 2026001000), so a calendar that imports the plan of a later
// version replaces the earlier events. A version that is not read so
// counts the revisions instead.
func sequence(a *model.Agreement) int {
	parts := strings.Split(strings.TrimPrefix(strings.TrimSpace(a.Version), "v"), ".")
	if len(parts) > 3 {
		return len(a.Revisions)
	}
	seq := 0
	for i := range 3 {
		n := 0
		if i < len(parts) {
			v, err := strconv.Atoi(parts[i])
			if err != nil || v < 0 || v > 999 && i > 0 || v > 2000000 {
				return len(a.Revisions)
			}
			n = v
		}
		seq = seq*1000 + n
	}
	if seq > math.MaxInt32 {
		return len(a.Revisions)
	}
	return seq
}

func (w *icsWriter) event(a *model.Agreement, p YearPlan, e event, uid, stamp string, seq int, words *lang.Pack) {
	o, m := e.o, e.o.Meeting
	w.line("BEGIN:VEVENT")
	w.prop("UID", uid)
	w.line("DTSTAMP:" + stamp)
	w.line(fmt.Sprintf("SEQUENCE:%d", seq))
	if o.Timed {
		w.line("DTSTART;TZID=Europe/Oslo:" + o.Start.Format("20060102T150405"))
		w.line("DTEND;TZID=Europe/Oslo:" + o.End.Format("20060102T150405"))
	} else {
		// The time is to be agreed: an all-day event, never an invented hour.
		w.line("DTSTART;VALUE=DATE:" + o.Date.Format("20060102"))
		w.line("DTEND;VALUE=DATE:" + o.Date.AddDate(0, 0, 1).Format("20060102"))
	}
	summary := m.Name
	if !o.Timed {
		summary += " (" + words.T("yearplan.time_tbd") + ")"
	}
	w.prop("SUMMARY", summary)
	w.prop("DESCRIPTION", description(a, p, e, words))
	if m.Schedule != nil && m.Schedule.Place != "" {
		w.prop("LOCATION", m.Schedule.Place)
	}
	if m.Level != "" {
		w.prop("CATEGORIES", model.Capital(words.T("level."+string(m.Level))))
	}
	if a.Calendar != nil && a.Calendar.Attendees {
		for _, c := range contacts(a, m) {
			name := strings.NewReplacer(`"`, "", "\r", "", "\n", "").Replace(c.Label())
			w.line(fmt.Sprintf(`ATTENDEE;CN="%s";ROLE=REQ-PARTICIPANT:mailto:%s`, name, c.Email))
		}
	}
	if e.cancelled {
		w.line("STATUS:CANCELLED")
		w.line("TRANSP:TRANSPARENT")
	} else {
		w.line("STATUS:CONFIRMED")
		if o.Timed {
			w.line("TRANSP:OPAQUE")
		} else {
			w.line("TRANSP:TRANSPARENT")
		}
	}
	w.line("END:VEVENT")
}

// contacts are the agreement's contacts with an e-mail address whose role
// or unit takes part in the meeting, in the file's order.
func contacts(a *model.Agreement, m *model.Meeting) []model.Contact {
	var out []model.Contact
	for _, c := range a.Contacts {
		if c.Email == "" || strings.ContainsAny(c.Email, " \r\n") {
			continue
		}
		for _, id := range people(m) {
			if (c.Role != "" && (c.Role == id || within(a, c.Role, id))) || (c.Unit != "" && (c.Unit == id || within(a, c.Unit, id))) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// description tells in the plan's words how often the meeting is held,
// who convenes it, who takes part and what it is for.
func description(a *model.Agreement, p YearPlan, e event, words *lang.Pack) string {
	o, m := e.o, e.o.Meeting
	label := func(key, value string) string { return words.T(key) + ": " + value }
	lines := []string{label("meeting.frequency", m.Frequency.String())}
	if m.Convener != "" {
		lines = append(lines, label("meeting.convener", a.Name(m.Convener)))
	}
	if who := p.Attendees[m.ID]; who != "" {
		lines = append(lines, label("meeting.participants", who))
	}
	if len(m.Purpose) > 0 {
		lines = append(lines, label("meeting.purpose", strings.Join(m.Purpose, " ")))
	}
	switch {
	case e.cancelled:
		lines = append(lines, label("ics.dropped", o.Moved+"."))
	case o.Moved != "":
		lines = append(lines, label("ics.note", o.Moved+"."))
	}
	if !o.Timed {
		lines = append(lines, label("ics.time", words.T("ics.time_tbd")+"."))
	}
	lines = append(lines, words.T("ics.from", a.Title, a.Version))
	return strings.Join(lines, "\n")
}

// dtstamp is the last date the agreement was revised, signed or took
// effect, else 1 January of the year, as a UTC time stamp.
func dtstamp(a *model.Agreement, year int) string {
	t := civil(year, time.January, 1)
	for _, d := range []model.Date{a.Dates.Revised, a.Dates.Signed, a.Dates.ValidFrom} {
		if !d.IsZero() {
			t = civil(d.Date())
			break
		}
	}
	return t.Format("20060102") + "T000000Z"
}

// slug makes s into lower-case ASCII letters, digits and hyphens, æ ø å
// written ae, o, aa; fallback if nothing is left.
func slug(s, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		var part string
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			part = string(r)
		case r == 'æ':
			part = "ae"
		case r == 'ø' || r == 'ö':
			part = "o"
		case r == 'å':
			part = "aa"
		case r == 'é' || r == 'è':
			part = "e"
		case r == 'ü':
			part = "u"
		case r == 'ä':
			part = "a"
		}
		if part == "" {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(part)
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// icsWriter writes content lines ending in CRLF, folded at 75 octets.
type icsWriter struct {
	buf bytes.Buffer
}

// prop writes a property whose value is text, escaped per RFC 5545 3.3.11.
func (w *icsWriter) prop(name, value string) {
	w.line(name + ":" + escapeText(value))
}

func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if r < 0x20 || r == 0x7f {
				continue // control characters are not allowed in text
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// line writes one content line, folding it so that no physical line is
// longer than 75 octets and no UTF-8 sequence is split; continuation lines
// start with a space.
func (w *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.buf.WriteString(s[:cut])
		w.buf.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.buf.WriteString(s)
	w.buf.WriteString("\r\n")
}
