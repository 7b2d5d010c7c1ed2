// Package law is the one table of the legal references the documents cite,
// so that a change in the law is a change of one line here.
package law

import "strings"

// Act is a law the documents refer to.
type Act struct {
	Short string // the name in running text, e.g. «integreringsloven»
	Title string // the full title
	ID    string // the Lovdata identifier, which carries the date
	Date  string // the date it was passed, in words
}

// The Acts cited.
var (
	Integreringsloven  = Act{"integreringsloven", "lov om integrering gjennom opplæring, utdanning og arbeid", "LOV-2020-11-06-127", "6. november 2020"}
	Introduksjonsloven = Act{"introduksjonsloven", "lov om introduksjonsordning og norskopplæring for nyankomne innvandrere", "LOV-2003-07-04-80", "4. juli 2003"}
	Kommuneloven       = Act{"kommuneloven", "lov om kommuner og fylkeskommuner", "LOV-2018-06-22-83", "22. juni 2018"}
	Forvaltningsloven  = Act{"forvaltningsloven", "lov om behandlingsmåten i forvaltningssaker", "LOV-1967-02-10", "10. februar 1967"}
	NIRForskrift       = Act{"forskrift om Nasjonalt introduksjonsregister", "forskrift om Nasjonalt introduksjonsregister", "FOR-2020-12-18-2856", "18. desember 2020"}
)

// Ref is one provision: an Act and a section.
type Ref struct {
	ID      string // a stable name the built-in texts use, e.g. «kompetansekartlegging»
	Act     Act
	Section string // e.g. «§ 10», «§§ 41–43», «§ 13 b»
	Topic   string // what the provision is about, in a few words
}

// Key is how a file writes the reference, e.g. «integreringsloven § 10».
func (r Ref) Key() string { return r.Act.Short + " " + r.Section }

// String is the reference as running text.
// The space after § and inside «13 b» is a no-break space, so the
// reference never breaks across lines.
func (r Ref) String() string {
	return r.Act.Short + " " + strings.ReplaceAll(r.Section, " ", "\u00a0")
}

// table holds every provision the documents cite.
var table = []Ref{
	{"rett-og-plikt", Integreringsloven, "§ 8", "rett og plikt til introduksjonsprogram"},
	{"introduksjonsprogram", Integreringsloven, "§ 9", "introduksjonsprogram"},
	{"kompetansekartlegging", Integreringsloven, "§ 10", "kartlegging av kompetanse"},
	{"karriereveiledning", Integreringsloven, "§ 11", "karriereveiledning i fylkeskommunen"},
	{"integreringsplan", Integreringsloven, "§ 15", "integreringsplan"},
	{"integreringskontrakt", Integreringsloven, "§ 16", "integreringskontrakt"},
	{"personopplysninger", Integreringsloven, "§ 41", "behandling av personopplysninger"},
	{"personopplysninger-nir", Integreringsloven, "§§ 41–43", "behandling av personopplysninger og Nasjonalt introduksjonsregister"},
	{"personopplysninger-spesifikke", Integreringsloven, "§§ 42–44", "spesifikke behandlinger av personopplysninger"},
	{"nir", Integreringsloven, "§ 43", "registrering i Nasjonalt introduksjonsregister (NIR)"},
	{"rett-og-plikt-introduksjonsloven", Introduksjonsloven, "§ 2", "rett og plikt til introduksjonsprogram"},
	{"individuell-plan", Introduksjonsloven, "§ 6", "individuell plan"},
	{"internkontroll-introduksjonsloven", Introduksjonsloven, "§ 24", "internkontroll"},
	{"personopplysninger-introduksjonsloven", Introduksjonsloven, "§ 25", "behandling av personopplysninger"},
	{"personopplysninger-spesifikke-introduksjonsloven", Introduksjonsloven, "§§ 25 a og 25 b", "spesifikke behandlinger av personopplysninger"},
	{"internkontroll", Kommuneloven, "§ 25-1", "internkontroll"},
	{"taushetsplikt-unntak", Forvaltningsloven, "§ 13 b", "unntak fra taushetsplikt"},
	{"nir-forskrift", NIRForskrift, "§ 1", "registrering i Nasjonalt introduksjonsregister"},
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
