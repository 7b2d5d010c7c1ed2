package generator_test

import (
	"strings"
	"testing"

	"samarbeid/generator"
)

// orgFile is a routine inside NAV: the refugee unit is a section five
// levels down under the NAV office, two districts share one duty group,
// and one contact is known by function only.
const orgFile = `type: rutine
title: Samarbeidsrutine for introduksjonsprogrammet i NAV Testby
municipality: Testby kommune
version: "1"
parties:
  - {id: testby, name: Testby kommune, kind: kommune}
  - {id: nav, name: NAV Testby, kind: nav}
units:
  - {id: navkontor, name: NAV Testby, party: nav}
  - {id: avdeling, name: Avdeling arbeid, party: navkontor}
  - {id: seksjon, name: Seksjon inkludering, party: avdeling}
  - {id: flyktning, name: Flyktningavdelingen, party: seksjon}
  - {id: team, name: Team intro, party: flyktning}
  - {id: vo, name: Voksenopplæringen, party: testby}
roles:
  - {id: radgiver, name: Programrådgiver, unit: team, kind: programrådgiver}
  - {id: laerer, name: Lærer, unit: vo, kind: kontaktlærer}
contacts:
  - name: Per Hansen
    unit: team
    phone: "12 34 56 78"
  - function: Flyktningkonsulenten
    unit: vo
    phone: "57 00 00 00"
duties:
  - owners: [team, vo]
    title: Felles plikter
    items:
      - text: melde fravær samme dag
signatories:
  - {title: Kommunalsjef, for: testby}
  - {title: NAV-leder, for: nav}
`

func TestOrganisationInBundle(t *testing.T) {
	b, err := generator.Generate(generator.Input{File: "rutine.yaml", Data: []byte(orgFile)}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings: %v", b.Warnings)
	}
	md := string(bundleFile(b, "samarbeidsrutine.md")) // a routine's agreement file
	for _, want := range []string{
		"- **NAV Testby**\n  - **Avdeling arbeid**\n    - **Seksjon inkludering**\n      - **Flyktningavdelingen**\n        - **Team intro**\n- **Voksenopplæringen**",
		"| Flyktningkonsulenten |  | Voksenopplæringen | 57\u00a000\u00a000\u00a000 |  |",
		"### Felles plikter\n\nGjelder Team intro og Voksenopplæringen.\n\n- melde fravær samme dag",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the agreement lacks\n%s\n---\n%s", want, md)
		}
	}
	if n := strings.Count(md, "melde fravær samme dag"); n != 1 {
		t.Errorf("the shared duty is printed %d times, want once", n)
	}
	// the contact five units down is found for the routine sheet, and both
	// owners' roles get the shared duty
	advisor := string(bundleFile(b, "rutiner/radgiver.md"))
	if !strings.Contains(advisor, "| Per Hansen |") {
		t.Errorf("the advisor's sheet lacks the NAV contact:\n%s", advisor)
	}
	for _, sheet := range []string{"rutiner/radgiver.md", "rutiner/laerer.md"} {
		if !strings.Contains(string(bundleFile(b, sheet)), "- melde fravær samme dag") {
			t.Errorf("%s lacks the shared duty", sheet)
		}
	}
}
