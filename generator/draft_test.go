package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/internal/pdftest"
)

// TestStarterIsADraft: the untouched starter file's documents are a draft:
// the reasons stand at their positions, every page of every PDF carries
// «UTKAST» in its footer and as a watermark, and every Markdown document
// says so at the top.
func TestStarterIsADraft(t *testing.T) {
	path := filepath.Join("..", "templates", "init-avtale.yaml")
	_, b := generateFile(t, path)
	want := []string{
		path + ":31:15: «Eksempel kommune» er eksempelverdien fra startfilen",
		":135:11: «Navn Navnesen» er eksempelverdien fra startfilen",
		":45:11: datoene er eksempeldatoene fra startfilen",
	}
	var got []string
	for _, d := range b.Draft {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", d.File, d.Pos.Line, d.Pos.Col, d.Message))
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("the draft reasons lack %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
	for _, f := range b.Files {
		switch filepath.Ext(f.Path) {
		case ".md":
			head := strings.Join(strings.SplitN(string(f.Data), "\n", 9), "\n")
			if !strings.Contains(head, "**UTKAST** – dokumentet er et utkast") {
				t.Errorf("%s does not say at the top that it is a draft:\n%s", f.Path, head)
			}
		case ".pdf":
			raw := pdftest.Run(t, "pdftotext", "-raw", pdftest.Write(t, filepath.Base(f.Path), f.Data), "-")
			pages := strings.Split(strings.TrimSuffix(raw, "\f"), "\f")
			for i, p := range pages {
				// the footer's word, and the watermark's letters, which a
				// reader of the diagonal text gets one per line
				if !strings.Contains(p, "UTKAST · Versjon") || !strings.Contains(p, "U\nT\nK\nA\nS\nT\n") {
					t.Errorf("%s page %d lacks UTKAST in its footer or as a watermark:\n%s", f.Path, i+1, p)
				}
			}
		}
	}
}

// TestDraftReasons: «status: utkast» and a party without a signatory make
// a draft too; the samples are not drafts.
func TestDraftReasons(t *testing.T) {
	for _, sample := range samples {
		b := generate(t, sample)
		if len(b.Draft) > 0 {
			t.Errorf("%s is a draft: %v", sample, b.Draft)
		}
		for _, f := range b.Files {
			if strings.HasSuffix(f.Path, ".md") && strings.Contains(string(f.Data), "UTKAST") {
				t.Errorf("%s: %s says UTKAST", sample, f.Path)
			}
		}
	}
	b := generateEdited(t, "andoy", "place: Andenes\n", "place: Andenes\nstatus: utkast\n")
	footer := pdftest.Run(t, "pdftotext", "-layout", "-f", "3", "-l", "3", pdftest.Write(t, "a.pdf", file(t, b, "samarbeidsavtale.pdf")), "-")
	if !strings.Contains(footer, "UTKAST · Versjon 2026.1 · 16.11.2026 ") {
		t.Errorf("the draft footer's version line runs into the page number:\n%s", footer)
	}
	if len(b.Draft) != 1 || b.Draft[0].Pos.Line != 14 || !strings.HasPrefix(b.Draft[0].Message, "filen sier «status: utkast»") {
		t.Errorf("status: utkast gives %v", b.Draft)
	}
	// the starter's dates, left as they were in an otherwise filled-in
	// file, make a draft; one of them alone does not (agreements do start
	// on 1 January)
	b = generateEdited(t, "andoy", "valid_from: 2027-01-01", "valid_from: 2026-01-01", "signed: 2026-11-16", "signed: 2026-01-01", "next_evaluation: 2027-10-31", "next_evaluation: 2027-01-01")
	if len(b.Draft) != 1 || b.Draft[0].Pos.Line != 18 || !strings.HasPrefix(b.Draft[0].Message, "datoene er eksempeldatoene fra startfilen (gjelder fra 1. januar 2026, signert 1. januar 2026, neste evaluering 1. januar 2027)") {
		t.Errorf("the starter's dates give %v", b.Draft)
	}
	if b := generateEdited(t, "andoy", "valid_from: 2027-01-01", "valid_from: 2026-01-01", "next_evaluation: 2027-10-31", "next_evaluation: 2027-01-01"); len(b.Draft) != 0 {
		t.Errorf("a real agreement from 1 January is a draft: %v", b.Draft)
	}
	data, err := os.ReadFile(filepath.Join("..", "samples", "kristiansand.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i := strings.Index(text, "signatories:")
	j := strings.Index(text[i:], "\n\n")
	text = text[:i] + "signatories:\n  - name: Brede Skaalerud\n    title: Helse- og mestringsdirektør\n    for: helse-og-mestring" + text[i+j:]
	b, err = generator.Generate(generator.Input{File: "k.yaml", Data: []byte(text)}, generator.Options{AgreementOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Draft) == 0 || !strings.Contains(b.Draft[len(b.Draft)-1].Message, "har ingen som signerer") {
		t.Errorf("a party without a signatory gives %v", b.Draft)
	}
}
