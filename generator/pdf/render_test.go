package pdf

import (
	"os"
	"testing"
	"time"
)

func sampleDoc() Document {
	return Document{
		Title:    "Samarbeidsavtale mellom Oppvekst og Helse- og mestring om introduksjonsprogrammet for nyankomne innvandrere",
		Subtitle: "Gjeldende for Kongsgård skolesenter, integreringsenheten og NAV Kristiansand",
		Parties:  []string{"Kristiansand kommune, Helse og mestring", "Kristiansand kommune, Oppvekst", "NAV Kristiansand"},
		Version:  "1.2",
		Date:     time.Date(2020, 9, 18, 0, 0, 0, 0, time.UTC),
		Author:   "Kristiansand kommune",
		Subject:  "Samarbeid om introduksjonsprogrammet",
		Keywords: "introduksjonsprogram, NAV, samarbeidsavtale",
		Source:   "samarbeidsavtale.md.tmpl",
		TOC:      true,
		Attachments: []Attachment{{Name: "samarbeid.yaml", Content: []byte("title: test\n"), Description: "Kildefil"}},
	}
}

func TestWriteSample(t *testing.T) {
	out := os.Getenv("PDF_SAMPLE_OUT")
	if out == "" {
		t.Skip("set PDF_SAMPLE_OUT to write the sample")
	}
	md, err := os.ReadFile("testdata/samarbeidsavtale.md")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(md, sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
