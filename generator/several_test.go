package generator_test

import (
	"regexp"
	"strings"
	"testing"

	"samarbeid/generator"
)

// hostFile: Førde sells the programme to Naustdal; one NAV office.
const hostFile = `title: Samarbeidsavtale om introduksjonsprogrammet
municipality: Førde kommune
version: "1"
parties:
  - {id: forde, name: Førde kommune, kind: kommune}
  - {id: naustdal, name: Naustdal kommune, kind: kommune}
  - {id: nav, name: NAV Sunnfjord, kind: nav}
units:
  - {id: flyktning, name: Flyktningtenesta, party: forde}
signatories:
  - {title: Kommunedirektør, for: forde}
  - {title: Kommunedirektør, for: naustdal}
  - {title: NAV-leder, for: nav}
`

// cityFile: one city, four districts, four NAV offices with a leader each.
const cityFile = `title: Samarbeidsavtale om introduksjonsprogrammet i bydelene
municipality: Oslo kommune
version: "1"
parties:
  - {id: alna, name: Bydel Alna, kind: kommune}
  - {id: bjerke, name: Bydel Bjerke, kind: kommune}
  - {id: nav-alna, name: NAV Alna, kind: nav}
  - {id: nav-bjerke, name: NAV Bjerke, kind: nav}
  - {id: nav-grorud, name: NAV Grorud, kind: nav}
  - {id: nav-stovner, name: NAV Stovner, kind: nav}
units:
  - {id: u-alna, name: NAV Alna, party: nav-alna}
  - {id: u-bjerke, name: NAV Bjerke, party: nav-bjerke}
  - {id: u-grorud, name: NAV Grorud, party: nav-grorud}
  - {id: u-stovner, name: NAV Stovner, party: nav-stovner}
roles:
  - {id: leder-alna, name: NAV-leder Alna, unit: u-alna, kind: nav-leder}
  - {id: leder-bjerke, name: NAV-leder Bjerke, unit: u-bjerke, kind: nav-leder}
  - {id: leder-grorud, name: NAV-leder Grorud, unit: u-grorud, kind: nav-leder}
  - {id: leder-stovner, name: NAV-leder Stovner, unit: u-stovner, kind: nav-leder}
signatories:
  - {title: Bydelsdirektør, for: alna}
  - {title: Bydelsdirektør, for: bjerke}
  - {title: NAV-leder, for: nav-alna}
  - {title: NAV-leder, for: nav-bjerke}
  - {title: NAV-leder, for: nav-grorud}
  - {title: NAV-leder, for: nav-stovner}
`

var (
	singularMunicipality = regexp.MustCompile(`(?i)\bkommunens?\b`)
	singularNAV          = regexp.MustCompile(`NAV-kontorets?\b`)
)

func generateText(t *testing.T, name, src string) *generator.Bundle {
	t.Helper()
	b, err := generator.Generate(generator.Input{File: name, Data: []byte(src)}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings:\n%v", b.Warnings)
	}
	return b
}

// TestSeveralMunicipalities: the standard texts speak of both
// municipalities, by name where they are the subject, and the cover names
// both.
func TestSeveralMunicipalities(t *testing.T) {
	b := generateText(t, "avtale.yaml", hostFile)
	md := string(bundleFile(b, "samarbeidsavtale.md"))
	if m := singularMunicipality.FindAllString(md, -1); len(m) > 0 {
		t.Errorf("the agreement says %q with two municipalities:\n%s", m, md)
	}
	for _, want := range []string{
		"### Kommunenes ansvar og forpliktelser",
		"har kommunene Førde og Naustdal ansvar for å:",
		"Kommunene skal, i tråd med",
		"- bistå kommunene i utarbeidingen av integreringsplanen",
		"### NAV-kontorets ansvar og forpliktelser", // one NAV office
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the agreement lacks %q", want)
		}
	}
	cover := pdfText(t, bundleFile(b, "samarbeidsavtale.pdf"), "")
	if !strings.Contains(cover, "FØRDE KOMMUNE · NAUSTDAL KOMMUNE") {
		t.Errorf("the cover does not name both municipalities:\n%.300s", cover)
	}
}

// TestSeveralNAVOffices: four NAV offices are named where they are the
// subject, plural elsewhere, and each office's leader gets the NAV
// leader's checklist items and a routine sheet.
func TestSeveralNAVOffices(t *testing.T) {
	b := generateText(t, "avtale.yaml", cityFile)
	md := string(bundleFile(b, "samarbeidsavtale.md"))
	if m := singularNAV.FindAllString(md, -1); len(m) > 0 {
		t.Errorf("the agreement says %q with four NAV offices", m)
	}
	for _, want := range []string{
		"### NAV-kontorenes ansvar og forpliktelser",
		"NAV Alna, NAV Bjerke, NAV Grorud og NAV Stovner skal:",
		"har kommunen ansvar for å:", // one municipality, in districts
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the agreement lacks %q", want)
		}
	}
	evaluation := string(bundleFile(b, "sjekklister/evaluering.md"))
	for _, leader := range []string{"alna", "bjerke", "grorud", "stovner"} {
		sheet := string(bundleFile(b, "rutiner/leder-"+leader+".md"))
		if !strings.Contains(sheet, "Forbered NAV-kontorets vurdering av samarbeidet") {
			t.Errorf("the leader of NAV %s lacks the evaluation item", leader)
		}
		if !strings.Contains(evaluation, "NAV-leder "+strings.ToUpper(leader[:1])+leader[1:]) {
			t.Errorf("the evaluation checklist does not name the leader of NAV %s", leader)
		}
	}
	cover := pdfText(t, bundleFile(b, "samarbeidsavtale.pdf"), "")
	if !strings.Contains(cover, "OSLO KOMMUNE · BYDEL ALNA · BYDEL BJERKE") {
		t.Errorf("the cover does not name the districts:\n%.300s", cover)
	}
}

// TestSeveralMunicipalitiesNynorsk: the issue's own example, «kommunane
// Naustdal og Førde», in a nynorsk file.
func TestSeveralMunicipalitiesNynorsk(t *testing.T) {
	b := generateText(t, "avtale.yaml", "language: nn\n"+hostFile)
	md := string(bundleFile(b, "samarbeidsavtale.md"))
	mustContain(t, "the nynorsk agreement", md, "har kommunane Førde og Naustdal ansvar for å:", "hjelpe kommunane med å")
	if m := regexp.MustCompile(`\bkommunen\b`).FindAllString(md, -1); len(m) > 0 {
		t.Errorf("the nynorsk agreement says %q with two municipalities", m)
	}
}
