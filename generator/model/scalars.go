package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"samarbeid/generator/lang"
	"samarbeid/generator/law"
)

// scalar is implemented by the value types that are written as one YAML
// scalar and checked when they are read. parse returns a Norwegian message.
type scalar interface {
	parse(s string) error
}

// worded is implemented by the value types written in words the language
// packs give (read.*): frequencies, deadlines, breaks, months and weekdays.
type worded interface {
	read(s string, w *Vocabulary) error
}

// ID names a party, unit, role, meeting or checklist so others can refer to it.
type ID string

var idPattern = regexp.MustCompile(`^[a-z0-9æøå][a-z0-9æøå_-]*$`)

// reservedNames cannot be file names on Windows, and ids become file names.
var reservedNames = regexp.MustCompile(`^(con|prn|aux|nul|com[0-9]|lpt[0-9])$`)

func (id *ID) parse(s string) error {
	if !idPattern.MatchString(s) {
		return fmt.Errorf("«%s» er ikke en gyldig id; skriv små bokstaver, tall og bindestrek, for eksempel «nav-kontoret»", s)
	}
	if n := utf8.RuneCountInString(s); n > MaxIDRunes {
		return fmt.Errorf("id-en er %d tegn lang; en id blir del av filnavn og kan ha høyst %d tegn – velg en kortere", n, MaxIDRunes)
	}
	if reservedNames.MatchString(s) {
		return fmt.Errorf("«%s» kan ikke være en id, fordi Windows ikke tillater det som filnavn; velg en annen", s)
	}
	*id = ID(s)
	return nil
}

// Kind is the kind of document: an agreement or, where the programme is
// organised inside the NAV office, a routine.
type Kind string

// The kinds of document.
const (
	KindAgreement Kind = "avtale"
	KindRoutine   Kind = "rutine"
)

func (k *Kind) parse(s string) error { return parseEnum((*string)(k), s, "avtale", "rutine") }

// DocKind says whether a document is attached to the agreement or only
// referred to.
type DocKind string

// The kinds of document.
const (
	DocAnnex     DocKind = "vedlegg"
	DocReference DocKind = "referanse"
)

func (k *DocKind) parse(s string) error { return parseEnum((*string)(k), s, "vedlegg", "referanse") }

// Language is the code of a language pack, e.g. «nn»: the målform the
// documents are written in.
type Language string

func (l *Language) parse(s string) error { return parseEnum((*string)(l), s, lang.Codes...) }

// LegalBasis is the Act the participants' programme falls under.
type LegalBasis string

// The legal bases.
const (
	Integreringsloven  LegalBasis = "integreringsloven"
	Introduksjonsloven LegalBasis = "introduksjonsloven"
)

func (l *LegalBasis) parse(s string) error {
	return parseEnum((*string)(l), s, "integreringsloven", "introduksjonsloven")
}

// PartyKind says what sort of organisation a party is; the standard texts
// are chosen by it.
type PartyKind string

// The kinds of party.
const (
	PartyMunicipality PartyKind = "kommune"
	PartyNAV          PartyKind = "nav"
	PartyCounty       PartyKind = "fylkeskommune"
	PartyOther        PartyKind = "annen"
)

func (p *PartyKind) parse(s string) error {
	return parseEnum((*string)(p), s, "kommune", "nav", "fylkeskommune", "annen")
}

// RoleKind is the generic function of a role; built-in checklist items are
// assigned to a function and land on the file's role with that function.
type RoleKind string

// The role functions that built-in texts know.
const (
	RoleAdvisor    RoleKind = "programrådgiver"
	RoleCounsellor RoleKind = "nav-veileder"
	RoleTeacher    RoleKind = "kontaktlærer"
	RoleLeader     RoleKind = "leder"
	RoleNAVLeader  RoleKind = "nav-leder"
	RoleSchoolLead RoleKind = "leder-voksenopplæring"
)

// RoleKinds lists the role functions in a fixed order.
var RoleKinds = []string{"programrådgiver", "nav-veileder", "kontaktlærer", "leder", "nav-leder", "leder-voksenopplæring"}

func (r *RoleKind) parse(s string) error { return parseEnum((*string)(r), s, RoleKinds...) }

// TextMode says what the file does with a built-in standard text.
type TextMode string

// The modes of a standard text.
const (
	ModeKeep    TextMode = "behold"
	ModeExtend  TextMode = "utvid"
	ModeReplace TextMode = "erstatt"
	ModeOmit    TextMode = "utelat"
)

func (m *TextMode) parse(s string) error {
	return parseEnum((*string)(m), s, "behold", "utvid", "erstatt", "utelat")
}

// Level is the level a meeting or a responsibility belongs to.
type Level string

// The levels of cooperation.
const (
	LevelLeader     Level = "leder"
	LevelCaseworker Level = "saksbehandler"
	LevelIndividual Level = "individ"
)

func (l *Level) parse(s string) error {
	return parseEnum((*string)(l), s, "leder", "saksbehandler", "individ")
}

// Topic is a point of the directorates' list of what an agreement should
// contain; duties, meetings and exchanges are tagged with the topics they cover.
type Topic string

// Topics lists the content topics in the order of the directorates' list.
var Topics = []string{
	"kontaktpersoner", "ansvar", "mål", "samarbeid", "bosetting",
	"deltakerinformasjon", "arbeidsmarked", "overgang", "evaluering",
	"praksisplasser", "tiltak", "arbeidsgivere",
}

func (t *Topic) parse(s string) error { return parseEnum((*string)(t), s, Topics...) }

// Phase is the part of a meeting a checklist item belongs to.
type Phase string

// The phases of a meeting.
const (
	PhaseBefore Phase = "før"
	PhaseDuring Phase = "under"
	PhaseAfter  Phase = "etter"
)

func (p *Phase) parse(s string) error { return parseEnum((*string)(p), s, "før", "under", "etter") }

func parseEnum(dst *string, s string, allowed ...string) error {
	for _, a := range allowed {
		if s == a {
			*dst = s
			return nil
		}
	}
	msg := fmt.Sprintf("«%s» er ikke en gyldig verdi; skriv %s", s, OrList(allowed))
	if best := Closest(s, allowed); best != "" {
		msg = fmt.Sprintf("«%s» er ikke en gyldig verdi – mente du «%s»? Gyldige verdier: %s", s, best, OrList(allowed))
	}
	return fmt.Errorf("%s", msg)
}

// OrList quotes values and joins them with «eller»: «a», «b» eller «c».
func OrList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "«" + v + "»"
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " eller " + quoted[len(quoted)-1]
}

// Date is a calendar date without time of day.
type Date struct {
	time.Time
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Time.IsZero() }

var isoShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (d *Date) parse(s string) error {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		if isoShape.MatchString(s) {
			return fmt.Errorf("datoen «%s» finnes ikke i kalenderen", s)
		}
		return fmt.Errorf("«%s» er ikke en dato; skriv år-måned-dag, for eksempel 2020-09-18", s)
	}
	if !ValidYear(t.Year()) {
		return fmt.Errorf("året i «%s» går ikke; skriv en dato fra år %d til %d", s, MinYear, MaxYear)
	}
	d.Time = t
	return nil
}

// ISO gives the date as YYYY-MM-DD.
func (d Date) ISO() string { return d.Format("2006-01-02") }

// Norwegian gives the date in words in bokmål, e.g. «18. september 2020»,
// for messages on the command line.
func (d Date) Norwegian() string { return messages().Date(d.Time) }

// Short gives the date as DD.MM.YYYY.
func (d Date) Short() string { return d.Format("02.01.2006") }

// messages is the pack of the command line's messages, which are bokmål.
func messages() *lang.Pack { return lang.Builtin(lang.Default) }

// MonthNames are the month names the reader accepts, in every built-in
// language pack, January first in each.
func MonthNames() []string { return names("date.months") }

// WeekdayNames are the weekday names the reader accepts, in every built-in
// language pack, Monday first in each.
func WeekdayNames() []string { return names("date.weekdays") }

func names(key string) []string {
	var out []string
	for _, code := range lang.Codes {
		if p := lang.Builtin(code); p != nil {
			for _, n := range p.List(key) {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// Month is a month of the year, written by its name.
type Month time.Month

func (m *Month) read(s string, w *Vocabulary) error {
	i := w.month(strings.ToLower(s))
	if i < 0 {
		return parseEnum(new(string), s, w.Pack(w.code).List("date.months")...)
	}
	*m = Month(i + 1)
	return nil
}

// String gives the bokmål name of the month, for messages on the command line.
func (m Month) String() string { return messages().Month(int(m)) }

// Weekday is a day of the week, written by its name.
type Weekday struct {
	Set bool
	Day time.Weekday
}

func (wd *Weekday) read(s string, w *Vocabulary) error {
	i, ok := w.weekdays[strings.ToLower(s)]
	if !ok {
		return parseEnum(new(string), s, w.Pack(w.code).List("date.weekdays")...)
	}
	*wd = Weekday{Set: true, Day: time.Weekday((i + 1) % 7)}
	return nil
}

// String gives the bokmål name of the weekday, for messages on the command line.
func (w Weekday) String() string {
	if !w.Set {
		return ""
	}
	return messages().Weekday(w.Day)
}

// ClockTime is a time of day, written HH:MM.
type ClockTime struct {
	Set          bool
	Hour, Minute int
}

func (c *ClockTime) parse(s string) error {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return fmt.Errorf("«%s» er ikke et klokkeslett; skriv timer og minutter, for eksempel 09:00", s)
	}
	*c = ClockTime{Set: true, Hour: t.Hour(), Minute: t.Minute()}
	return nil
}

// String gives the time as HH:MM.
func (c ClockTime) String() string {
	if !c.Set {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
}

// Deadline is a checklist item's deadline relative to its event, e.g.
// «senest 2 uker før» or «innen 3 måneder etter», or relative to another
// event named after it: «innen 3 måneder etter bosetting».
type Deadline struct {
	N      int
	Unit   TimeUnit // UnitDay, UnitWeek or UnitMonth
	Before bool
	// Event is the event the deadline counts from, as written, when it is
	// not the list's own; empty for the list's event.
	Event string
}

// eventShape is what may name a deadline's event: letters, spaces and
// hyphens, beginning with a letter.
func eventShape(s string) bool {
	for i, r := range s {
		if !unicode.IsLetter(r) && (i == 0 || r != ' ' && r != '-') {
			return false
		}
	}
	return s != ""
}

// ParseDeadline reads a deadline written in Norwegian, e.g. «2 uker før»,
// with the words of the built-in language packs.
func ParseDeadline(s string) (Deadline, error) {
	var d Deadline
	err := d.read(s, BuiltinVocabulary())
	return d, err
}

// read reads «[innen|senest] N unit før|etter [event]» in the words of any
// pack: «senest 2 uker før», «innan 3 månader etter busetjinga».
func (d *Deadline) read(s string, w *Vocabulary) error {
	bad := func() error {
		return fmt.Errorf("«%s» er ikke en frist; skriv for eksempel %s", s, w.examples("deadline"))
	}
	word, rest := cutWord(s)
	if w.deadlineBy[strings.ToLower(word)] {
		word, rest = cutWord(rest)
	}
	if word == "" || strings.TrimLeft(word, "0123456789") != "" {
		return bad()
	}
	n, _ := strconv.Atoi(word)
	word, rest = cutWord(rest)
	unit := w.units[strings.ToLower(word)]
	dir, rest := cutWord(rest)
	before, after := w.before[strings.ToLower(dir)], w.after[strings.ToLower(dir)]
	event := strings.TrimSpace(rest)
	if unit != UnitDay && unit != UnitWeek && unit != UnitMonth || !before && !after || event != "" && !eventShape(event) {
		return bad()
	}
	if n < 1 || n > 365 {
		return fmt.Errorf("fristen «%s» må være mellom 1 og 365", s)
	}
	*d = Deadline{N: n, Unit: unit, Before: before, Event: event}
	return nil
}

// Days is about how many days the deadline reaches, a month counted as 30.
func (d Deadline) Days() int {
	return map[TimeUnit]int{UnitDay: 1, UnitWeek: 7, UnitMonth: 30}[d.Unit] * d.N
}

// IsZero reports whether no deadline is set.
func (d Deadline) IsZero() bool { return d.N == 0 }

// SameEvent reports whether the deadline counts from the event of the list
// with the given id: it names no event, or the list's («bosettingen» in
// «ny-bosetting»), also in a definite form the built-in packs know
// (read.definite).
func (d Deadline) SameEvent(list string) bool {
	if d.Event == "" {
		return true
	}
	e := strings.ToLower(d.Event)
	stems := []string{e}
	for _, end := range BuiltinVocabulary().definite {
		stems = append(stems, strings.TrimSuffix(e, end))
	}
	for _, stem := range stems {
		if len(stem) >= 4 && strings.Contains(list, stem) {
			return true
		}
	}
	return false
}

// In writes the deadline in the words of p, e.g. «senest 2 uker før».
func (d Deadline) In(p *lang.Pack) string {
	if d.IsZero() {
		return ""
	}
	unit := p.N("deadline.unit."+string(d.Unit), d.N)
	s := p.T("deadline.after", d.N, unit)
	if d.Before {
		s = p.T("deadline.before", d.N, unit)
	}
	if d.Event != "" {
		s += " " + d.Event
	}
	return s
}

// String writes the deadline in bokmål, for messages on the command line.
func (d Deadline) String() string { return d.In(messages()) }

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Status says whether the agreement is a draft or ready to sign.
type Status string

// The statuses.
const (
	StatusDraft Status = "utkast"
	StatusFinal Status = "endelig"
)

func (st *Status) parse(s string) error {
	return parseEnum((*string)(st), s, string(StatusDraft), string(StatusFinal))
}

// LawRef is a reference to a provision in the law table, e.g.
// «integreringsloven § 10».
type LawRef string

func (l *LawRef) parse(s string) error {
	ref, ok := law.Lookup(s)
	if !ok {
		keys := law.Keys()
		if best := Closest(law.Normalize(s), keys); best != "" {
			return fmt.Errorf("ukjent lovhenvisning «%s» – mente du «%s»?", s, best)
		}
		return fmt.Errorf("ukjent lovhenvisning «%s»; kjente henvisninger er %s", s, OrList(keys))
	}
	*l = LawRef(ref.Key())
	return nil
}

// Ref is the provision the reference names.
func (l LawRef) Ref() law.Ref {
	r, _ := law.Lookup(string(l))
	return r
}
