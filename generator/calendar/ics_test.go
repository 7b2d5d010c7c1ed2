package calendar

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"samarbeid/generator/model"
)

// checkICS checks what every calendar file must satisfy and returns its
// events as unfolded content lines.
func checkICS(t *testing.T, data []byte, year, events int) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Fatalf("the calendar starts with %q", data[:min(len(data), 20)])
	}
	if !bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n")) {
		t.Error("the calendar does not end with END:VCALENDAR and CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
	lines := unfold(physical)
	for _, want := range []string{"VERSION:2.0", "PRODID:-//samarbeid//samarbeid//NB", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-TIMEZONE:Europe/Oslo", "BEGIN:VTIMEZONE", "TZID:Europe/Oslo", "TZNAME:CEST", "TZNAME:CET"} {
		if !contains(lines, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	var all [][]string
	var cur []string
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			cur = []string{}
		case l == "END:VEVENT":
			all = append(all, cur)
			cur = nil
		case cur != nil:
			cur = append(cur, l)
		}
	}
	if len(all) != events {
		t.Errorf("got %d events, want %d", len(all), events)
	}
	uids := map[string]bool{}
	yearPrefix := ":" + strconv.Itoa(year)
	for _, ev := range all {
		props := map[string]string{}
		for _, l := range ev {
			name, value, _ := strings.Cut(l, ":")
			props[strings.SplitN(name, ";", 2)[0]] = value
			if strings.HasPrefix(name, "DTSTART") || strings.HasPrefix(name, "DTEND") {
				if !strings.Contains(l, yearPrefix) {
					t.Errorf("%s falls outside %d", l, year)
				}
			}
		}
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} {
			if props[p] == "" {
				t.Errorf("event %v lacks %s", ev, p)
			}
		}
		if uids[props["UID"]] {
			t.Errorf("UID %s repeats", props["UID"])
		}
		uids[props["UID"]] = true
	}
	return all
}

func unfold(physical []string) []string {
	var out []string
	for _, l := range physical {
		if strings.HasPrefix(l, " ") && len(out) > 0 {
			out[len(out)-1] += l[1:]
			continue
		}
		out = append(out, l)
	}
	return out
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

func TestICSFixture(t *testing.T) {
	a := loadFixture(t, "testdata/avtale.yaml")
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	data := ICS(a, p)
	events := checkICS(t, data, 2027, p.Count()+len(p.Skipped))

	p2, _ := Plan(a, 2027)
	if !bytes.Equal(data, ICS(a, p2)) {
		t.Error("the same input gave different bytes")
	}

	lines := unfold(strings.Split(string(data), "\r\n"))
	for _, want := range []string{
		"X-WR-CALNAME:Årshjul 2027 – Bjørkøy kommune",
		"UID:ledermote-2027-1@samarbeid.bjorkoy-kommune",
	} {
		if !contains(lines, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
	if bytes.Contains(data, []byte("Overføringsmøte")) {
		t.Error("a «ved behov» meeting got a date")
	}
	var leader []string
	for _, ev := range events {
		if contains(ev, "UID:ledermote-2027-1@samarbeid.bjorkoy-kommune") {
			leader = ev
		}
	}
	for _, want := range []string{
		"DTSTAMP:20261120T000000Z",
		"DTSTART;TZID=Europe/Oslo:20270302T130000",
		"DTEND;TZID=Europe/Oslo:20270302T143000",
		`SUMMARY:Ledermøte\; styringsgruppe`,
		`LOCATION:Rådhuset\, møterom Øst`,
		"CATEGORIES:Ledernivå",
		`DESCRIPTION:Hyppighet: kvartalsvis\nInnkaller: Enhetsleder\, flyktningtjenesten\nDeltakere: Enhetsleder\, flyktningtjenesten og avdelingsleder NAV\nFormål: Følge opp mål\, resultatkrav og avvik\, evaluere samarbeidet og legge føringer for videre samarbeid på tvers av tjenestene. Møtet skal også gå gjennom bosettingsprognoser for neste år\, særlig for familier med små barn\, og vurdere behovet for økte ressurser til norskopplæring og språkpraksis på arbeidsplasser i kommunen.\nFra Samarbeidsavtale om introduksjonsprogrammet\, Bjørkøy kommune og NAV Bjørkøy\, versjon 2.1.`,
	} {
		if !contains(leader, want) {
			t.Errorf("the leaders' meeting lacks %q; has:\n%s", want, strings.Join(leader, "\n"))
		}
	}
	if !bytes.Contains(data, []byte(`Merk: flyttet fra 25. mars (Skjærtorsdag).`)) {
		t.Error("a moved meeting does not say why in its description")
	}
}

func TestICSStampWithoutDates(t *testing.T) {
	a := agreementWith(t, "kvartalsvis", nil)
	p, err := Plan(a, 2026)
	if err != nil {
		t.Fatal(err)
	}
	data := ICS(a, p)
	checkICS(t, data, 2026, 4)
	if !bytes.Contains(data, []byte("DTSTAMP:20260101T000000Z\r\n")) {
		t.Error("without dates in the file, DTSTAMP should be 1 January of the year")
	}
	if !bytes.Contains(data, []byte("UID:motet-2026-1@samarbeid.testvik-kommune\r\n")) {
		t.Errorf("unexpected UID in\n%s", data)
	}
}

func TestICSUIDsStayUnique(t *testing.T) {
	a := agreementWith(t, "månedlig", nil)
	a.Meetings = append(a.Meetings, a.Meetings[0])
	a.Meetings[1].ID = "motet" // the same slug as «møtet»
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	checkICS(t, ICS(a, p), 2027, p.Count()+len(p.Skipped))
}

func TestFold(t *testing.T) {
	tests := []string{
		"DESCRIPTION:" + strings.Repeat("æøå", 60),
		"DESCRIPTION:" + strings.Repeat("a", 62) + "ø" + strings.Repeat("b", 100),
		"SUMMARY:" + strings.Repeat("Årsmøte ", 30),
		"SUMMARY:kort",
		strings.Repeat("x", 75),
		strings.Repeat("x", 76),
		strings.Repeat("€", 100),
	}
	for _, in := range tests {
		var w icsWriter
		w.line(in)
		out := w.buf.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Errorf("%q: no CRLF at the end", in)
		}
		physical := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		for i, l := range physical {
			if len(l) > 75 {
				t.Errorf("%q: line %d has %d octets", in, i, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("%q: line %d splits a character: %q", in, i, l)
			}
			if i > 0 && !strings.HasPrefix(l, " ") {
				t.Errorf("%q: continuation line %d does not start with a space", in, i)
			}
		}
		if got := unfold(physical); len(got) != 1 || got[0] != in {
			t.Errorf("unfolding gave %q, want %q", got, in)
		}
	}
}

func TestEscapeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Møte; NAV, kommunen", `Møte\; NAV\, kommunen`},
		{`C:\mappe`, `C:\\mappe`},
		{"linje 1\nlinje 2\r\nlinje 3", `linje 1\nlinje 2\nlinje 3`},
		{"tab\there", "tabhere"},
		{"æøå ÆØÅ", "æøå ÆØÅ"},
	}
	for _, tt := range tests {
		if got := escapeText(tt.in); got != tt.want {
			t.Errorf("escapeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kristiansand kommune", "kristiansand-kommune"},
		{"Bjørkøy kommune", "bjorkoy-kommune"},
		{"Åfjord kommune / NAV Nord-Fosen", "aafjord-kommune-nav-nord-fosen"},
		{"Bærum", "baerum"},
		{"  ", "kommune"},
		{"overføringsmøte", "overforingsmote"},
	}
	for _, tt := range tests {
		if got := slug(tt.in, "kommune"); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSamples(t *testing.T) {
	for _, name := range []string{"kristiansand", "afjord", "andoy"} {
		t.Run(name, func(t *testing.T) {
			path := "../../samples/" + name + ".yaml"
			if _, err := os.Stat(path); err != nil {
				t.Skip("no sample yet")
			}
			a := loadFixture(t, path)
			p, err := Plan(a, 2027)
			if err != nil {
				t.Fatal(err)
			}
			if p.Count() == 0 {
				t.Error("no dated meetings in 2027")
			}
			data := ICS(a, p)
			checkICS(t, data, 2027, p.Count()+len(p.Skipped))
			if p2, _ := Plan(a, 2027); !bytes.Equal(data, ICS(a, p2)) {
				t.Error("the same input gave different bytes")
			}
			out := renderYearPlan(t, a, p)
			if !strings.HasPrefix(out, "# Årshjul 2027\n") {
				t.Errorf("the year plan starts %q", out[:min(len(out), 40)])
			}
			for _, bad := range []string{"<no value>", "<", "\n\n\n"} {
				if strings.Contains(out, bad) {
					t.Errorf("the year plan contains %q", bad)
				}
			}
		})
	}
}

// events parses a calendar into its events' UID, SEQUENCE, DTSTART and
// STATUS, by UID.
func parseEvents(t *testing.T, data []byte) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, ev := range strings.Split(string(data), "BEGIN:VEVENT\r\n")[1:] {
		props := map[string]string{}
		for _, l := range unfold(strings.Split(ev, "\r\n")) {
			name, value, _ := strings.Cut(l, ":")
			props[strings.SplitN(name, ";", 2)[0]] = value
		}
		if out[props["UID"]] != nil {
			t.Errorf("UID %s repeats", props["UID"])
		}
		out[props["UID"]] = props
	}
	return out
}

func TestICSRevisionReplacesEvents(t *testing.T) {
	a := loadFixture(t, "testdata/mange-moter.yaml")
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	before := parseEvents(t, ICS(a, p))

	b := loadFixture(t, "testdata/mange-moter.yaml")
	b.Version = "1.1"
	m := b.Meeting("budsjett")
	m.Schedule.Weekday = weekday(time.Thursday)
	q, err := Plan(b, 2027)
	if err != nil {
		t.Fatal(err)
	}
	after := parseEvents(t, ICS(b, q))

	if len(before) != len(after) {
		t.Errorf("version 1.0 has %d events, 1.1 has %d; a moved meeting should replace its event", len(before), len(after))
	}
	changed := 0
	for uid, old := range before {
		now, ok := after[uid]
		if !ok {
			t.Errorf("%s is gone in version 1.1; Outlook would keep the old event beside the new", uid)
			continue
		}
		var s0, s1 int
		fmt.Sscan(old["SEQUENCE"], &s0)
		fmt.Sscan(now["SEQUENCE"], &s1)
		if s1 <= s0 {
			t.Errorf("%s: SEQUENCE %d in 1.0, %d in 1.1; it should rise", uid, s0, s1)
		}
		if old["DTSTART"] != now["DTSTART"] {
			changed++
			if !strings.HasPrefix(uid, "budsjett-2027-1@") {
				t.Errorf("%s moved from %s to %s, but only the budget meeting changed", uid, old["DTSTART"], now["DTSTART"])
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d events changed DTSTART, want the budget meeting's one", changed)
	}
}

func TestICSCancelledAndAllDay(t *testing.T) {
	a := agreementWith(t, "hver uke", &model.Schedule{Weekday: weekday(time.Thursday)})
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	events := parseEvents(t, ICS(a, p))
	cancelled := 0
	for uid, ev := range events {
		if ev["STATUS"] == "CANCELLED" {
			cancelled++
		}
		if !strings.Contains(ev["SUMMARY"], "tid avtales") || len(ev["DTSTART"]) != len("20270107") {
			t.Errorf("%s: a meeting without a time should be an all-day event «tid avtales»: %v", uid, ev)
		}
		if _, ok := ev["ATTENDEE"]; ok {
			t.Errorf("%s names attendees", uid)
		}
	}
	if cancelled != len(p.Skipped) || cancelled == 0 {
		t.Errorf("%d cancelled events, want one per dropped date (%d)", cancelled, len(p.Skipped))
	}
}

func TestICSAttendeesOnlyWhenAsked(t *testing.T) {
	a := loadFixture(t, "testdata/avtale.yaml")
	a.Contacts = []model.Contact{
		{Name: "Kari Nordmann", Role: "leder-ft", Email: "kari@example.no"},
		{Name: "Ola Uten Epost", Role: "nav-leder"},
	}
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if data := ICS(a, p); bytes.Contains(data, []byte("ATTENDEE")) || bytes.Contains(data, []byte("Kari")) {
		t.Error("the calendar names people although the file does not ask for it")
	}
	a.Calendar.Attendees = true
	data := string(ICS(a, p))
	want := `ATTENDEE;CN="Kari Nordmann";ROLE=REQ-PARTICIPANT:mailto:kari@example.no`
	if !strings.Contains(strings.ReplaceAll(data, "\r\n ", ""), want) {
		t.Errorf("with «attendees: ja» the leaders' meeting lacks %s", want)
	}
	if strings.Contains(data, "Ola") {
		t.Error("a contact without e-mail is an attendee")
	}
}

func TestSequenceRisesWithVersion(t *testing.T) {
	versions := []string{"1.0", "1.1", "1.10", "2", "2.0.1", "2021.1", "2026.1", "2026.2", "2027.1"}
	prev := -1
	for _, v := range versions {
		got := sequence(&model.Agreement{Version: v})
		if got <= prev || got > 1<<31-1 {
			t.Errorf("version %s: SEQUENCE %d after %d; it should rise and fit in 32 bits", v, got, prev)
		}
		prev = got
	}
	if got := sequence(&model.Agreement{Version: "utkast", Revisions: make([]model.Revision, 3)}); got != 3 {
		t.Errorf("a version that is not numbers: SEQUENCE %d, want the number of revisions, 3", got)
	}
}
