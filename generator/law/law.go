// Package law is the one table of the legal references the documents cite,
// so that a change in the law is a change of one line here. Every section
// carries its title and the date it came into force, so a document cites
// only what was law on its date, under the Acts its participants fall under.
package law

import (
	"slices"
	"strings"
	"time"
)

// Act is a law or regulation the documents refer to. Its name and full
// title in a document are law.act.<Key>.name and .title in the language
// pack; Short is how a file and the bokmål texts name it.
type Act struct {
	Short string // the bokmål name a file cites it by, e.g. «integreringsloven»
	ID    string // the Lovdata identifier, which carries the date
	// Basis is the programme Act whose participants the Act concerns
	// («integreringsloven» or «introduksjonsloven»), so an agreement cites it
	// only when its legal_basis has that Act; empty for a general Act such as
	// forvaltningsloven.
	Basis string
	// InForce is the date the Act came into force, YYYY-MM-DD.
	InForce string
	// Regulation marks a forskrift rather than a lov.
	Regulation bool
}

// The Acts cited.
var (
	Integreringsloven  = Act{"integreringsloven", "LOV-2020-11-06-127", "integreringsloven", "2021-01-01", false}
	Introduksjonsloven = Act{"introduksjonsloven", "LOV-2003-07-04-80", "introduksjonsloven", "2003-09-01", false}
	Kommuneloven       = Act{"kommuneloven", "LOV-2018-06-22-83", "", "2019-10-01", false}
	Forvaltningsloven  = Act{"forvaltningsloven", "LOV-1967-02-10", "", "1970-01-01", false}
	// Integreringsforskriften is the regulation to integreringsloven.
	Integreringsforskriften = Act{"integreringsforskriften", "FOR-2020-11-20-2434", "integreringsloven", "2021-01-01", true}
	// NIRForskrift is the register regulation to introduksjonsloven, which
	// seed 001 cites for participants under that Act.
	NIRForskrift = Act{"forskrift om Nasjonalt introduksjonsregister", "FOR-2020-12-18-2856", "introduksjonsloven", "2021-01-01", true}
)

// Acts lists every Act of the table.
var Acts = []Act{Integreringsloven, Introduksjonsloven, Kommuneloven, Forvaltningsloven, Integreringsforskriften, NIRForskrift}

// Section is one section of an Act, as its table of contents has it.
type Section struct {
	Act   Act
	Num   string // «12 a», «25-1», «kapittel 6A»
	Title string
	// InForce is the date the section came into force when later than the
	// Act's, YYYY-MM-DD; Until the date a temporary section stops applying.
	InForce, Until string
}

// sections is every section the documents may cite. Integreringsloven §§
// 1–28 are from its table of contents (../shared/law); §§ 12 a, 14 a, 18 a
// and 18 b were added by the amendment of Prop. 81 L (2024–2025), in force
// from 1 January 2026. The titles of §§ 41–44 and of the other Acts are
// from the IMDi guidance and the seeds.
var sections = []Section{
	{Integreringsloven, "1", "Lovens formål", "", ""},
	{Integreringsloven, "2", "Definisjoner", "", ""},
	{Integreringsloven, "3", "Kommunens ansvar", "", ""},
	{Integreringsloven, "4", "Fylkeskommunens ansvar", "", ""},
	{Integreringsloven, "5", "Plikt til å delta i opplæring i mottak", "", ""},
	{Integreringsloven, "6", "Kompetansekartlegging før bosetting i en kommune", "", ""},
	{Integreringsloven, "7", "Andre integreringsfremmende tiltak før bosetting i en kommune", "", ""},
	{Integreringsloven, "8", "Målgruppe for introduksjonsprogrammet", "", ""},
	{Integreringsloven, "9", "Oppholdstillatelser som gir rett og plikt til deltagelse i introduksjonsprogrammet", "", ""},
	{Integreringsloven, "10", "Kompetansekartlegging etter bosetting i en kommune", "", ""},
	{Integreringsloven, "11", "Karriereveiledning", "", ""},
	{Integreringsloven, "12", "Ansvar for introduksjonsprogrammet", "", ""},
	{Integreringsloven, "12 a", "Samordning av introduksjonsprogrammet", "2026-01-01", ""},
	{Integreringsloven, "13", "Introduksjonsprogram for deltagere med utdanning på videregående nivå eller høyere", "", ""},
	{Integreringsloven, "14", "Introduksjonsprogram for deltagere som ikke har utdanning på videregående nivå eller høyere", "", ""},
	{Integreringsloven, "14 a", "Innholdet i introduksjonsprogrammet", "2026-01-01", ""},
	{Integreringsloven, "15", "Integreringsplan", "", ""},
	{Integreringsloven, "16", "Integreringskontrakt", "", ""},
	{Integreringsloven, "17", "Fravær og permisjoner", "", ""},
	{Integreringsloven, "18", "Stans av introduksjonsprogrammet", "", ""},
	{Integreringsloven, "18 a", "Avslutning av introduksjonsprogram", "2026-01-01", ""},
	{Integreringsloven, "18 b", "Forskrifter om introduksjonsprogrammet", "2026-01-01", ""},
	{Integreringsloven, "19", "Rett til introduksjonsstønad", "", ""},
	{Integreringsloven, "20", "Beregning av introduksjonsstønad", "", ""},
	{Integreringsloven, "21", "Reduksjon i stønad på grunn av fravær", "", ""},
	{Integreringsloven, "22", "Samordning med andre offentlige ytelser", "", ""},
	{Integreringsloven, "23", "Egne midler", "", ""},
	{Integreringsloven, "24", "Utbetaling", "", ""},
	{Integreringsloven, "25", "Trekk i og tilbakebetaling av stønad", "", ""},
	{Integreringsloven, "26", "Målgruppe for opplæring i norsk og samfunnskunnskap", "", ""},
	{Integreringsloven, "27", "Oppholdstillatelser som gir rett og plikt til deltagelse i opplæring i norsk og samfunnskunnskap", "", ""},
	{Integreringsloven, "28", "Oppholdstillatelser som gir plikt til deltagelse i opplæring i norsk og samfunnskunnskap", "", ""},
	{Integreringsloven, "kapittel 6A", "Midlertidige regler for personer med kollektiv beskyttelse (LOV-2022-06-10-35)", "2022-06-15", "2026-07-01"},
	{Integreringsloven, "41", "Behandling av personopplysninger", "", ""},
	{Integreringsloven, "42", "Behandling av personopplysninger i særlige tilfeller", "", ""},
	{Integreringsloven, "43", "Registre", "", ""},
	{Integreringsloven, "44", "Utlevering av personopplysninger", "", ""},
	{Integreringsforskriften, "46", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "47", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "48", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "49", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "50", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "51", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "52", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "53", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "54", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Integreringsforskriften, "55", "Registrering av personopplysninger i Nasjonalt introduksjonsregister", "", ""},
	{Introduksjonsloven, "2", "Rett og plikt til deltakelse i introduksjonsprogram", "", ""},
	{Introduksjonsloven, "3", "Kommunens ansvar for introduksjonsprogram", "", ""},
	{Introduksjonsloven, "4", "Introduksjonsprogrammets mål og innhold", "", ""},
	{Introduksjonsloven, "6", "Individuell plan", "", ""},
	{Introduksjonsloven, "24", "Internkontroll", "", ""},
	{Introduksjonsloven, "25", "Behandling av personopplysninger", "", ""},
	{Introduksjonsloven, "25 a", "Behandling av personopplysninger i særlige tilfeller", "", ""},
	{Introduksjonsloven, "25 b", "Behandling av personopplysninger i særlige tilfeller", "", ""},
	{NIRForskrift, "1", "Formål", "", ""},
	{Kommuneloven, "25-1", "Internkontroll", "2020-01-01", ""},
	{Forvaltningsloven, "13 b", "Begrensninger i taushetsplikten ut fra private og offentlige interesser", "1977-01-01", ""},
}

// LookupSection finds a section of an Act by its short name and number,
// e.g. («integreringsloven», «12 a»).
func LookupSection(act, num string) (Section, bool) {
	for _, s := range sections {
		if strings.EqualFold(s.Act.Short, act) && s.Num == num {
			return s, true
		}
	}
	return Section{}, false
}

// InForceOn reports whether the section applies on date: it has come into
// force and, if temporary, has not yet stopped.
func (s Section) InForceOn(date time.Time) bool {
	from := s.InForce
	if from == "" {
		from = s.Act.InForce
	}
	if on(from).After(date) {
		return false
	}
	return s.Until == "" || date.Before(on(s.Until))
}

func on(iso string) time.Time {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		panic("law: bad date in the table: " + iso)
	}
	return t
}

// Ref is one provision the texts cite: an Act and one or more sections.
type Ref struct {
	ID      string // a stable name the built-in texts use, e.g. «kompetansekartlegging»
	Act     Act
	Section string // e.g. «§ 10», «§§ 41–43», «§ 13 b»
}

// Key is how a file writes the reference, e.g. «integreringsloven § 10».
func (r Ref) Key() string { return r.Act.Short + " " + r.Section }

// Key is the Act's key in the language pack: Short with hyphens for spaces.
func (a Act) Key() string { return strings.ReplaceAll(a.Short, " ", "-") }

// Sections are the sections the reference covers, ranges expanded.
func (r Ref) Sections() []Section {
	var out []Section
	for _, num := range Expand(r.Act.Short, strings.TrimLeft(r.Section, "§ ")) {
		if s, ok := LookupSection(r.Act.Short, num); ok {
			out = append(out, s)
		}
	}
	return out
}

// Title is the title of the section, or of each section of a range.
func (r Ref) Title() string {
	var titles []string
	for _, s := range r.Sections() {
		if !slices.Contains(titles, s.Title) {
			titles = append(titles, s.Title)
		}
	}
	return strings.Join(titles, "; ")
}

// InForceOn reports whether every section of the reference applies on date.
func (r Ref) InForceOn(date time.Time) bool {
	for _, s := range r.Sections() {
		if !s.InForceOn(date) {
			return false
		}
	}
	return true
}

// Covered reports whether an agreement whose participants fall under the
// Acts named in bases may cite the reference.
func (r Ref) Covered(bases []string) bool {
	return r.Act.Basis == "" || slices.Contains(bases, r.Act.Basis)
}

// table holds every provision the documents cite.
var table = []Ref{
	{"rett-og-plikt", Integreringsloven, "§ 8"},
	{"introduksjonsprogram", Integreringsloven, "§ 9"},
	{"kompetansekartlegging", Integreringsloven, "§ 10"},
	{"karriereveiledning", Integreringsloven, "§ 11"},
	{"ansvar-introduksjonsprogram", Integreringsloven, "§ 12"},
	{"samordning", Integreringsloven, "§ 12 a"},
	{"integreringsplan", Integreringsloven, "§ 15"},
	{"integreringskontrakt", Integreringsloven, "§ 16"},
	{"deltakerbevis", Integreringsloven, "§ 18 a"},
	{"kollektiv-beskyttelse", Integreringsloven, "kapittel 6A"},
	{"personopplysninger", Integreringsloven, "§ 41"},
	{"personopplysninger-nir", Integreringsloven, "§§ 41–43"},
	{"personopplysninger-spesifikke", Integreringsloven, "§§ 42–44"},
	{"nir", Integreringsloven, "§ 43"},
	{"nir-integreringsforskriften", Integreringsforskriften, "§§ 46–55"},
	{"rett-og-plikt-introduksjonsloven", Introduksjonsloven, "§ 2"},
	{"ansvar-introduksjonsprogram-introduksjonsloven", Introduksjonsloven, "§ 3"},
	{"individuell-plan", Introduksjonsloven, "§ 6"},
	{"internkontroll-introduksjonsloven", Introduksjonsloven, "§ 24"},
	{"personopplysninger-introduksjonsloven", Introduksjonsloven, "§ 25"},
	{"personopplysninger-spesifikke-introduksjonsloven", Introduksjonsloven, "§§ 25 a og 25 b"},
	{"internkontroll", Kommuneloven, "§ 25-1"},
	{"taushetsplikt-unntak", Forvaltningsloven, "§ 13 b"},
	{"nir-forskrift", NIRForskrift, "§ 1"},
}

// Normalize writes a reference the way the table does: single spaces, an
// en dash in ranges.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Join(strings.Fields(s), " ")
	for _, dash := range []string{" - ", "-", " – "} {
		if strings.Contains(s, "§§") {
			s = strings.Replace(s, dash, "–", 1)
		}
	}
	return s
}

// Lookup finds a provision by its key, e.g. «integreringsloven § 10», or
// by its ID, e.g. «kompetansekartlegging».
func Lookup(key string) (Ref, bool) {
	key = Normalize(key)
	for _, r := range table {
		if r.Key() == key || r.ID == key {
			return r, true
		}
	}
	return Ref{}, false
}

// Keys lists every provision's key, in table order.
func Keys() []string {
	keys := make([]string, len(table))
	for i, r := range table {
		keys[i] = r.Key()
	}
	return keys
}

// IDs lists every provision's stable ID, in table order.
func IDs() []string {
	ids := make([]string, len(table))
	for i, r := range table {
		ids[i] = r.ID
	}
	return ids
}
