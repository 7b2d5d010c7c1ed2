package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// newMeasureFpdf returns an fpdf document with face id selected at 11 pt.
func newMeasureFpdf(fs *fontSet, id fontID) *fpdf.Fpdf {
	d := fpdf.New("P", "mm", "A4", "")
	f := fs[id]
	d.AddUTF8FontFromBytes(f.family, f.style, f.data)
	d.SetFont(f.family, f.style, 11)
	return d
}

// twentyPages is a document of about twenty pages: the sample agreement's
// body repeated with numbered sections.
func twentyPages(tb testing.TB) []byte {
	md := sampleMarkdown(tb)
	body := md[bytes.Index(md, []byte("## 1. Mål")):bytes.Index(md, []byte("## 9. Underskrifter"))]
	var b bytes.Buffer
	b.WriteString("# Samarbeidsavtale\n\n")
	for i := range 5 {
		fmt.Fprintf(&b, "## Del %d\n\n", i+1)
		b.Write(body)
	}
	b.Write(md[bytes.Index(md, []byte("## 9. Underskrifter")):])
	return b.Bytes()
}

func BenchmarkRender20Pages(b *testing.B) {
	md := twentyPages(b)
	doc := sampleDoc()
	out, err := Render(md, doc)
	if err != nil {
		b.Fatal(err)
	}
	pages := bytes.Count(out, []byte("/Type /Page\n"))
	if pages == 0 {
		pages = strings.Count(string(out), "/Type /Page")
	}
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if _, err := Render(md, doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*b.N)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkMultiCell20Pages sets the same text with fpdf's own MultiCell,
// for reference.
func BenchmarkMultiCell20Pages(b *testing.B) {
	fs, err := loadFonts()
	if err != nil {
		b.Fatal(err)
	}
	md := twentyPages(b)
	var paras []string
	for _, p := range strings.Split(string(md), "\n\n") {
		paras = append(paras, strings.TrimLeft(p, "#-|> "))
	}
	var pages int
	start := time.Now()
	for b.Loop() {
		d := fpdf.New("P", "mm", "A4", "")
		d.SetMargins(marginLeft, marginTop, marginRight)
		d.SetAutoPageBreak(true, marginBottom)
		for id := range numFonts {
			f := fs[id]
			d.AddUTF8FontFromBytes(f.family, f.style, f.data)
		}
		d.SetFont("serif", "", bodySize)
		d.AddPage()
		for _, p := range paras {
			d.MultiCell(0, lineHeight(bodySize), p, "", "L", false)
			d.Ln(parSpace)
		}
		var buf bytes.Buffer
		if err := d.Output(&buf); err != nil {
			b.Fatal(err)
		}
		pages = d.PageCount()
	}
	b.ReportMetric(float64(pages*b.N)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}

// agreementOfParts is the sample agreement with its body repeated parts
// times, as numbered parts.
func agreementOfParts(tb testing.TB, parts int) []byte {
	md := sampleMarkdown(tb)
	body := md[bytes.Index(md, []byte("## 1. Mål")):bytes.Index(md, []byte("## 9. Underskrifter"))]
	var b bytes.Buffer
	b.WriteString("# Samarbeidsavtale\n\n")
	for i := range parts {
		fmt.Fprintf(&b, "## Del %d\n\n", i+1)
		b.Write(body)
	}
	b.Write(md[bytes.Index(md, []byte("## 9. Underskrifter")):])
	return b.Bytes()
}

// BenchmarkRenderLength renders agreements of about 10 and 100 pages and
// reports the time per page: a 100-page agreement should cost at most ten
// times a 10-page one, i.e. about the same per page.
func BenchmarkRenderLength(b *testing.B) {
	for _, parts := range []int{3, 28} {
		md := agreementOfParts(b, parts)
		doc := sampleDoc()
		out, err := Render(md, doc)
		if err != nil {
			b.Fatal(err)
		}
		pages := bytes.Count(out, []byte("/Type /Page\n"))
		b.Run(fmt.Sprintf("%dpages", pages), func(b *testing.B) {
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				if _, err := Render(md, doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(pages*b.N), "ns/page")
		})
	}
}
