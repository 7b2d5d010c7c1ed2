package generator_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"samarbeid/generator/internal/pdftest"
)

// TestAgreementPDF reads each sample's agreement back as a reader would:
// qpdf finds no fault, every font is embedded, the Title names the
// agreement, the YAML is attached, and the file has outlines and a language.
func TestAgreementPDF(t *testing.T) {
	for _, sample := range samples {
		t.Run(sample, func(t *testing.T) {
			b := generate(t, sample)
			path := pdftest.Write(t, "samarbeidsavtale.pdf", file(t, b, mainDoc(b)+".pdf"))
			pdftest.Run(t, "qpdf", "--check", path)
			fonts := strings.Split(strings.TrimSpace(pdftest.Run(t, "pdffonts", path)), "\n")[2:]
			if len(fonts) == 0 {
				t.Error("pdffonts lists no fonts")
			}
			for _, f := range fonts {
				if fields := strings.Fields(f); len(fields) < 5 || !strings.Contains(f, " yes ") {
					t.Errorf("font not embedded: %s", f)
				}
			}
			if title := pdftest.Info(t, path, "Title"); !strings.HasPrefix(title, "Samarbeidsavtale") && !strings.HasPrefix(title, "Samarbeidsrutine") {
				t.Errorf("Title = %q", title)
			}
			if list := pdftest.Run(t, "pdfdetach", "-list", path); !strings.Contains(list, sample+".yaml") {
				t.Errorf("the YAML is not attached: %s", list)
			}
			qdf := pdftest.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
			for _, key := range []string{"/Outlines", "/Lang (" + sampleWords(t, sample).T("meta.tag") + ")"} {
				if !strings.Contains(qdf, key) {
					t.Errorf("no %s", key)
				}
			}
		})
	}
}

// TestKristiansandPDF checks the text of Kristiansand's agreement: every
// duty of seed 000 section 5, the page numbering, the contents list, and
// the signatures together on one page.
func TestKristiansandPDF(t *testing.T) {
	b := generate(t, "kristiansand")
	path := pdftest.Write(t, "samarbeidsavtale.pdf", file(t, b, "samarbeidsavtale.pdf"))
	pages := pdftest.Pages(t, path)
	n := pdftest.NumPages(t, path)
	if len(pages) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
	}
	if !strings.Contains(pages[0], fmt.Sprintf("Side 1 av %d", n)) {
		t.Errorf("first page lacks «Side 1 av %d»", n)
	}
	if !strings.Contains(pages[n-1], fmt.Sprintf("Side %d av %d", n, n)) {
		t.Errorf("last page lacks «Side %d av %d»", n, n)
	}

	// Duties: pdftotext breaks lines, so compare with white space folded.
	flat := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
	for _, duty := range kristiansandDuties {
		if !strings.Contains(flat, duty) {
			t.Errorf("the PDF lacks %q", duty)
		}
	}

	// Contents: each entry's page number is the page the heading stands on.
	entry := regexp.MustCompile(`^\s*(\d+\. .*?)\s*(?:\. )+\.?\s*(\d+)\s*$`)
	checked := 0
	for _, line := range strings.Split(pages[0], "\n") {
		m := entry.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		heading := strings.TrimSpace(m[1])
		want, _ := strconv.Atoi(m[2])
		got := 0
		for i := 1; i < len(pages); i++ {
			for _, l := range strings.Split(pages[i], "\n") {
				if strings.TrimSpace(l) == heading {
					got = i + 1
					break
				}
			}
			if got != 0 {
				break
			}
		}
		if got != want {
			t.Errorf("contents says %q is on page %d; it stands on page %d", heading, want, got)
		}
		checked++
	}
	if checked < 8 {
		t.Errorf("only %d contents entries checked", checked)
	}

	// Signatures: both names on one page, with the heading.
	p1, p2 := pdftest.PageOf(pages, "Brede Skaalerud"), pdftest.PageOf(pages, "Kristin Edet Robstad")
	if p1 == 0 || p1 != p2 || pdftest.PageOf(pages[p1-1:], "Underskrifter") != 1 {
		t.Errorf("signatures on pages %d and %d", p1, p2)
	}
}
