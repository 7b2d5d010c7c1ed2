package calendar

import (
	"strings"
	"testing"

	"samarbeid/generator/model"
	"samarbeid/generator/render"
)

// renderYearPlan fills the year-plan template with the renderer the bundle
// uses, so the template is checked here with its real functions.
func renderYearPlan(t *testing.T, a *model.Agreement, p YearPlan) string {
	t.Helper()
	data := struct {
		Agreement *model.Agreement
		Plan      YearPlan
	}{a, p}
	out, err := render.New(render.Files("")).Execute("arshjul.md.tmpl", a, data)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
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
		"| mandag 4. januar\\* | Samarbeidsmøte med NAV | NAV-veileder | NAV-veileder og programrådgiver |\n",
		"| tirsdag 2. mars kl. 13:00 | Ledermøte; styringsgruppe | Enhetsleder, flyktningtjenesten |",
		"Møte mellom avdelingsledere (og ved behov)",
		"- Samarbeidsmøte med NAV, mandag 4. januar: flyttet fra 1. januar (Nyttårsdag).\n",
		"- Evaluering av avtalen, tirsdag 30. mars: flyttet fra 25. mars (Skjærtorsdag).\n",
		"## Møter ved behov\n",
		"- Overføringsmøte: innkalles av programrådgiver; deltakere: Programrådgiver og NAV-veileder.\n",
		"## Møter uten datoer\n",
		"- Fast kontaktmøte (faste møter): innkalles av programrådgiver; deltakere: Programrådgiver og NAV-veileder.\n",
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
