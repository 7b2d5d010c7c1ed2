package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"samarbeid/generator/internal/pdftest"
	"strconv"
	"strings"
	"testing"
)

func TestWriteSample(t *testing.T) {
	out := os.Getenv("PDF_SAMPLE_OUT")
	if out == "" {
		t.Skip("set PDF_SAMPLE_OUT to write the sample")
	}
	pdf, err := Render(sampleMarkdown(t), sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRenderText(t *testing.T) {
	path := renderFile(t, sampleMarkdown(t), sampleDoc())
	text := strings.Join(pages(t, path), "")
	for _, want := range []string{
		"æ", "ø", "å", "Kongsgård", "§ 13 b", "§§ 12–15", "kr 12 000", "«Samarbeidsavtale", "»", "–",
		"☐", "☑", "Versjon 1.2", "18. september 2020", "Innhold", "Brede Skaalerud", "Oppvekstdirektør",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.Count(text, "Samarbeidsavtale mellom Oppvekst og Helse- og mestring om") > len(pages(t, path))+1 {
		t.Errorf("the H1 title seems printed twice")
	}
}

func TestFooterPageNumbers(t *testing.T) {
	path := renderFile(t, sampleMarkdown(t), sampleDoc())
	n := len(pages(t, path))
	if n < 3 {
		t.Fatalf("got %d pages, want at least 3", n)
	}
	info := pdftest.Run(t, "pdfinfo", path)
	if !strings.Contains(info, fmt.Sprintf("Pages:           %d", n)) {
		t.Fatalf("pdfinfo disagrees on page count %d:\n%s", n, info)
	}
	for _, p := range []int{1, n} {
		want := fmt.Sprintf("Side %d av %d", p, n)
		if got := pageText(t, path, p); !strings.Contains(got, want) {
			t.Errorf("page %d lacks %q:\n%s", p, want, got)
		}
	}
}

var tocLine = regexp.MustCompile(`^\s*(\S.*?)\s*(?:\. ?)+\s*(\d+)\s*$`)

func TestTOCPointsToHeadings(t *testing.T) {
	path := renderFile(t, sampleMarkdown(t), sampleDoc())
	ps := pages(t, path)
	entries := 0
	for _, l := range strings.Split(ps[0], "\n") {
		m := tocLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		entries++
		title, want := m[1], m[2]
		got := ""
		for i, p := range ps[1:] {
			for _, pl := range strings.Split(p, "\n") {
				if strings.TrimSpace(pl) == title {
					got = strconv.Itoa(i + 2)
				}
			}
			if got != "" {
				break
			}
		}
		if got != want {
			t.Errorf("TOC says %q is on page %s, found on page %q", title, want, got)
		}
	}
	if entries < 10 {
		t.Errorf("found %d TOC entries, want at least 10:\n%s", entries, ps[0])
	}
}

// signatureDoc is an agreement whose signature section comes after n filler
// paragraphs.
func signatureDoc(n int) []byte {
	return []byte("# Avtale\n\n## 1. Formål\n\n" + fillerParagraphs(n) +
		"## 9. Underskrifter\n\nSted og dato: Kristiansand, 18. september 2020\n\n" +
		"**Brede Skaalerud**  \nHelse- og mestringsdirektør  \nfor Helse og mestring\n\n" +
		"**Kristin Edet Robstad**  \nOppvekstdirektør  \nfor Oppvekst\n\n" +
		"**Ola Nordmann**  \nLeder  \nfor NAV Kristiansand\n")
}

func TestSignaturesOnOnePageWithTheTextBefore(t *testing.T) {
	split := 0
	for n := 6; n <= 26; n += 1 {
		path := renderFile(t, signatureDoc(n), Document{Title: "Avtale", Version: "1", Source: "test.md"})
		ps := pages(t, path)
		last := ps[len(ps)-1]
		for _, want := range []string{"9. Underskrifter", "Sted og dato", "Brede Skaalerud", "Kristin Edet Robstad", "Ola Nordmann", "for NAV Kristiansand"} {
			if !strings.Contains(last, want) {
				t.Errorf("n=%d: last page lacks %q", n, want)
			}
		}
		if len(ps) > 1 {
			split++
			if !strings.Contains(last, "Partene skal møtes") {
				t.Errorf("n=%d: the signature section stands alone on the last page:\n%s", n, last)
			}
		}
	}
	if split == 0 {
		t.Errorf("no case needed two pages; the test does not exercise the rule")
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Årshjul\n\n## Møter\n\n| Måned | Møte | Ansvarlig |\n| --- | --- | ---: |\n")
	for i := range 80 {
		fmt.Fprintf(&b, "| Måned %d | Ledermøte med en lengre beskrivelse som må brytes over flere linjer | Kommunalsjef |\n", i+1)
	}
	path := renderFile(t, []byte(b.String()), Document{Title: "Årshjul", Source: "arshjul.md.tmpl"})
	ps := pages(t, path)
	if len(ps) < 2 {
		t.Fatalf("table fits on %d page, want a longer one", len(ps))
	}
	head := regexp.MustCompile(`Måned\s+Møte\s+Ansvarlig`)
	for i, p := range ps {
		if !head.MatchString(p) {
			t.Errorf("page %d lacks the table header", i+1)
		}
	}
}

// footerLine matches the running footer.
var footerLine = regexp.MustCompile(`Side \d+ av \d+`)

func TestNoHeadingAtPageBottom(t *testing.T) {
	for n := 2; n <= 14; n += 2 {
		md := sampleMarkdown(t)
		md = bytes.Replace(md, []byte("## 2. Samarbeidsavtalens"), []byte(fillerParagraphs(n)+"## 2. Samarbeidsavtalens"), 1)
		path := renderFile(t, md, sampleDoc())
		for i, p := range pages(t, path) {
			var last string
			for _, l := range strings.Split(p, "\n") {
				if strings.TrimSpace(l) != "" && !footerLine.MatchString(l) {
					last = strings.TrimSpace(l)
				}
			}
			if regexp.MustCompile(`^(\d+\.|[a-g]\))\s+\S`).MatchString(last) && i > 0 {
				t.Errorf("n=%d: page %d ends with heading %q", n, i+1, last)
			}
		}
	}
}

func TestPDFStructure(t *testing.T) {
	path := renderFile(t, sampleMarkdown(t), sampleDoc())
	pdftest.Run(t, "qpdf", "--check", path)

	fonts := pdftest.Run(t, "pdffonts", path)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
	if len(rows) < 4 {
		t.Errorf("pdffonts lists %d fonts, want at least 4:\n%s", len(rows), fonts)
	}
	for _, r := range rows {
		f := strings.Fields(r)
		// name type... emb sub uni object ID: emb is the 5th field from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", r)
		}
	}

	qdf := filepath.Join(t.TempDir(), "qdf.pdf")
	pdftest.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, qdf)
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/Lang (nb-NO)", "/Outlines"} {
		if !bytes.Contains(raw, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	info := pdftest.Run(t, "pdfinfo", path)
	for _, want := range []string{"Creator:         samarbeid", "Author:          Kristiansand kommune", "CreationDate:    Fri Sep 18 00:00:00 2020", "Title:           Samarbeidsavtale"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if list := pdftest.Run(t, "pdfdetach", "-list", path); !strings.Contains(list, "samarbeid.yaml") {
		t.Errorf("attachment not listed:\n%s", list)
	}
}

func TestDeterministic(t *testing.T) {
	a, err := Render(sampleMarkdown(t), sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sampleMarkdown(t), sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same input differ")
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
	}{
		{"html block", "# T\n\nTekst.\n\n<div>hei</div>\n", []string{"mal.md.tmpl:5:", "HTML"}},
		{"inline html", "# T\n\nTekst med <b>fet</b> skrift.\n", []string{"mal.md.tmpl:3:", "HTML"}},
		{"image", "# T\n\nAvsnitt.\n\nMer.\n\n![logo](logo.png)\n", []string{"mal.md.tmpl:7:", "bilder"}},
		{"astral", "# T\n\nHei 😀\n", []string{"mal.md.tmpl:3:", "«😀» (U+1F600) finnes ikke i skriften"}},
		{"missing glyph", "# T\n\nTekst\n\nmed 中 tegn\n", []string{"mal.md.tmpl:5:", "«中» (U+4E2D)"}},
		{"math", "# T\n\nRegn $$x^2$$ ut.\n", []string{"mal.md.tmpl:3:", "matematikk"}},
		{"invalid utf8", "# T\n\nlinje\n\xff\n", []string{"mal.md.tmpl:4:", "UTF-8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Render([]byte(tt.md), Document{Title: "T", Source: "mal.md.tmpl"})
			if err == nil {
				t.Fatal("Render succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestTitleWithAstralCharacter(t *testing.T) {
	_, err := Render([]byte("tekst"), Document{Title: "Avtale 😀", Source: "mal.md.tmpl"})
	if err == nil || !strings.Contains(err.Error(), "U+1F600") {
		t.Fatalf("got %v, want an error naming U+1F600", err)
	}
}

func TestWriteChecklist(t *testing.T) {
	out := os.Getenv("PDF_SAMPLE_OUT")
	if out == "" {
		t.Skip("set PDF_SAMPLE_OUT to write the sample")
	}
	md, err := os.ReadFile("testdata/sjekkliste.md")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(md, Document{Title: "Sjekkliste: Ny bosetting", Subtitle: "Rutine for flyktningtjenesten", Version: "2.0", Author: "Åfjord kommune", Source: "sjekkliste.md.tmpl"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(strings.TrimSuffix(out, ".pdf")+"-sjekkliste.pdf", pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
