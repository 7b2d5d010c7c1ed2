package model

import (
	"bytes"
	"slices"
	"strings"
)

// UnsignedParties are the parties that sign without anyone to sign for
// them: no signatory for the party or for one of its units.
func (a *Agreement) UnsignedParties() []Party {
	var out []Party
	for _, p := range a.Parties {
		if p.Signing() && !slices.ContainsFunc(a.Signatories, func(s Signatory) bool { return s.For != "" && a.BelongsTo(s.For, p.ID) }) {
			out = append(out, p)
		}
	}
	return out
}

// placeholder is a value of the file that may still be the starter file's
// example, and where it stands.
type placeholder struct {
	value string
	pos   Pos
}

// placeholders are the values a starter file fills with examples: the
// municipality, the place, the parties' names, the contact persons and
// the signatories.
func (a *Agreement) placeholders() []placeholder {
	out := []placeholder{{a.Municipality, a.At("municipality")}, {a.Place, a.At("place")}}
	for _, p := range a.Parties {
		out = append(out, placeholder{p.Name, p.At("name")})
	}
	for _, c := range a.Contacts {
		out = append(out, placeholder{c.Name, c.At("name")}, placeholder{c.Phone, c.At("phone")}, placeholder{c.Email, c.At("email")})
	}
	for _, s := range a.Signatories {
		out = append(out, placeholder{s.Name, s.At("name")})
	}
	return out
}

// DraftReasons says why the documents of a are a draft, each at its
// position: «status: utkast», a value left as the example of one of the
// starter files, or a party without a signatory. None means the agreement
// is ready to sign.
func DraftReasons(file string, a *Agreement, starters ...*Agreement) Diagnostics {
	r := &Reporter{File: file}
	if a.Status == StatusDraft {
		r.Warnf(a.At("status"), "filen sier «status: utkast»; skriv «status: endelig» når avtalen er klar til underskrift")
	}
	examples := map[string]bool{}
	for _, s := range starters {
		for _, p := range s.placeholders() {
			if p.value != "" {
				examples[p.value] = true
			}
		}
	}
	for _, p := range a.placeholders() {
		if examples[p.value] {
			r.Warnf(p.pos, "«%s» er eksempelverdien fra startfilen; skriv inn den riktige verdien", p.value)
		}
	}
	for _, s := range starters {
		if sameDates(a.Dates, s.Dates) {
			d := a.Dates
			r.Warnf(d.At("signed"), "datoene er eksempeldatoene fra startfilen (gjelder fra %s, signert %s, neste evaluering %s); skriv inn avtalens riktige datoer", d.ValidFrom.Norwegian(), d.Signed.Norwegian(), d.NextEvaluation.Norwegian())
			break
		}
	}
	for _, p := range a.UnsignedParties() {
		r.Warnf(p.Pos, "parten «%s» har ingen som signerer", p.Name)
	}
	return r.Diags.Sort()
}

// sameDates reports whether a file's dates are a starter's example dates.
// A date alone says nothing (real agreements start on 1 January); the
// starter's combination of the date it applies from, a signing on the
// same day and the next evaluation says the dates were never filled in.
func sameDates(d, example Dates) bool {
	if d.ValidFrom.IsZero() || d.Signed.IsZero() || d.NextEvaluation.IsZero() {
		return false
	}
	return d.ValidFrom.Equal(example.ValidFrom.Time) && d.Signed.Equal(example.Signed.Time) && d.NextEvaluation.Equal(example.NextEvaluation.Time)
}

// MayHoldExamples reports whether the starter file data may give one of
// a's values as its example. It looks for the longest word of each value
// in the file's text, so a starter that cannot match is not read at all
// (reading the four starter files was a twentieth of the time it takes to
// make the agreement alone). When a value or the file has characters YAML
// may write otherwise (quotes, escapes), it says yes.
func MayHoldExamples(data []byte, a *Agreement) bool {
	if bytes.IndexByte(data, '\\') >= 0 {
		return true
	}
	if !a.Dates.Signed.IsZero() && bytes.Contains(data, []byte(a.Dates.Signed.ISO())) {
		return true
	}
	for _, p := range a.placeholders() {
		if strings.ContainsAny(p.value, `'"\`) {
			return true
		}
		longest := ""
		for _, w := range strings.Fields(p.value) {
			if len(w) > len(longest) {
				longest = w
			}
		}
		if longest != "" && bytes.Contains(data, []byte(longest)) {
			return true
		}
	}
	return false
}
