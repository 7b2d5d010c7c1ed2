package generator

import (
	"fmt"

	"samarbeid/generator/checklist"
	"samarbeid/generator/model"
	"samarbeid/generator/pdf"
)

// checklistTemplate fills one checklist.
const checklistTemplate = "sjekkliste.md.tmpl"

// checklistView is what sjekkliste.md.tmpl is filled from.
type checklistView struct {
	Agreement *model.Agreement
	Title     string
	List      checklist.List
	// Evaluation is set for the annual evaluation's list, whose page shows
	// the date of the next evaluation.
	Evaluation bool
}

// checklistDocs builds sjekklister/<id>.md for every checklist.
func (g *builder) checklistDocs() ([]document, error) {
	lists, err := g.checklists()
	if err != nil {
		return nil, err
	}
	docs := make([]document, 0, len(lists))
	for _, l := range lists {
		view := checklistView{
			Agreement:  g.a,
			Title:      g.lang.T("checklist.title", l.Title),
			List:       l,
			Evaluation: l.ID == checklist.EvaluationList,
		}
		md, err := g.r.Execute(checklistTemplate, g.a, view)
		if err != nil {
			return nil, err
		}
		docs = append(docs, document{
			path:     "sjekklister/" + l.ID,
			markdown: md,
			pdf:      g.deskDocument(view.Title, g.lang.T("checklist.subject"), checklistTemplate),
		})
	}
	return docs, nil
}

// checklists are the bundle's checklists: the built-in ones (which
// --templates may override) merged with the file's changes. A change the
// built-in lists do not know is a diagnostic.
func (g *builder) checklists() ([]checklist.List, error) {
	file := g.lang.T("meta.checklists")
	data, err := g.r.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("de innebygde sjekklistene (%s) finnes ikke: %w", file, err)
	}
	b, err := checklist.Parse(data)
	if err != nil {
		return nil, err
	}
	diags := checklist.Validate(g.in.File, g.a, b)
	if errs := diags.Errors(); len(errs) > 0 {
		return nil, errs
	}
	if g.lists == nil {
		g.warnings = append(g.warnings, diags.Warnings()...)
		g.lists = checklist.Merge(g.a, b, g.lang)
	}
	return g.lists, nil
}

// deskDocument is the PDF metadata of a working document (a checklist or a
// routine sheet): its title block leaves out the list of parties, which the
// text names in its first lines, so the tasks start high on the first page.
func (g *builder) deskDocument(title, subject, template string) pdf.Document {
	meta := g.pdfDocument(title, subject, template)
	meta.Parties = nil
	return meta
}
