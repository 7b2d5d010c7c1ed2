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

// The Acts cited. Where each fact comes from is said beside it; a fact no
// source at hand could confirm is marked «unconfirmed», and where the date
// decides what a document cites, the table takes the later date it can
// confirm, so that a document never cites a rule before it applied.
var (
	// Lov 6. november 2020 nr. 127, in force 1 January 2021: Lovdata's
	// record of the Act (norgeslover.no: «Sanksjonert 06.11.2020, I kraft
	// 01.01.2021») and Statsforvalteren i Agder, «Ny integreringslov»
	// (05.01.2021).
	Integreringsloven = Act{"integreringsloven", "LOV-2020-11-06-127", "integreringsloven", "2021-01-01", false}
	// Lov 4. juli 2003 nr. 80 (Lovdata, LTI/lov/2016-12-20-122 names it so),
	// in force 1 September 2003 (rundskriv H-20/03).
	Introduksjonsloven = Act{"introduksjonsloven", "LOV-2003-07-04-80", "introduksjonsloven", "2003-09-01", false}
	// Lov 22. juni 2018 nr. 83. Identifier and date unconfirmed; § 25-1 is
	// cited as seed 001 cites it, with its own (later) date below.
	Kommuneloven = Act{"kommuneloven", "LOV-2018-06-22-83", "", "2019-10-01", false}
	// Lov 10. februar 1967. Its date only matters for agreements before any
	// this tool writes.
	Forvaltningsloven = Act{"forvaltningsloven", "LOV-1967-02-10", "", "1970-01-01", false}
	// Integreringsforskriften is the regulation to integreringsloven, in
	// force from 1 January 2021 with the Act (Statsforvalteren i Agder,
	// «Ny integreringslov»: «ny forskrift til integreringsloven, også denne
	// gjelder fra 1.1.2021»). The identifier (20 November 2020 nr. 2434) is
	// unconfirmed.
	Integreringsforskriften = Act{"integreringsforskriften", "FOR-2020-11-20-2434", "integreringsloven", "2021-01-01", true}
	// NIRForskrift is the register regulation to introduksjonsloven, which
	// seed 001 cites for participants under that Act: «forskrift 20. april
	// 2005 nr. 342 om et nasjonalt personregister for introduksjonsordning
	// og opplæring i norsk og samfunnskunnskap for nyankomne innvandrere
	// (Nasjonalt introduksjonsregister)» (introsenteret.no's list of the
	// Act's regulations; the earlier table's FOR-2020-12-18-2856 was found
	// nowhere). Its own in-force date is unconfirmed, so it is cited from
	// 2021, when seed 001 (revised May 2021) cites it as current law.
	NIRForskrift = Act{"forskrift om Nasjonalt introduksjonsregister", "FOR-2005-04-20-342", "introduksjonsloven", "2021-01-01", true}
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
	// Since is, for a section whose in-force date is unconfirmed, the
	// earliest date it can have applied from; InForce is then the first
	// date it certainly applies.
	Since string
}

// amended2025 is the date §§ 12 a, 14 a, 18 a and 18 b of integreringsloven
// are cited from. They were added by the amendment of Prop. 81 L
// (2024–2025) «Endringer i integreringsloven mv. (økt arbeidsretting og
// formell opplæring i introduksjonsprogrammet)», passed by the Storting on
// 6 June 2025 (Innst. 410 L (2024–2025)); the date the King set for them
// could not be confirmed (the earlier table assumed 1 January 2026). They
// are in the Act's consolidated table of contents of 2026
// (../shared/law/integreringsloven-toc.md, norgeslover.no) and IMDi's
// guidance to the Act (chapter 6) treats §§ 12 a and 18 a as law, so they
// are certainly in force on 1 January 2027; until their date is confirmed
// from Lovdata they are not cited for an agreement dated before it.
const amended2025 = "2027-01-01"

// passed2025 is the day the Storting passed that amendment: none of its
// sections can have applied before it.
const passed2025 = "2025-06-06"

// sections is every section the documents may cite, with where its number,
// title and dates come from.
var sections = []Section{
	// Integreringsloven §§ 1–28: numbers and titles from the Act's table of
	// contents (../shared/law/integreringsloven-toc.md, the same as
	// norgeslover.no's export of the consolidated Act).
	{Integreringsloven, "1", "Lovens formål", "", "", ""},
	{Integreringsloven, "2", "Definisjoner", "", "", ""},
	{Integreringsloven, "3", "Kommunens ansvar", "", "", ""},
	{Integreringsloven, "4", "Fylkeskommunens ansvar", "", "", ""},
	{Integreringsloven, "5", "Plikt til å delta i opplæring i mottak", "", "", ""},
	{Integreringsloven, "6", "Kompetansekartlegging før bosetting i en kommune", "", "", ""},
	{Integreringsloven, "7", "Andre integreringsfremmende tiltak før bosetting i en kommune", "", "", ""},
	{Integreringsloven, "8", "Målgruppe for introduksjonsprogrammet", "", "", ""},
	{Integreringsloven, "9", "Oppholdstillatelser som gir rett og plikt til deltagelse i introduksjonsprogrammet", "", "", ""},
	{Integreringsloven, "10", "Kompetansekartlegging etter bosetting i en kommune", "", "", ""},
	{Integreringsloven, "11", "Karriereveiledning", "", "", ""},
	// § 12: the municipality offers and starts the programme for the target
	// group of § 8 (IMDi, veileder til integreringsloven, chapter 6).
	{Integreringsloven, "12", "Ansvar for introduksjonsprogrammet", "", "", ""},
	// § 12 a: the programme's content whole and coordinated, «for eksempel
	// … samordning mellom voksenopplæring og Nav-kontoret» (IMDi, chapter 6).
	{Integreringsloven, "12 a", "Samordning av introduksjonsprogrammet", amended2025, "", passed2025},
	{Integreringsloven, "13", "Introduksjonsprogram for deltagere med utdanning på videregående nivå eller høyere", "", "", ""},
	{Integreringsloven, "14", "Introduksjonsprogram for deltagere som ikke har utdanning på videregående nivå eller høyere", "", "", ""},
	{Integreringsloven, "14 a", "Innholdet i introduksjonsprogrammet", amended2025, "", passed2025},
	{Integreringsloven, "15", "Integreringsplan", "", "", ""},
	{Integreringsloven, "16", "Integreringskontrakt", "", "", ""},
	// § 17: the Act's rule on absence and leave; the details are in
	// integreringsforskriften chapter 4 (below).
	{Integreringsloven, "17", "Fravær og permisjoner", "", "", ""},
	{Integreringsloven, "18", "Stans av introduksjonsprogrammet", "", "", ""},
	// § 18 a first paragraph: deltakerbevis (IMDi, chapter 6).
	{Integreringsloven, "18 a", "Avslutning av introduksjonsprogram", amended2025, "", passed2025},
	{Integreringsloven, "18 b", "Forskrifter om introduksjonsprogrammet", amended2025, "", passed2025},
	{Integreringsloven, "19", "Rett til introduksjonsstønad", "", "", ""},
	{Integreringsloven, "20", "Beregning av introduksjonsstønad", "", "", ""},
	{Integreringsloven, "21", "Reduksjon i stønad på grunn av fravær", "", "", ""},
	{Integreringsloven, "22", "Samordning med andre offentlige ytelser", "", "", ""},
	{Integreringsloven, "23", "Egne midler", "", "", ""},
	{Integreringsloven, "24", "Utbetaling", "", "", ""},
	{Integreringsloven, "25", "Trekk i og tilbakebetaling av stønad", "", "", ""},
	{Integreringsloven, "26", "Målgruppe for opplæring i norsk og samfunnskunnskap", "", "", ""},
	{Integreringsloven, "27", "Oppholdstillatelser som gir rett og plikt til deltagelse i opplæring i norsk og samfunnskunnskap", "", "", ""},
	{Integreringsloven, "28", "Oppholdstillatelser som gir plikt til deltagelse i opplæring i norsk og samfunnskunnskap", "", "", ""},
	// Chapter 6A, temporary rules for people with collective protection
	// (utlendingsloven § 34), inserted by the temporary act «lov 10. juni 2022
	// nr. 35 om midlertidige endringer i lovverket som følge av ankomst av
	// fordrevne fra Ukraina» (Innst. 363 L (2022–2023)); in force 15 June
	// 2022 and applying until 1 July 2026 after its extensions (Prop. 81 L
	// (2024–2025) section 11.1.2; IMDi, veileder til integreringsloven
	// chapter 8: «gjelder foreløpig til 1. juli 2026»). No built-in text
	// cites it: it eases the municipality's duties for one group rather
	// than adding duties to agree on, the cooperation guidance does not
	// mention it, and an agreement runs past its end.
	{Integreringsloven, "kapittel 6A", "Midlertidige regler for personer med kollektiv beskyttelse (LOV-2022-06-10-35)", "2022-06-15", "2026-07-01", ""},
	// §§ 41–44, personal data: numbers from seed 001 («integreringsloven §§
	// 41 til 44», «registre etter § 43 første ledd», «§ 43 annet ledd»: the
	// registers of IMDi and Kompetanse Norge) and IMDi's guidance chapter
	// 12. The titles are unconfirmed (they are not printed in any document).
	{Integreringsloven, "41", "Behandling av personopplysninger", "", "", ""},
	{Integreringsloven, "42", "Behandling av personopplysninger i særlige tilfeller", "", "", ""},
	{Integreringsloven, "43", "Registre", "", "", ""},
	{Integreringsloven, "44", "Utlevering av personopplysninger", "", "", ""},
	// Integreringsforskriften: §§ 3, 11 and 12 and the headings of chapters
	// 2 and 4 as IMDi's «Juridisk veileder til integreringsforskriften»
	// reproduces them (chapter 2 «Obligatoriske elementer i
	// introduksjonsprogrammet», chapter 4 «Fri og permisjoner fra
	// introduksjonsprogrammet»).
	{Integreringsforskriften, "kapittel 2", "Obligatoriske elementer i introduksjonsprogrammet", "", "", ""},
	{Integreringsforskriften, "3", "Kurs i foreldreveiledning", "", "", ""},
	{Integreringsforskriften, "kapittel 4", "Fri og permisjoner fra introduksjonsprogrammet", "", "", ""},
	{Integreringsforskriften, "11", "Fri i forbindelse med svangerskap", "", "", ""},
	{Integreringsforskriften, "12", "Fri i forbindelse med fødsel", "", "", ""},
	// §§ 46–55: the personal data municipalities register in the registers
	// of IMDi and Kompetanse Norge (seed 001: «personopplysninger nevnt i §§
	// 46 til 55 … innen to måneder etter at de foreligger»). Each section's
	// own title is unconfirmed; this is what they are about.
	{Integreringsforskriften, "46", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "47", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "48", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "49", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "50", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "51", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "52", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "53", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "54", "Personopplysninger som registreres", "", "", ""},
	{Integreringsforskriften, "55", "Personopplysninger som registreres", "", "", ""},
	// Introduksjonsloven §§ 2–4: titles from the table of contents of
	// rundskriv Q-20/2012 to the Act, which also places deltakerbevis in
	// § 4 fourth paragraph («4.5 Deltakerbevis (fjerde ledd)»).
	{Introduksjonsloven, "2", "Rett og plikt til deltakelse i introduksjonsprogram", "", "", ""},
	{Introduksjonsloven, "3", "Kommunens ansvar for introduksjonsprogram", "", "", ""},
	{Introduksjonsloven, "4", "Introduksjonsprogrammets mål og innhold", "", "", ""},
	// § 6 individual plan: the number is unconfirmed (seed 000 and 001 name
	// the plan, not the section).
	{Introduksjonsloven, "6", "Individuell plan", "", "", ""},
	// § 24 internal control (seed 000: «lovens § 24 (internkontroll …)»;
	// Innst. 36 L (2018–2019): «§§ 23 og 24 om tilsyn og internkontroll»).
	{Introduksjonsloven, "24", "Internkontroll", "", "", ""},
	// §§ 25, 25 a and 25 b as Prop. 45 L (2017–2018) chapter 8 split them:
	// § 25 the general basis for processing and exchanging personal data,
	// § 25 a registers and the municipality's duty to register, § 25 b
	// orders to hand data over; §§ 25 a and 25 b new from 1 September 2018
	// (lov 15. juni 2018 nr. 41, Innst. 36 L (2018–2019)). The titles
	// describe them; the Act's own headings are unconfirmed.
	{Introduksjonsloven, "25", "Behandling av personopplysninger", "", "", ""},
	{Introduksjonsloven, "25 a", "Personregistre og kommunens plikt til å registrere personopplysninger", "2018-09-01", "", ""},
	{Introduksjonsloven, "25 b", "Pålegg om utlevering av personopplysninger", "2018-09-01", "", ""},
	// § 1 of the register regulation: seed 001 names the regulation only.
	{NIRForskrift, "1", "Formål", "", "", ""},
	// Kommuneloven § 25-1 (seed 001); its date is unconfirmed.
	{Kommuneloven, "25-1", "Internkontroll", "2020-01-01", "", ""},
	// Forvaltningsloven § 13 b nr. 2 as seed 001 quotes it; title and date
	// unconfirmed.
	{Forvaltningsloven, "13 b", "Begrensninger i taushetsplikten ut fra private og offentlige interesser", "1977-01-01", "", ""},
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

// Unconfirmed reports whether the reference may have applied on date
// though the table cannot confirm it: a section's in-force date is
// unknown and date falls between the earliest it can be and the first day
// it certainly applies.
func (r Ref) Unconfirmed(date time.Time) bool {
	if r.InForceOn(date) {
		return false
	}
	for _, s := range r.Sections() {
		if !s.InForceOn(date) && (s.Since == "" || on(s.Since).After(date)) {
			return false
		}
	}
	return true
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
	{"fravaer-og-permisjoner", Integreringsloven, "§ 17"},
	{"deltakerbevis", Integreringsloven, "§ 18 a"},
	{"kollektiv-beskyttelse", Integreringsloven, "kapittel 6A"},
	{"personopplysninger", Integreringsloven, "§ 41"},
	{"personopplysninger-nir", Integreringsloven, "§§ 41–43"},
	{"personopplysninger-spesifikke", Integreringsloven, "§§ 42–44"},
	{"nir", Integreringsloven, "§ 43"},
	{"obligatoriske-elementer", Integreringsforskriften, "kapittel 2"},
	{"foreldreveiledning", Integreringsforskriften, "§ 3"},
	{"fri-og-permisjoner", Integreringsforskriften, "kapittel 4"},
	{"nir-integreringsforskriften", Integreringsforskriften, "§§ 46–55"},
	{"rett-og-plikt-introduksjonsloven", Introduksjonsloven, "§ 2"},
	{"ansvar-introduksjonsprogram-introduksjonsloven", Introduksjonsloven, "§ 3"},
	{"deltakerbevis-introduksjonsloven", Introduksjonsloven, "§ 4"},
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
