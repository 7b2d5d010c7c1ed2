package pdf

import (
	"os"
	"path/filepath"
	"samarbeid/generator/internal/pdftest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sampleDoc describes testdata/samarbeidsavtale.md.
func sampleDoc() Document {
	return Document{
		Title:        "Samarbeidsavtale mellom Oppvekst og Helse- og mestring om introduksjonsprogrammet for nyankomne innvandrere",
		Subtitle:     "Gjeldende for Kongsgård skolesenter, integreringsenheten og NAV Kristiansand",
		Parties:      []string{"Kristiansand kommune, Helse og mestring", "Kristiansand kommune, Oppvekst", "NAV Kristiansand"},
		PartiesLabel: "Avtaleparter",
		Version:      "1.2",
		Date:         time.Date(2020, 9, 18, 0, 0, 0, 0, time.UTC),
		Author:       "Kristiansand kommune",
		Subject:      "Samarbeid om introduksjonsprogrammet",
		Keywords:     "introduksjonsprogram, NAV, samarbeidsavtale",
		Source:       "samarbeidsavtale.md.tmpl",
		TOC:          true,
		Attachments:  []Attachment{{Name: "samarbeid.yaml", Content: []byte("title: test\n"), Description: "Kildefil"}},
	}
}

func sampleMarkdown(t testing.TB) []byte {
	t.Helper()
	md, err := os.ReadFile("testdata/samarbeidsavtale.md")
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// renderFile renders markdown and writes the PDF to a temporary file.
func renderFile(t testing.TB, md []byte, doc Document) string {
	t.Helper()
	b, err := Render(md, doc)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pages returns the text of every page, as pdftotext -layout sees it.
func pages(t testing.TB, path string) []string {
	t.Helper()
	all := pdftest.Run(t, "pdftotext", "-layout", path, "-")
	ps := strings.Split(all, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// pageText returns the text of page n (1-based) alone.
func pageText(t testing.TB, path string, n int) string {
	t.Helper()
	p := strconv.Itoa(n)
	return pdftest.Run(t, "pdftotext", "-layout", "-f", p, "-l", p, path, "-")
}

// fillerParagraphs returns n short paragraphs of Norwegian text.
func fillerParagraphs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("Partene skal møtes jevnlig og dele informasjon om deltakerne i tråd med § 13 b og ")
		b.WriteString("de til enhver tid gjeldende rutiner for samtykke og taushetsplikt. Avsnitt nr. ")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(".\n\n")
	}
	return b.String()
}
