// Not upstream: tests of utf8font_shared.go.

package fpdf_test

import (
	"bytes"
	"os"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/go-pdf/fpdf/internal/example"
)

// sharedDoc writes a two-font document; add adds the fonts.
func sharedDoc(t *testing.T, text string, subsetNames bool, add func(pdf *fpdf.Fpdf)) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	pdf.SetSubsetFontNames(subsetNames)
	add(pdf)
	pdf.AddPage()
	pdf.SetFont("dejavu", "", 12)
	pdf.Text(10, 20, text)
	pdf.SetFont("dejavu", "B", 12)
	pdf.Text(10, 30, text+" §")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFont(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(example.FontFile(name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAddUTF8FontParsed checks that a font parsed once gives the same
// bytes as AddUTF8FontFromBytes, in documents made concurrently and with
// different runes, and that the shared font is not changed by its use.
func TestAddUTF8FontParsed(t *testing.T) {
	regular, bold := readFont(t, "DejaVuSansCondensed.ttf"), readFont(t, "DejaVuSansCondensed-Bold.ttf")
	parsedRegular, err := fpdf.ParseUTF8Font(regular)
	if err != nil {
		t.Fatal(err)
	}
	parsedBold, err := fpdf.ParseUTF8Font(bold)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Samarbeidsavtale", "Æøå ÆØÅ – «sitat»", "Привет, мир", "ok"}
	want := make([][]byte, len(texts))
	for i, text := range texts {
		want[i] = sharedDoc(t, text, false, func(pdf *fpdf.Fpdf) {
			pdf.AddUTF8FontFromBytes("dejavu", "", regular)
			pdf.AddUTF8FontFromBytes("dejavu", "B", bold)
		})
	}
	var wg sync.WaitGroup
	got := make([][]byte, 4*len(texts))
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = sharedDoc(t, texts[i%len(texts)], false, func(pdf *fpdf.Fpdf) {
				pdf.AddUTF8FontParsed("dejavu", "", parsedRegular)
				pdf.AddUTF8FontParsed("dejavu", "B", parsedBold)
			})
		}(i)
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want[i%len(texts)]) {
			t.Errorf("document %d (%q) differs from AddUTF8FontFromBytes's", i, texts[i%len(texts)])
		}
	}
	if string(want[0]) == string(want[1]) {
		t.Error("different texts gave the same document")
	}
}

func TestAddUTF8FontParsedNil(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontParsed("dejavu", "", nil)
	if pdf.Ok() {
		t.Error("adding no font is not an error")
	}
}

// TestSubsetFontNames checks the opt-in subset names: six capital letters,
// a plus sign and the PostScript name, the same for the same subset and
// different for a different one.
func TestSubsetFontNames(t *testing.T) {
	regular, bold := readFont(t, "DejaVuSansCondensed.ttf"), readFont(t, "DejaVuSansCondensed-Bold.ttf")
	add := func(pdf *fpdf.Fpdf) {
		pdf.AddUTF8FontFromBytes("dejavu", "", regular)
		pdf.AddUTF8FontFromBytes("dejavu", "B", bold)
	}
	baseFonts := regexp.MustCompile(`/BaseFont /(\S+)`)
	names := func(doc []byte) []string {
		var ns []string
		for _, m := range baseFonts.FindAllSubmatch(doc, -1) {
			ns = append(ns, string(m[1]))
		}
		return ns
	}

	plain := names(sharedDoc(t, "Avtale", false, add))
	for _, n := range plain {
		if n != "utf8dejavu" && n != "utf8dejavuB" {
			t.Errorf("by default BaseFont is %s, want upstream's utf8<family><style>", n)
		}
	}

	tagged := names(sharedDoc(t, "Avtale", true, add))
	subset := regexp.MustCompile(`^[A-Z]{6}\+DejaVuSansCondensed(-Bold)?$`)
	if len(tagged) != 4 {
		t.Fatalf("BaseFont names %v, want 4 (Type0 and CIDFont of two faces)", tagged)
	}
	for _, n := range tagged {
		if !subset.MatchString(n) {
			t.Errorf("BaseFont %s is not TAG+PostScriptName", n)
		}
	}
	if again := names(sharedDoc(t, "Avtale", true, add)); !equalStrings(again, tagged) {
		t.Errorf("the same document got names %v, then %v", tagged, again)
	}
	if other := names(sharedDoc(t, "Annen tekst", true, add)); other[0][:6] == tagged[0][:6] {
		t.Errorf("different subsets got the same tag %s", other[0][:6])
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFontID: ID is the ID a document gives the face, and an ID given with
// SetID is the one documents use.
func TestFontID(t *testing.T) {
	data := readFont(t, "DejaVuSansCondensed.ttf")
	font, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontParsed("Dejavu", "B", font)
	got := font.ID("Dejavu", "B")
	if want := fpdf.FontIDForTest(doc, "dejavuB"); got == "" || got != want {
		t.Fatalf("ID gives %q, the document %q", got, want)
	}
	if other := font.ID("Dejavu", ""); other == got {
		t.Errorf("the ID does not depend on the style")
	}
	seeded, err := fpdf.ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	seeded.SetID("Dejavu", "B", "given")
	doc = fpdf.New("P", "mm", "A4", "")
	doc.AddUTF8FontParsed("Dejavu", "B", seeded)
	if id := fpdf.FontIDForTest(doc, "dejavuB"); id != "given" {
		t.Errorf("the document uses ID %q, not the one SetID gave", id)
	}
}
