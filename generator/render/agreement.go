package render

import (
	"fmt"
	"regexp"
	"strings"

	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
)

// StandardFile is the name of the built-in standard texts.
const StandardFile = "standard.yaml"

// TextBlock is a titled text with a list: a standard text as the agreement
// uses it, after the file has kept, extended or replaced it.
type TextBlock struct {
	Title string
	Intro string
	Items []model.Duty
	After []string
}

// AgreementView is what the agreement template is filled from: the file's
// agreement with the standard texts resolved.
type AgreementView struct {
	*model.Agreement
	LawNames string
	Date     model.Date
	// The standard texts as this agreement has them; nil when left out.
	MunicipalityText *TextBlock
	NAVText          *TextBlock
	CountyText       *TextBlock
	SharingText      *TextBlock
}

// NewAgreementView resolves the standard texts of std against the file a.
func NewAgreementView(a *model.Agreement, std *model.Standard, p *lang.Pack) (AgreementView, error) {
	x := &expander{a: a, p: p, said: fileSentences(a)}
	v := AgreementView{
		Agreement: a,
		LawNames:  LawNames(a, p),
		Date:      DocumentDate(a),
	}
	v.MunicipalityText = x.resolve(std.Municipality, a.Standard.Municipality)
	v.NAVText = x.resolve(std.NAV, a.Standard.NAV)
	if a.HasBasis(model.Integreringsloven) || a.Standard.County != nil {
		v.CountyText = x.resolve(std.County, a.Standard.County)
	}
	v.SharingText = x.resolve(std.Sharing, a.Standard.Sharing)
	return v, x.err
}

// PartyNames are the names of the parties, in order.
func (v AgreementView) PartyNames() []string {
	names := make([]string, len(v.Parties))
	for i, p := range v.Parties {
		names[i] = p.Name
	}
	return names
}

// DutyBlocks are the standard duty texts the agreement keeps, in order.
func (v AgreementView) DutyBlocks() []*TextBlock {
	var out []*TextBlock
	for _, b := range []*TextBlock{v.MunicipalityText, v.NAVText, v.CountyText} {
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}

// Annexes are the documents attached to the agreement, in file order.
func (v AgreementView) Annexes() []model.Reference { return v.docs(model.DocAnnex) }

// Cited are the documents the agreement refers to without attaching them.
func (v AgreementView) Cited() []model.Reference { return v.docs(model.DocReference) }

func (v AgreementView) docs(k model.DocKind) []model.Reference {
	var out []model.Reference
	for _, d := range v.References {
		if d.Kind == k {
			out = append(out, d)
		}
	}
	return out
}

// UnitLine is a unit in the agreement's list of units, at its depth in
// the organisation: 0 for a unit directly under a party.
type UnitLine struct {
	model.Unit
	Depth int
}

// Indent is the Markdown indentation of a list item at the unit's depth.
func (u UnitLine) Indent() string { return strings.Repeat("  ", u.Depth) }

// UnitTree is the units in the order of the organisation: each unit
// followed by the units under it, to any depth, siblings in file order.
func (v AgreementView) UnitTree() []UnitLine {
	a := v.Agreement
	var out []UnitLine
	var walk func(parent model.ID, depth int)
	walk = func(parent model.ID, depth int) {
		for _, u := range a.Units {
			top := parent == "" && a.Unit(u.Party) == nil
			if top || (parent != "" && u.Party == parent) {
				out = append(out, UnitLine{Unit: u, Depth: depth})
				walk(u.ID, depth+1)
			}
		}
	}
	walk("", 0)
	return out
}

// DocumentDate is the date the document carries; see model.
func DocumentDate(a *model.Agreement) model.Date { return a.DocumentDate() }

// LawNames names the Acts the agreement's participants fall under.
func LawNames(a *model.Agreement, p *lang.Pack) string {
	names := make([]string, len(a.LegalBasis))
	for i, b := range a.LegalBasis {
		names[i] = p.T("law.act." + string(b) + ".name")
	}
	// introduksjonsloven first: it is the older Act, as the seeds write it
	if len(names) == 2 && a.LegalBasis[0] == model.Integreringsloven {
		names[0], names[1] = names[1], names[0]
	}
	return p.And(names)
}

// expander fills the placeholders of the standard texts for one agreement
// and keeps the first problem it meets.
type expander struct {
	a   *model.Agreement
	p   *lang.Pack
	err error
	// said is every sentence the file's own prose states, so a standard
	// text does not state it again.
	said map[string]bool
}

// fileSentences are the sentences of the file's own prose in the agreement.
func fileSentences(a *model.Agreement) map[string]bool {
	var texts []string
	texts = append(texts, a.Introduction...)
	texts = append(texts, a.Background...)
	texts = append(texts, a.Purpose...)
	for _, g := range a.Duties {
		for _, d := range g.Items {
			texts = append(texts, d.Text)
		}
	}
	for _, l := range a.Levels {
		for _, d := range l.Items {
			texts = append(texts, d.Text)
		}
	}
	for _, c := range a.Clauses {
		texts = append(texts, c.Text...)
	}
	said := map[string]bool{}
	for _, t := range texts {
		for _, s := range model.Sentences(t) {
			said[s] = true
		}
	}
	return said
}

// stated reports whether the file already states every sentence of text.
func (x *expander) stated(text string) bool {
	ss := model.Sentences(text)
	for _, s := range ss {
		if !x.said[s] {
			return false
		}
	}
	return len(ss) > 0
}

// resolve applies the file's choice for one standard text.
func (x *expander) resolve(builtin, file *model.StandardText) *TextBlock {
	a := x.a
	mode := model.ModeKeep
	if file != nil && file.Mode != "" {
		mode = file.Mode
	}
	if mode == model.ModeOmit || builtin == nil {
		return nil
	}
	b := &TextBlock{Title: builtin.Title, Intro: builtin.Intro, After: append([]string(nil), builtin.After...)}
	if mode != model.ModeReplace {
		for _, d := range builtin.Items {
			basis := d.Basis
			if len(basis) == 0 {
				basis = model.BasisOf(d.Refs)
			}
			if a.Covers(basis) {
				b.Items = append(b.Items, d)
			}
		}
		// A text none of whose duties apply under the agreement's Acts
		// (the county's duties exist only in integreringsloven) is left
		// out, unless the file adds its own.
		if len(builtin.Items) > 0 && len(b.Items) == 0 && (file == nil || len(file.Items) == 0) {
			return nil
		}
	}
	if file != nil {
		b.Items = append(b.Items, file.Items...)
		if file.Title != "" {
			b.Title = file.Title
		}
		if file.Intro != "" {
			b.Intro = file.Intro
		}
		if mode == model.ModeReplace || len(file.After) > 0 {
			b.After = append([]string(nil), file.After...)
		}
	}
	b.Title = x.expand(b.Title)
	b.Intro = x.expand(b.Intro)
	var after []string
	for _, p := range b.After {
		if p = x.expand(p); !x.stated(p) {
			after = append(after, p)
		}
	}
	b.After = after
	items := make([]model.Duty, len(b.Items))
	for i, d := range b.Items {
		d.Text = x.expand(d.Text)
		items[i] = d
	}
	b.Items = items
	return b
}

var (
	lawPlaceholder   = regexp.MustCompile(`\{lov:([^}]+)\}`)
	partyPlaceholder = regexp.MustCompile(`\{(?i:(kommunen|kommunens|nav-kontoret|nav-kontorets))(:navn)?\}`)
)

// PartyWord is one of the placeholders {kommunen}, {kommunens},
// {nav-kontoret} and {nav-kontorets} for this agreement: singular with one
// municipality or NAV office, plural with several. With «:navn» the plural
// names them: «kommunene Naustdal og Førde», «NAV Alna, NAV Bjerke og NAV
// Grorud». A capital first letter in the placeholder gives a capital in
// the word.
//
// The words are party.<placeholder>.one and .other in the language pack.
func PartyWord(a *model.Agreement, p *lang.Pack, placeholder string, named bool) string {
	key := strings.ToLower(placeholder)
	if !p.Has("party." + key + ".one") {
		return "{" + placeholder + "}"
	}
	var names []string
	if strings.HasPrefix(key, "kommune") {
		names = a.Municipalities()
	} else {
		for _, p := range a.PartiesOfKind(model.PartyNAV) {
			names = append(names, p.Name)
		}
	}
	word := p.N("party."+key, len(names))
	if len(names) > 1 {
		if named && key == "kommunen" {
			word += " " + p.And(shortMunicipalities(names))
		} else if named {
			word = p.And(names)
		}
	}
	if placeholder[0] != key[0] {
		word = model.Capital(word)
	}
	return word
}

// shortMunicipalities are municipality names without «kommune», for
// «kommunene Naustdal og Førde»; all or none are shortened.
func shortMunicipalities(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if !strings.HasSuffix(strings.ToLower(n), " kommune") {
			return names
		}
		out[i] = strings.TrimSpace(n[:len(n)-len(" kommune")])
	}
	return out
}

// expand fills the placeholders of the standard texts: {lovgrunnlag},
// {lov:ID} from the law table, and the words for the municipality and the
// NAV office in the right number (see PartyWord).
func (x *expander) expand(s string) string {
	s = strings.ReplaceAll(s, "{lovgrunnlag}", LawNames(x.a, x.p))
	s = partyPlaceholder.ReplaceAllStringFunc(s, func(m string) string {
		sub := partyPlaceholder.FindStringSubmatch(m)
		return PartyWord(x.a, x.p, sub[1], sub[2] != "")
	})
	// A reference that starts the text starts a sentence: «Integreringsloven
	// § 41 gir …».
	initial := strings.HasPrefix(s, "{lov:")
	s = lawPlaceholder.ReplaceAllStringFunc(s, func(m string) string {
		id := lawPlaceholder.FindStringSubmatch(m)[1]
		ref, ok := law.Lookup(id)
		if !ok {
			if x.err == nil {
				x.err = fmt.Errorf("standardtekstene viser til «{lov:%s}», som ikke finnes i lovtabellen; bruk en av %s", id, strings.Join(law.IDs(), ", "))
			}
			return m
		}
		return RefText(x.p, ref)
	})
	if initial {
		s = model.Capital(s)
	}
	return s
}
