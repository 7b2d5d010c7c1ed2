package model

import (
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"samarbeid/generator/lang"
)

func (a *Agreement) applyDefaults() {
	for i := range a.References {
		if a.References[i].Kind == "" {
			a.References[i].Kind = DocReference
			if a.References[i].File != "" {
				a.References[i].Kind = DocAnnex
			}
		}
	}
	if a.Type == "" {
		a.Type = KindAgreement
	}
	if a.Language == "" {
		a.Language = lang.Default
	}
	if len(a.LegalBasis) == 0 {
		a.LegalBasis = []LegalBasis{Integreringsloven}
	}
}

// what each kind of reference may point at
type refKind int

const (
	refOrg     refKind = iota // a party, unit or role
	refRole                   // a role
	refUnit                   // a unit
	refOwner                  // a party or unit
	refParty                  // a party
	refMeeting                // a meeting body
)

var refWords = map[refKind]string{
	refOrg:     "en part, enhet eller rolle",
	refRole:    "en rolle",
	refUnit:    "en enhet",
	refOwner:   "en part eller enhet",
	refParty:   "en part",
	refMeeting: "et møte",
}

type idEntry struct {
	kind string // "part", "enhet", "rolle", "møte", "sjekkliste"
	pos  Pos
}

type validator struct {
	r     *Reporter
	a     *Agreement
	ids   map[ID]idEntry
	words *Vocabulary
}

func validate(r *Reporter, a *Agreement, words *Vocabulary) {
	v := &validator{r: r, a: a, ids: map[ID]idEntry{}, words: words}
	v.collectIDs()
	v.checkRefs()
	v.checkCycles()
	v.checkContacts()
	v.checkSignatories()
	v.checkDeadlines()
	v.checkDocuments()
	v.checkDates()
	v.checkLists()
	v.checkLanguage()
}

// checkLanguage warns about «language:» written without a value: the
// documents are then bokmål, around what may be a nynorsk file's text.
func (v *validator) checkLanguage() {
	a := v.a
	if _, written := a.Fields["language"]; !written || a.set("language") {
		return
	}
	at := a.At("language")
	for _, d := range v.r.Diags {
		if d.Pos == at {
			return // a value the decoder refused has its own message
		}
	}
	v.r.Warnf(at, "«language» står uten verdi, så dokumentene skrives på bokmål; skriv «language: nn» for nynorsk eller «language: nb» for bokmål")
}

func (v *validator) define(id ID, kind string, p Pos) {
	if id == "" {
		return // reported as missing already
	}
	if prev, ok := v.ids[id]; ok {
		v.r.Errorf(p, "id «%s» er brukt før (som %s på linje %d); gi hver part, enhet, rolle og hvert møte sin egen id", id, prev.kind, prev.pos.Line)
		return
	}
	v.ids[id] = idEntry{kind, p}
}

func (v *validator) collectIDs() {
	for _, p := range v.a.Parties {
		v.define(p.ID, "part", p.At("id"))
	}
	for _, u := range v.a.Units {
		v.define(u.ID, "enhet", u.At("id"))
	}
	for _, r := range v.a.Roles {
		v.define(r.ID, "rolle", r.At("id"))
	}
	for _, m := range v.a.Meetings {
		v.define(m.ID, "møte", m.At("id"))
	}
	for _, c := range v.a.Checklists.Lists {
		v.define(c.ID, "sjekkliste", c.At("id"))
	}
	for _, d := range v.a.References {
		v.define(d.ID, "dokument", d.At("id"))
	}
}

func (v *validator) allows(kind string, want refKind) bool {
	switch want {
	case refOrg:
		return kind == "part" || kind == "enhet" || kind == "rolle"
	case refRole:
		return kind == "rolle"
	case refUnit:
		return kind == "enhet"
	case refOwner:
		return kind == "part" || kind == "enhet"
	case refParty:
		return kind == "part"
	case refMeeting:
		return kind == "møte"
	}
	return false
}

// ref checks that id names something of the wanted kind.
func (v *validator) ref(id ID, want refKind, p Pos, field string) {
	if id == "" {
		return
	}
	e, ok := v.ids[id]
	if ok && v.allows(e.kind, want) {
		return
	}
	if ok {
		v.r.Errorf(p, "«%s: %s» skal vise til %s, men «%s» er %s", field, id, refWords[want], id, withArticle(e.kind))
		return
	}
	var candidates []string
	for other, e := range v.ids {
		if v.allows(e.kind, want) {
			candidates = append(candidates, string(other))
		}
	}
	slices.Sort(candidates)
	msg := fmt.Sprintf("«%s: %s» viser til en id som ikke finnes", field, id)
	if best := Closest(string(id), candidates); best != "" {
		msg += fmt.Sprintf(" – mente du «%s»?", best)
	} else if len(candidates) > 0 && len(candidates) <= 12 {
		msg += "; skriv " + OrList(candidates)
	} else {
		msg += fmt.Sprintf("; skriv id-en til %s som er definert i filen", refWords[want])
	}
	v.r.Errorf(p, "%s", msg)
}

func withArticle(kind string) string {
	switch kind {
	case "part", "rolle", "enhet", "sjekkliste", "dokument":
		return "en " + kind
	}
	return "et " + kind
}

func (v *validator) refs(ids []ID, want refKind, l Loc, field string) {
	for i, id := range ids {
		v.ref(id, want, l.Item(field, i), field)
	}
}

func (v *validator) duties(items []Duty) {
	for _, d := range items {
		v.refs(d.Roles, refRole, d.Loc, "roles")
		v.lawRefs(d.Refs, d.Loc)
	}
}

// lawRefs warns about a reference the documents will leave out: one to an
// Act the agreement does not cover, or to a section not in force on its
// date.
func (v *validator) lawRefs(refs []LawRef, loc Loc) {
	for i, lr := range refs {
		r := lr.Ref()
		if v.a.Cites(r) {
			continue
		}
		p := loc.Item("refs", i)
		var bases []string
		for _, b := range v.a.LegalBasis {
			bases = append(bases, string(b))
		}
		if !r.Covered(bases) {
			v.r.Warnf(p, "«%s» hører til %s, men avtalen gjelder deltakere etter %s; henvisningen utelates – legg til «%s» i «legal_basis» eller fjern henvisningen", lr, r.Act.Basis, OrList(bases), r.Act.Basis)
			continue
		}
		date := Date{Time: v.a.LawDate()}.Norwegian()
		if r.Unconfirmed(v.a.LawDate()) {
			v.r.Warnf(p, "datoen «%s» trådte i kraft, er ikke bekreftet for %s, avtalens dato; henvisningen utelates – vet dere at den gjaldt, kan dere skrive den inn i selve teksten", lr, date)
			continue
		}
		v.r.Warnf(p, "«%s» var ikke i kraft %s, avtalens dato; henvisningen utelates – fjern den eller rett datoene", lr, date)
	}
}

func (v *validator) standard(t *StandardText) {
	if t == nil {
		return
	}
	v.duties(t.Items)
	if t.Mode == ModeExtend && len(t.Items) == 0 {
		v.r.Errorf(t.At("mode"), "«mode: utvid» trenger punkter å legge til; legg til «items:» med punktene, eller skriv «mode: behold»")
	}
	if t.Mode == ModeReplace && len(t.Items) == 0 && len(t.After) == 0 && t.Intro == "" {
		v.r.Errorf(t.At("mode"), "«mode: erstatt» trenger teksten som skal stå i stedet; legg til «intro:», «items:» eller «after:», eller skriv «mode: utelat»")
	}
	if (t.Mode == ModeKeep || t.Mode == ModeOmit) && len(t.Items) > 0 {
		v.r.Errorf(t.At("items"), "punktene under «items» blir ikke brukt med «mode: %s»; skriv «mode: utvid» for å legge dem til standardteksten, eller «mode: erstatt» for å bruke dem i stedet", t.Mode)
	}
}

func (v *validator) checkRefs() {
	a := v.a
	for _, u := range a.Units {
		v.ref(u.Party, refOwner, u.At("party"), "party")
	}
	for _, r := range a.Roles {
		v.ref(r.Unit, refUnit, r.At("unit"), "unit")
	}
	for _, c := range a.Contacts {
		v.ref(c.Role, refRole, c.At("role"), "role")
		v.ref(c.Unit, refUnit, c.At("unit"), "unit")
		if c.Role == "" && c.Unit == "" {
			v.r.Errorf(c.Pos, "kontaktpersonen «%s» mangler «role» eller «unit»; skriv hvilken rolle eller enhet personen hører til", c.Label())
		}
	}
	for _, s := range a.Signatories {
		v.ref(s.For, refOwner, s.At("for"), "for")
	}
	for _, g := range a.Duties {
		v.ref(g.Owner, refOwner, g.At("owner"), "owner")
		v.refs(g.Owners, refOwner, g.Loc, "owners")
		switch {
		case g.Owner != "" && len(g.Owners) > 0:
			v.r.Errorf(g.At("owners"), "skriv enten «owner» (én eier) eller «owners» (flere eiere), ikke begge; flytt «%s» inn i «owners»", g.Owner)
		case g.Owner == "" && len(g.Owners) == 0:
			v.r.Errorf(g.Pos, "pliktene mangler eier; skriv «owner: ID» med parten eller enheten de gjelder, eller «owners: [ID, ID]» når de gjelder flere")
		}
		seen := map[ID]bool{}
		for i, o := range g.Owners {
			if seen[o] {
				v.r.Errorf(g.Item("owners", i), "«%s» står to ganger i «owners»; slett den ene", o)
			}
			seen[o] = true
		}
		v.duties(g.Items)
	}
	for _, l := range a.Levels {
		v.duties(l.Items)
	}
	v.standard(a.Standard.Municipality)
	v.standard(a.Standard.NAV)
	v.standard(a.Standard.County)
	v.standard(a.Standard.Sharing)
	for _, m := range a.Meetings {
		v.ref(m.Convener, refOrg, m.At("convener"), "convener")
		v.refs(m.Participants, refOrg, m.Loc, "participants")
		v.ref(m.Agenda, refOrg, m.At("agenda"), "agenda")
		v.ref(m.Minutes, refOrg, m.At("minutes"), "minutes")
		v.ref(m.EscalatesTo, refMeeting, m.At("escalates_to"), "escalates_to")
		if m.EscalatesTo != "" && m.EscalatesTo == m.ID {
			v.r.Errorf(m.At("escalates_to"), "møtet «%s» kan ikke løfte saker til seg selv; skriv id-en til et annet møte", m.ID)
		}
		if len(m.Participants) == 0 && len(m.Others) == 0 {
			v.r.Errorf(m.Pos, "møtet «%s» har ingen deltakere; legg til «participants:» med id-ene til rollene eller enhetene som møter", m.ID)
		}
		v.schedule(m)
		switch m.Frequency.Kind {
		case FreqRegular:
			v.r.Warnf(m.At("frequency"), "møtet «%s» har «%s» uten fastsatt hyppighet og får ingen datoer i årshjulet; skriv for eksempel «%s» når partene har avtalt hvor ofte", m.ID, m.Frequency, v.pack().T("read.example.interval"))
		case FreqUnplaced:
			v.unplaced(m)
		}
	}
	if a.Sharing != nil {
		for _, e := range a.Sharing.Exchanges {
			v.ref(e.Responsible, refOrg, e.At("responsible"), "responsible")
		}
	}
	if a.Transition != nil {
		v.duties(a.Transition.Items)
	}
	if a.Evaluation != nil {
		v.ref(a.Evaluation.Responsible, refOrg, a.Evaluation.At("responsible"), "responsible")
	}
	for _, r := range a.Routines {
		v.ref(r.Role, refRole, r.At("role"), "role")
	}
	for _, c := range a.Checklists.Changes {
		v.ref(c.Role, refRole, c.At("role"), "role")
	}
	for _, c := range a.Checklists.Items {
		v.ref(c.Role, refRole, c.At("role"), "role")
		v.lawRefs(c.Refs, c.Loc)
	}
}

// pack is the language pack of the file's målform: the examples in a
// message are written in it.
func (v *validator) pack() *lang.Pack { return v.words.Pack(string(v.a.Language)) }

// unplaced warns about a frequency the year plan cannot place: what it was
// likely meant to be, or how to write one, in the file's målform.
func (v *validator) unplaced(m Meeting) {
	msg := fmt.Sprintf("møtet «%s» holdes «%s»: avtalen bruker teksten som skrevet, men årshjulet kan ikke gjøre den om til datoer", m.ID, m.Frequency)
	if s := v.words.Suggest(m.Frequency.Text, string(v.a.Language)); s != "" {
		v.r.Warnf(m.At("frequency"), "%s; mente du «%s»?", msg, s)
		return
	}
	v.r.Warnf(m.At("frequency"), "%s; skriv for eksempel %s for å få møtet i årshjulet", msg, OrList(v.pack().List("read.example.frequency")))
}

func (v *validator) schedule(m Meeting) {
	s := m.Schedule
	if s == nil {
		return
	}
	if s.set("day") && (s.Day < 1 || s.Day > 28) {
		v.r.Errorf(s.At("day"), "«day: %d» må være fra 1 til 28, så datoen finnes i alle måneder", s.Day)
	}
	if s.set("duration_minutes") && (s.Minutes < 1 || s.Minutes > 600) {
		v.r.Errorf(s.At("duration_minutes"), "«duration_minutes: %d» må være fra 1 til 600 minutter", s.Minutes)
	}
	want := map[FrequencyKind]int{FreqTwiceYearly: 2, FreqQuarterly: 4, FreqYearly: 1}[m.Frequency.Kind]
	if m.Frequency.Kind == FreqMonthly && m.Frequency.Months > 1 {
		want = 12 / m.Frequency.Months
	}
	if len(s.Months) > 0 && want > 0 && len(s.Months) != want {
		v.r.Errorf(s.At("months"), "møtet «%s» holdes %s og trenger %d måned(er) i «months», ikke %d", m.ID, m.Frequency, want, len(s.Months))
	}
	if s.Weekday.Set && (s.Weekday.Day == time.Saturday || s.Weekday.Day == time.Sunday) {
		v.r.Errorf(s.At("weekday"), "møtet «%s» kan ikke legges på %s; velg en ukedag fra mandag til fredag", m.ID, s.Weekday)
	}
	v.scheduleMonths(m)
	if len(s.Months) > 0 && (m.Frequency.Kind == FreqWeeks || m.Frequency.Kind == FreqMonthly && m.Frequency.Months < 2 || !m.Frequency.Placed()) {
		v.r.Errorf(s.At("months"), "«months» brukes ikke for et møte som holdes %s; slett «months»", m.Frequency)
	}
}

// scheduleMonths checks that the chosen months fit the frequency: one per
// quarter, two different ones, or a yearly month before its deadline.
func (v *validator) scheduleMonths(m Meeting) {
	s := m.Schedule
	p := s.At("months")
	switch m.Frequency.Kind {
	case FreqQuarterly:
		if len(s.Months) != 4 {
			return
		}
		seen := map[int]bool{}
		for _, mo := range s.Months {
			seen[(int(mo)-1)/3] = true
		}
		if len(seen) != 4 {
			v.r.Errorf(p, "et kvartalsvis møte trenger én måned i hvert kvartal, for eksempel «months: [mars, juni, september, desember]»")
		}
	case FreqTwiceYearly:
		if len(s.Months) == 2 && s.Months[0] == s.Months[1] {
			v.r.Errorf(p, "et halvårlig møte trenger to forskjellige måneder, for eksempel «months: [mars, oktober]»")
		}
	case FreqYearly:
		if d := m.Frequency.Deadline; d != 0 && len(s.Months) == 1 && s.Months[0] >= d {
			v.r.Errorf(p, "møtet «%s» skal holdes innen %s, men «months» sier %s; velg en måned før %s", m.ID, d, s.Months[0], d)
		}
	}
}

func (v *validator) checkDates() {
	d := v.a.Dates
	if !d.ValidFrom.IsZero() && !d.NextEvaluation.IsZero() && d.NextEvaluation.Before(d.ValidFrom.Time) {
		v.r.Errorf(d.At("next_evaluation"), "neste evaluering (%s) er før avtalen gjelder fra (%s); rett en av datoene", d.NextEvaluation.ISO(), d.ValidFrom.ISO())
	}
	if !d.Signed.IsZero() && !d.Revised.IsZero() && d.Revised.Before(d.Signed.Time) {
		v.r.Errorf(d.At("revised"), "sist revidert (%s) er før avtalen ble signert (%s); rett en av datoene", d.Revised.ISO(), d.Signed.ISO())
	}
	if c := v.a.Calendar; c != nil {
		if c.set("year") && !ValidYear(c.Year) {
			v.r.Errorf(c.At("year"), "«year»: %s", YearError(c.Year))
		}
		for _, b := range c.Breaks {
			v.breakDays(b)
			if b.When.IsZero() && b.To.Before(b.From.Time) {
				v.r.Errorf(b.At("to"), "ferien «%s» slutter (%s) før den begynner (%s); rett datoene", b.Name, b.To.ISO(), b.From.ISO())
			}
		}
	}
	for i, r := range v.a.Revisions {
		if i > 0 && r.Date.Before(v.a.Revisions[i-1].Date.Time) {
			v.r.Errorf(r.At("date"), "revisjonene skal stå i tidsrekkefølge, eldste først; versjon %s (%s) er eldre enn versjonen over", r.Version, r.Date.ISO())
		}
	}
	if n := len(v.a.Revisions); n > 0 && v.a.Revisions[n-1].Version != v.a.Version {
		last := v.a.Revisions[n-1]
		v.r.Warnf(v.a.At("version"), "«version: %s» er ikke den siste versjonen i «revisions» (%s); skriv samme versjon begge steder", v.a.Version, last.Version)
	}
}

// breakDays checks that a break is either recurring («when») or between two
// dates («from» and «to»).
func (v *validator) breakDays(b Break) {
	dated := !b.From.IsZero() || !b.To.IsZero()
	switch {
	case !b.When.IsZero() && dated:
		v.r.Errorf(b.At("when"), "ferien «%s» har både «when» og «from»/«to»; skriv «when» for en ferie som kommer igjen hvert år, eller «from» og «to» for én bestemt periode", b.Name)
	case b.When.IsZero() && !dated:
		v.r.Errorf(b.Pos, "ferien «%s» mangler datoer; skriv for eksempel «when: uke 28–31», eller «from: 2027-06-28» og «to: 2027-08-06»", b.Name)
	case b.When.IsZero() && b.From.IsZero():
		v.r.Errorf(b.Pos, "ferien «%s» mangler «from»; skriv første dag uten møter, for eksempel «from: 2027-06-28»", b.Name)
	case b.When.IsZero() && b.To.IsZero():
		v.r.Errorf(b.Pos, "ferien «%s» mangler «to»; skriv siste dag uten møter, for eksempel «to: 2027-08-06»", b.Name)
	}
}

func (v *validator) checkLists() {
	seen := map[LegalBasis]bool{}
	for i, l := range v.a.LegalBasis {
		if seen[l] {
			v.r.Errorf(v.a.Item("legal_basis", i), "«%s» står to ganger i «legal_basis»; slett den ene", l)
		}
		seen[l] = true
	}
	versions := map[string]bool{}
	for _, r := range v.a.Revisions {
		if versions[r.Version] {
			v.r.Errorf(r.At("version"), "versjon %s står to ganger i «revisions»; gi hver revisjon sitt eget versjonsnummer", r.Version)
		}
		versions[r.Version] = true
	}
}

// checkCycles reports a unit that belongs to itself, directly or through
// other units, and an escalation path that returns to where it started.
// Each cycle is reported once, at its first member in the file.
func (v *validator) checkCycles() {
	a := v.a
	reported := map[ID]bool{}
	for _, u := range a.Units {
		path := v.cycle(u.ID, func(id ID) ID {
			if x := a.Unit(id); x != nil {
				return x.Party
			}
			return ""
		})
		if path == nil || reported[u.ID] {
			continue
		}
		for _, id := range path {
			reported[id] = true
		}
		if len(path) == 1 {
			v.r.Errorf(u.At("party"), "enheten «%s» kan ikke høre til seg selv; skriv parten eller enheten den hører til under «party»", u.ID)
			continue
		}
		v.r.Errorf(u.At("party"), "enhetene hører til hverandre i ring (%s); la én av dem høre til en part", cyclePath(path))
	}
	for _, m := range a.Meetings {
		path := v.cycle(m.ID, func(id ID) ID {
			if x := a.Meeting(id); x != nil {
				return x.EscalatesTo
			}
			return ""
		})
		if len(path) < 2 || reported[m.ID] { // to itself is reported with the references
			continue
		}
		for _, id := range path {
			reported[id] = true
		}
		v.r.Errorf(m.At("escalates_to"), "saker som løftes videre, kommer tilbake til møtet de startet i (%s); la det øverste møtet være uten «escalates_to»", cyclePath(path))
	}
}

// cycle follows next from start and returns the ids on the way when it
// comes back to start, or nil.
func (v *validator) cycle(start ID, next func(ID) ID) []ID {
	path := []ID{start}
	seen := map[ID]bool{start: true}
	for id := next(start); id != ""; id = next(id) {
		if id == start {
			return path
		}
		if seen[id] {
			return nil // a cycle further on, reported from one of its members
		}
		seen[id] = true
		path = append(path, id)
	}
	return nil
}

func cyclePath(path []ID) string {
	s := make([]string, 0, len(path)+1)
	for _, id := range append(path, path[0]) {
		s = append(s, string(id))
	}
	return strings.Join(s, " → ")
}

var emailPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`) })

// checkContacts: a contact is known by a name or a function, and can be
// reached by phone or e-mail.
func (v *validator) checkContacts() {
	for _, c := range v.a.Contacts {
		if c.Name == "" && c.Function == "" {
			v.r.Errorf(c.Pos, "kontakten mangler både «name» og «function»; skriv personens navn, funksjonen (for eksempel «function: Flyktningkonsulenten»), eller begge")
			continue
		}
		if c.Phone == "" && c.Email == "" {
			v.r.Warnf(c.Pos, "kontakten «%s» har verken «phone» eller «email» og kan ikke nås; legg til telefonnummer eller e-postadresse", c.Label())
		}
		if c.Email != "" && !emailPattern().MatchString(c.Email) {
			v.r.Warnf(c.At("email"), "«%s» er ikke en e-postadresse; skriv for eksempel «navn@kommune.no»", c.Email)
		}
	}
}

// checkSignatories warns about a party that signs without anyone to sign
// for it: a signatory for the party or for one of its units.
func (v *validator) checkSignatories() {
	a := v.a
	for _, p := range a.UnsignedParties() {
		v.r.Warnf(p.Pos, "parten «%s» har ingen som signerer; legg til en underskriver under «signatories» med «for: %s», eller skriv «signs: nei» på parten hvis den ikke signerer", p.Name, p.ID)
	}
}

// checkDeadlines reports a file's checklist item whose deadline points the
// other way than its phase: «før» with «innen 3 måneder etter», counted
// from the list's own event.
func (v *validator) checkDeadlines() {
	for _, it := range v.a.Checklists.Items {
		if msg := Contradicts(it.Phase, it.Deadline, string(it.List)); msg != "" {
			v.r.Errorf(it.At("deadline"), "%s", msg)
		}
	}
}

// Contradicts says why a deadline contradicts the phase of an item in the
// list, or "". A deadline counted from another event than the list's
// («etter bosetting» in the programme-start list) contradicts nothing.
func Contradicts(p Phase, d Deadline, list string) string {
	if d.IsZero() || p == "" || p == PhaseDuring || !d.SameEvent(list) {
		return ""
	}
	if p == PhaseBefore && !d.Before {
		return fmt.Sprintf("punktet står under «før», men fristen «%s» er etter hendelsen; skriv en frist med «før», flytt punktet til «phase: etter», eller skriv hvilken hendelse fristen regnes fra (for eksempel «%s bosetting»)", d, d)
	}
	if p == PhaseAfter && d.Before {
		return fmt.Sprintf("punktet står under «etter», men fristen «%s» er før hendelsen; skriv en frist med «etter», eller flytt punktet til «phase: før»", d)
	}
	return ""
}

// DocPlaceholder is how prose refers to a document of «references»:
// {ref:ID}.
var DocPlaceholder = regexp.MustCompile(`\{ref:([^}]*)\}`)

// checkDocuments checks the references and annexes, the purchase terms,
// and that every {ref:ID} in the file's text names a document.
func (v *validator) checkDocuments() {
	a := v.a
	for _, d := range a.References {
		if d.File == "" {
			continue
		}
		if !fs.ValidPath(AttachmentPath(d.File)) {
			v.r.Errorf(d.At("file"), "«file: %s» må ligge i mappen til avtalefilen eller en undermappe; skriv stien fra den mappen, uten «..» og uten / først, for eksempel «vedlegg/kjopsavtale.pdf»", d.File)
		}
		if d.Kind == DocReference {
			v.r.Errorf(d.At("kind"), "dokumentet «%s» har en fil og blir lagt ved; skriv «kind: vedlegg», eller slett «file» hvis det bare er en referanse", d.ID)
		}
	}
	if pu := a.Purchase; pu != nil {
		v.ref(pu.Seller, refParty, pu.At("seller"), "seller")
		v.refs(pu.Buyers, refParty, pu.Loc, "buyers")
		for i, b := range pu.Buyers {
			if b == pu.Seller {
				v.r.Errorf(pu.Item("buyers", i), "«%s» er både selger og kjøper; skriv vertskommunen under «seller» og de andre kommunene under «buyers»", b)
			}
		}
	}
	walkText(reflect.ValueOf(a).Elem(), func(s string, p Pos) {
		for _, m := range DocPlaceholder.FindAllStringSubmatch(s, -1) {
			id := ID(m[1])
			if e, ok := v.ids[id]; ok && e.kind == "dokument" {
				continue
			}
			var known []string
			for _, d := range a.References {
				known = append(known, string(d.ID))
			}
			hint := "; legg dokumentet til under «references» med «id: " + m[1] + "»"
			if best := Closest(m[1], known); best != "" {
				hint = fmt.Sprintf(" – mente du «{ref:%s}»?", best)
			}
			v.r.Errorf(p, "«{ref:%s}» viser til et dokument som ikke finnes%s", m[1], hint)
		}
	})
}

// AttachmentPath is an attached file's path as an fs.FS path: a
// backslash, as Windows users write, is a folder separator.
func AttachmentPath(file string) string { return strings.ReplaceAll(file, "\\", "/") }

// walkText calls f with every text of the file and its position.
func walkText(v reflect.Value, f func(s string, p Pos)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkText(v.Elem(), f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkText(v.Index(i), f)
		}
	case reflect.Struct:
		lf := v.FieldByName("Loc")
		if !lf.IsValid() {
			return // a value written as one scalar, such as a date
		}
		loc := lf.Interface().(Loc)
		for _, fd := range Fields(v.Type()) {
			fv := v.Field(fd.Index)
			switch {
			case fv.Kind() == reflect.String:
				f(fv.String(), loc.At(fd.Key))
			case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
				for i := range fv.Len() {
					f(fv.Index(i).String(), loc.Item(fd.Key, i))
				}
			default:
				walkText(fv, f)
			}
		}
	}
}
