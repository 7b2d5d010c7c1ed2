package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"samarbeid/generator/calendar"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/generator/pdf"
	"samarbeid/generator/render"
)

// yearPlan builds arshjul.md (typeset as PDF) and arshjul.ics.
func (g *builder) yearPlan() ([]document, error) {
	plan, ics, err := calendarIn(g.a, g.opt.Year, g.lang)
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
	g.extra = append(g.extra, File{Path: "arshjul.ics", Data: ics})
	g.warnings = append(g.warnings, clashWarnings(g.in.File, plan)...)
	title := g.lang.T("yearplan.title", plan.Year)
	meta := g.pdfDocument(title, g.lang.T("yearplan.subject"), tmpl)
	meta.Subtitle = g.a.Title
	meta.Wheel = wheel(g.a, plan, g.lang)
	return []document{{path: "arshjul", markdown: md, pdf: meta}}, nil
}

// Calendar is the year plan and its iCalendar file, for opt.Year or, with
// 0, the same year generate would take, in the language pack of the file's
// målform (from opt.Templates over the built-in packs).
func Calendar(a *model.Agreement, opt Options) (calendar.YearPlan, []byte, error) {
	p, err := Language(a, opt)
	if err != nil {
		return calendar.YearPlan{}, nil, err
	}
	return calendarIn(a, opt.Year, p)
}

func calendarIn(a *model.Agreement, year int, words *lang.Pack) (calendar.YearPlan, []byte, error) {
	plan, err := calendar.PlanIn(a, planYear(a, year), words)
	if err != nil {
		return calendar.YearPlan{}, nil, err
	}
	return plan, calendar.ICS(a, plan), nil
}

// PlanClashes warns, at the later meeting, about every date of the year
// plan that could not be held because each day it may move to already has
// a meeting with one of its participants; the warning names both meetings'
// positions. A plan that cannot be made gives no warnings here: generate
// reports it.
func PlanClashes(file string, a *model.Agreement, year int) model.Diagnostics {
	plan, err := calendar.Plan(a, planYear(a, year))
	if err != nil {
		return nil
	}
	return clashWarnings(file, plan)
}

// clashWarnings are PlanClashes' warnings for a plan already made.
func clashWarnings(file string, plan calendar.YearPlan) model.Diagnostics {
	r := &model.Reporter{File: file}
	for _, c := range plan.Clashes {
		r.Warnf(c.Meeting.Pos, "møtet «%s» utgår %s: samme deltaker er i møtet «%s» (linje %d, kolonne %d), og det finnes ingen ledig arbeidsdag å flytte det til før neste møte; velg en annen «weekday» eller «time» under «schedule» for ett av møtene",
			c.Meeting.Name, model.Date{Time: c.Date}.Norwegian(), c.Other.Name, c.Other.Pos.Line, c.Other.Pos.Col)
	}
	return r.Diags
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

// wheel is the year plan as the figure on the first page of arshjul.pdf.
func wheel(a *model.Agreement, plan calendar.YearPlan, words *lang.Pack) *pdf.Wheel {
	w := &pdf.Wheel{
		Year:    plan.Year,
		Centre:  []string{words.T("wheel.centre"), strconv.Itoa(plan.Year)},
		Heading: a.Title,
	}
	for m := 1; m <= 12; m++ {
		w.Months = append(w.Months, model.Capital(words.Month(m)))
	}
	var alt []string
	for _, m := range plan.Bodies() {
		b := pdf.WheelBody{Number: plan.Number(m), Name: m.Name, Detail: m.Frequency.String()}
		if h := plan.Hours(m); h != "" {
			b.Detail += ", " + words.T("yearplan.at", h)
		} else {
			b.Detail += ", " + words.T("yearplan.time_tbd")
		}
		var days []string
		for _, month := range plan.Months {
			for _, o := range month {
				if o.Meeting == m {
					b.Dates = append(b.Dates, o.Date)
					days = append(days, plan.Day(o.Date))
				}
			}
		}
		w.Bodies = append(w.Bodies, b)
		alt = append(alt, fmt.Sprintf("%d %s: %s", b.Number, m.Name, words.And(days)))
	}
	var breaks []string
	for _, b := range plan.Breaks {
		w.Breaks = append(w.Breaks, pdf.WheelSpan{From: b.From, To: b.To})
		if s := fmt.Sprintf("%s %s–%s", b.Name, shortDate(b.From), shortDate(b.To)); !slices.Contains(breaks, s) {
			breaks = append(breaks, s)
		}
	}
	for _, h := range plan.Holidays {
		w.Holidays = append(w.Holidays, h.Date)
	}
	w.Notes = append(w.Notes, words.T("wheel.rings"))
	if len(breaks) > 0 {
		w.Notes = append(w.Notes, words.T("wheel.breaks", words.And(breaks))+" "+words.T("wheel.holidays"))
	} else {
		w.Notes = append(w.Notes, words.T("wheel.holidays"))
	}
	if len(w.Bodies) == 0 {
		doc := model.Capital(words.T("kind." + string(a.Type) + ".doc"))
		w.Notes = append([]string{words.T("yearplan.no_dates", doc, plan.Year)}, w.Notes...)
	}
	w.Alt = words.T("wheel.alt", plan.Year) + " " + strings.Join(alt, ". ")
	return w
}

// shortDate is a day as «1.3.».
func shortDate(t time.Time) string {
	return fmt.Sprintf("%d.%d.", t.Day(), int(t.Month()))
}
