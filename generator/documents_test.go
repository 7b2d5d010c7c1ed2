package generator_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"samarbeid/generator"
	"samarbeid/generator/internal/pdftest"
	"samarbeid/generator/model"
)

// purchaseFile: Førde sells the programme to Naustdal under a purchase
// agreement that is attached; the intention agreement is referred to.
const purchaseFile = hostFile + `purpose:
  - Avtalen følger opp {ref:intensjon} og {ref:kjop}.
purchase:
  seller: forde
  buyers: [naustdal]
  services:
    - introduksjonsprogram for flyktninger busette i Naustdal
    - opplæring i norsk og samfunnskunnskap
  price_basis:
    - Naustdal betaler ein pris per deltakar per månad, regulert kvart år etter kommunal deflator.
  notice_period: 12 månader, rekna frå 1. januar
references:
  - id: intensjon
    title: Intensjonsavtale om busetting
    date: 2024-03-01
    case_number: 2024/118
  - id: kjop
    title: Avtale om kjøp av introduksjonsprogram
    date: 2024-06-15
    file: vedlegg/kjopsavtale.pdf
`

func TestReferencesAndAnnexes(t *testing.T) {
	dir := fstest.MapFS{"vedlegg/kjopsavtale.pdf": {Data: []byte("%PDF-1.4 kjøpsavtalen")}}
	b, err := generator.Generate(generator.Input{File: "avtale.yaml", Data: []byte(purchaseFile), Dir: dir}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := string(bundleFile(b, "samarbeidsavtale.md"))
	for _, want := range []string{
		"Avtalen følger opp Intensjonsavtale om busetting og Avtale om kjøp av introduksjonsprogram (vedlegg 1).",
		"## 3. Kjøp av tjenester mellom kommunene\n\nFørde kommune er vertskommune og selger tjenestene under til Naustdal kommune.",
		"- opplæring i norsk og samfunnskunnskap",
		"**Oppsigelse:** 12 månader, rekna frå 1. januar",
		"## 6. Vedlegg og referanser\n\n**Vedlegg**\n\n1. Avtale om kjøp av introduksjonsprogram, 15. juni 2024 (lagt ved PDF-en)\n\n**Referanser**\n\n- Intensjonsavtale om busetting, 1. mars 2024, saksnr. 2024/118\n\n## 7. Underskrifter",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the agreement lacks\n%s\n---\n%s", want, md)
		}
	}
	path := pdftest.Write(t, "avtale.pdf", bundleFile(b, "samarbeidsavtale.pdf"))
	list := pdftest.Run(t, "pdfdetach", "-list", path)
	if !strings.Contains(list, "kjopsavtale.pdf") || !strings.Contains(list, "avtale.yaml") {
		t.Errorf("the PDF does not embed the annex and the source:\n%s", list)
	}
}

func TestMissingAnnexIsPositioned(t *testing.T) {
	_, err := generator.Generate(generator.Input{File: "avtale.yaml", Data: []byte(purchaseFile), Dir: fstest.MapFS{}}, generator.Options{})
	var diags model.Diagnostics
	if !errors.As(err, &diags) {
		t.Fatalf("want diagnostics, got %v", err)
	}
	want := "avtale.yaml:33:11: vedlegget «vedlegg/kjopsavtale.pdf» finnes ikke i mappen til avtalefilen"
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
		t.Errorf("want\n  %s\ngot\n  %v", want, diags)
	}
}
