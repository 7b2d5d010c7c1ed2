package calendar

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"text/template"
	"time"

	"samarbeid/generator/model"
)

// templateFuncs stands in for the renderer's functions of the same names,
// so that the year-plan template is checked here.
func templateFuncs(a *model.Agreement) template.FuncMap {
	esc := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `|`, `\|`, `<`, `\<`, `>`, `\>`, `[`, `\[`, `]`, `\]`, "`", "\\`", `#`, `\#`).Replace
	name := func(id model.ID) string { return esc(a.Name(id)) }
	return template.FuncMap{
		"md":   esc,
		"cell": esc,
		"name": name,
		"names": func(ids []model.ID) string {
			var out []string
			for _, id := range ids {
				out = append(out, name(id))
			}
			return model.JoinAnd(out)
		},
		"date":    func(t time.Time) string { return model.Date{Time: t}.Norwegian() },
		"weekday": func(t time.Time) string { return model.WeekdayNames[(int(t.Weekday())+6)%7] },
		"month":   func(m int) string { return model.Month(m).String() },
		"clock":   func(t time.Time) string { return t.Format("15:04") },
	}
}

func renderYearPlan(t *testing.T, a *model.Agreement, p YearPlan) string {
	t.Helper()
	text, err := os.ReadFile("../../templates/arshjul.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New("arshjul.md.tmpl").Option("missingkey=error").Funcs(templateFuncs(a)).Parse(string(text))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var buf bytes.Buffer
	data := struct {
		Agreement *model.Agreement
		Plan      YearPlan
	}{a, p}
	if err := tmpl.Execute(&buf, data); err != nil {
		t.Fatalf("execute: %v", err)
	}
	return buf.String()
}

func TestYearPlanTemplate(t *testing.T) {
	a := loadFixture(t, "testdata/avtale.yaml")
	p, err := Plan(a, 2027)
	if err != nil {
		t.Fatal(err)
	}
	out := renderYearPlan(t, a, p)
	if testing.Verbose() {
		t.Log("\n" + out)
	}
	for _, want := range []string{
		"# Årshjul 2027\n",
		"Samarbeidsavtale om introduksjonsprogrammet, Bjørkøy kommune og NAV Bjørkøy, versjon 2.1.",
		"## Januar\n\n| Dato | Møte | Innkaller | Deltakere |\n| --- | --- | --- | --- |\n",
		"| mandag 4. januar\\* | Samarbeidsmøte med NAV | NAV-veileder | NAV-veileder og Programrådgiver |\n",
		"| tirsdag 2. mars kl. 13:00 | Ledermøte; styringsgruppe | Enhetsleder, flyktningtjenesten |",
		"Møte mellom avdelingsledere (og ved behov)",
		"- Samarbeidsmøte med NAV, mandag 4. januar: flyttet fra 1. januar (Nyttårsdag).\n",
		"- Evaluering av avtalen, tirsdag 30. mars: flyttet fra 25. mars (Skjærtorsdag).\n",
		"## Møter ved behov\n",
		"- Overføringsmøte: innkalles av Programrådgiver; deltakere: Programrådgiver og NAV-veileder.\n",
		"## Faste møter uten datoer\n",
		"- Fast kontaktmøte: innkalles av Programrådgiver; deltakere: Programrådgiver og NAV-veileder.\n",
		"## Fridager og ferier\n",
		"- torsdag 25. mars 2027: Skjærtorsdag\n",
		"- mandag 17. mai 2027: Grunnlovsdag\n- mandag 17. mai 2027: Andre pinsedag\n",
		"- Sommerferie: 28. juni 2027–6. august 2027\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the year plan lacks %q", want)
		}
	}
	if strings.Contains(out, "## Juli") {
		t.Error("July lies inside the summer break and should have no section")
	}
	for _, bad := range []string{"<no value>", "<", "\n\n\n", "  \n"} {
		if strings.Contains(out, bad) {
			t.Errorf("the year plan contains %q", bad)
		}
	}
	if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Error("the year plan should end with exactly one newline")
	}
}

func TestYearPlanTemplateEmpty(t *testing.T) {
	a := &model.Agreement{Title: "Samarbeidsrutine", Version: "1.0", Municipality: "Åfjord kommune"}
	p, err := Plan(a, 2026)
	if err != nil {
		t.Fatal(err)
	}
	out := renderYearPlan(t, a, p)
	for _, want := range []string{"# Årshjul 2026\n", "Avtalen har ingen møter med faste datoer i 2026.", "## Fridager og ferier"} {
		if !strings.Contains(out, want) {
			t.Errorf("the empty year plan lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "## Møter ved behov") || strings.Contains(out, "\n\n\n") {
		t.Errorf("unexpected output:\n%s", out)
	}
}
