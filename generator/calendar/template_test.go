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
	out, err := render.New(render.Files(""), nb()).Execute("arshjul.md.tmpl", a, data)
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
		"flyttes til nærmeste arbeidsdag i samme uke",
		"flyttes det møtet som står sist i avtalen",
		"| Nr. | Møte | Hyppighet | Tid | Innkaller | Deltakere |\n",
		"| 1 | Ledermøte; styringsgruppe | kvartalsvis | 13:00–14:30 | Enhetsleder, flyktningtjenesten | Enhetsleder, flyktningtjenesten og avdelingsleder NAV |\n",
		"| 2 | Møte mellom avdelingsledere | hver 14. dag eller ved behov | tid avtales |",
		"| Dato | Tid | Møte | Merknad |\n",
		"| fre.\u00a08.\u00a0jan. | tid avtales | 4 Samarbeidsmøte med NAV | flyttet fra 1.\u00a0jan. (Nyttårsdag) |\n",
		"| tir.\u00a02.\u00a0mars | 13:00–14:30 | 1 Ledermøte; styringsgruppe |  |\n",
		"| ons.\u00a024.\u00a0mars | tid avtales | 3 Evaluering av avtalen | flyttet fra 25.\u00a0mars (Skjærtorsdag) |\n",
		"| fre.\u00a02.\u00a0april | tid avtales | 4 Samarbeidsmøte med NAV | flyttet fra 1.\u00a0april (samtidig med 2) |\n",
		"| tor.\u00a08.\u00a0juli | tid avtales | 2 Møte mellom avdelingsledere | utgår (Sommerferie) |\n",
		"## Møter per deltaker\n",
		"- Trekantsamtale: per deltaker, halvårlig (vår og høst); innkalles av programrådgiver",
		"Møte mellom avdelingsledere (hver 14. dag eller ved behov)",
		"## Møter ved behov\n",
		"- Overføringsmøte: ved behov; innkalles av programrådgiver; deltakere: Programrådgiver og NAV-veileder.\n",
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
	if strings.Contains(out, "| Trekantsamtale") {
		t.Error("a meeting per participant got dates")
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
