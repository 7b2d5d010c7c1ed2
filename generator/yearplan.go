package generator

import (
	"fmt"

	"samarbeid/generator/calendar"
	"samarbeid/generator/model"
	"samarbeid/generator/render"
)

// yearPlan builds arshjul.md (typeset as PDF) and arshjul.ics.
func (g *builder) yearPlan() ([]document, error) {
	plan, err := calendar.Plan(g.a, planYear(g.a, g.opt.Year))
	if err != nil {
		return nil, fmt.Errorf("årshjulet: %w", err)
	}
	const tmpl = "arshjul.md.tmpl"
	data := struct {
		Agreement *model.Agreement
		Plan      calendar.YearPlan
	}{g.a, plan}
	md, err := g.r.Execute(tmpl, g.a, data)
	if err != nil {
		return nil, err
	}
	g.extra = append(g.extra, File{Path: "arshjul.ics", Data: calendar.ICS(g.a, plan)})
	title := fmt.Sprintf("Årshjul %d", plan.Year)
	meta := g.pdfDocument(title, "Årshjul for samarbeidsmøtene", tmpl)
	meta.Subtitle = g.a.Title
	return []document{{path: "arshjul", markdown: md, pdf: meta}}, nil
}

// planYear is the year of the bundle's year plan: the one asked for, else
// calendar.year in the file, else the year of the next evaluation, else the
// year of the document's date. It never depends on the clock, so the same
// file gives the same bundle.
func planYear(a *model.Agreement, asked int) int {
	switch {
	case asked != 0:
		return asked
	case a.Calendar != nil && a.Calendar.Year != 0:
		return a.Calendar.Year
	case !a.Dates.NextEvaluation.IsZero():
		return a.Dates.NextEvaluation.Year()
	}
	if d := render.DocumentDate(a); !d.IsZero() {
		return d.Year()
	}
	return 2000
}
