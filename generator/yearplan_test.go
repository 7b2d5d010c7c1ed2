package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/internal/pdftest"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

// TestYearPlanWheel reads the first page of arshjul.pdf back: the wheel
// with the twelve months, the year in the centre and every meeting body
// with dates in the legend; the table starts on page 2.
func TestYearPlanWheel(t *testing.T) {
	inputs := map[string]string{"mange-moter": filepath.Join("calendar", "testdata", "mange-moter.yaml")}
	for _, s := range samples {
		inputs[s] = filepath.Join("..", "samples", s+".yaml")
	}
	for name, path := range inputs {
		t.Run(name, func(t *testing.T) {
			in := fileInput(t, path)
			data := in.Data
			b, err := generator.Generate(in, generator.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pdfPath := pdftest.Write(t, "arshjul.pdf", file(t, b, "arshjul.pdf"))
			pages := pdftest.Pages(t, pdfPath)
			if len(pages) < 2 {
				t.Fatalf("%d pages; the wheel and the table need two at least", len(pages))
			}
			wheel := pages[0]
			a, _ := model.Load(path, data)
			w := lang.Builtin(string(a.Language))
			for m := 1; m <= 12; m++ {
				if month := model.Capital(w.Month(m)); !strings.Contains(wheel, month) {
					t.Errorf("the wheel lacks the month %s", month)
				}
			}
			if !strings.Contains(wheel, w.T("wheel.centre")) || !strings.Contains(wheel, "2027") {
				t.Error("the wheel lacks its title and year")
			}
			// The legend in reading order (not -layout, which puts the
			// second line of a wrapped name beside the next column's text).
			legendText := strings.Join(strings.Fields(pdftest.Run(t, "pdftotext", "-f", "1", "-l", "1", pdfPath, "-")), " ")
			md := string(file(t, b, "arshjul.md"))
			legend := md[strings.Index(md, "## "+w.T("yearplan.heading.meetings")):strings.Index(md, "## "+w.T("yearplan.heading.dates"))]
			for _, line := range strings.Split(legend, "\n") {
				cells := strings.Split(line, " | ")
				if len(cells) < 2 || strings.HasPrefix(line, "| "+w.T("yearplan.number")) || strings.HasPrefix(line, "| ---") {
					continue
				}
				if name := strings.Join(strings.Fields(cells[1]), " "); !strings.Contains(legendText, name) {
					t.Errorf("the wheel's legend lacks %q", name)
				}
			}
			if pdftest.PageOf(pages, w.T("yearplan.heading.dates")) < 2 {
				t.Error("the table of dates should follow the wheel, not share its page")
			}
		})
	}
}
