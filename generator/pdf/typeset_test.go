package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// sampleDocs returns the Markdown of every document of every sample, as
// the golden files hold it, by name.
func sampleDocs(t *testing.T) map[string][]byte {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*/*.md", "*/rutiner/*.md", "*/sjekklister/*.md"} {
		m, err := filepath.Glob(filepath.Join("..", "..", "samples", "golden", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	docs := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, "innholdskontroll.md") {
			continue // not typeset as PDF
		}
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[strings.TrimPrefix(f, filepath.Join("..", "..", "samples", "golden")+"/")] = md
	}
	if len(docs) < 10 {
		t.Fatalf("found %d sample documents, want every sample's", len(docs))
	}
	return docs
}

func sampleDocument(name string) Document {
	return Document{Version: "1.0", Source: name, TOC: strings.HasSuffix(name, "samarbeidsavtale.md")}
}

// adversarial are documents built to break the layout.
func adversarial() map[string][]byte {
	var cell, list strings.Builder
	for i := 0; cell.Len() < 5000; i++ {
		fmt.Fprintf(&cell, "deltakeren%d følger opplæringen ", i)
	}
	for i := range 300 {
		fmt.Fprintf(&list, "- Punkt%d om kvalifiseringsprogrammet\n", i)
	}
	word := strings.Repeat("abcdefghij", 1000)
	return map[string][]byte{
		"cell.md": []byte("# Celle\n\n| Nr | Tekst | Merknad |\n| --- | --- | --- |\n| 1 | " + cell.String() +
			"| kort |\n| 2 | to | tre |\n"),
		"word.md":  []byte("# Ord\n\n" + word + " slutt\n\n## " + word[:300] + "\n\nTekst.\n"),
		"list.md":  []byte("# Liste\n\nInnledning:\n\n" + list.String()),
		"title.md": []byte("# " + strings.Repeat("Introduksjonsprogram", 12) + "\n\nTekst.\n"),
	}
}

// checkInside fails for anything drawn outside the text area: beside the
// margins, above the top or over the footer.
func checkInside(t *testing.T, name string, l *laidOut) {
	t.Helper()
	const eps = 0.05
	for p, pl := range l.pages {
		for _, x := range pl {
			for _, o := range x.it.ops {
				var x0, x1, y0, y1 float64
				switch o.kind {
				case opText:
					s := o.size * ptToMM
					x0, x1 = o.x, o.x+l.fs.width(o.font, o.size, o.text)
					y0, y1 = x.y+o.y-0.8*s, x.y+o.y+0.25*s
				case opRect, opLine:
					x0, x1 = o.x, o.x+o.w
					y0, y1 = x.y+o.y, x.y+o.y+o.h
				default:
					continue
				}
				if x0 < marginLeft-eps || x1 > marginLeft+textW+eps || y0 < contentTop-1-eps || y1 > contentBot+eps {
					t.Errorf("%s page %d: %q drawn at x %.1f–%.1f, y %.1f–%.1f, outside the text area", name, p+1, o.text, x0, x1, y0, y1)
					return
				}
			}
		}
	}
}

func TestNothingOutsideTheTextArea(t *testing.T) {
	docs := sampleDocs(t)
	for name, md := range adversarial() {
		docs[name] = md
	}
	for name, md := range docs {
		l, err := layout(md, sampleDocument(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkInside(t, name, l)
	}
}

func TestAdversarialTextIsNotLost(t *testing.T) {
	for name, md := range adversarial() {
		path := renderFile(t, md, Document{Source: name})
		var body strings.Builder
		for _, p := range pages(t, path) {
			// Drop the footer line and join words hyphenated at line ends.
			lines := strings.Split(strings.TrimRight(p, "\n "), "\n")
			for _, l := range lines[:len(lines)-1] {
				l = strings.TrimSpace(l)
				if strings.HasSuffix(l, "-") {
					body.WriteString(strings.TrimSuffix(l, "-"))
				} else {
					body.WriteString(l + " ")
				}
			}
		}
		text := strings.Join(strings.Fields(body.String()), "")
		for _, w := range strings.Fields(string(md)) {
			w = strings.Trim(w, "#|-")
			if w != "" && !strings.Contains(text, w) {
				t.Errorf("%s: %q is lost", name, short(w))
			}
		}
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// TestNoWordCutWithoutHyphen reads every sample's PDFs back with
// pdftotext and checks every line end: the word that ends a line and the
// one that starts the next line in the same column must not join to a
// word of the source unless the line ends in a hyphen, or after @ . / in
// an address.
func TestNoWordCutWithoutHyphen(t *testing.T) {
	docs := sampleDocs(t)
	docs["narrow.md"] = mustRead(t, filepath.Join("testdata", "layout", "narrow.md"))
	docs["tables.md"] = mustRead(t, filepath.Join("testdata", "layout", "tables.md"))
	checked := 0
	for name, md := range docs {
		words := sourceWords(md)
		path := renderFile(t, md, sampleDocument(name))
		for p, page := range pages(t, path) {
			lines := strings.Split(page, "\n")
			for i := 0; i+1 < len(lines); i++ {
				for _, seg := range segments(lines[i]) {
					next, ok := segmentAt(lines[i+1], seg.col)
					if !ok {
						continue
					}
					a := lastField(seg.text)
					b := strings.Fields(next)[0]
					checked++
					if msg := cutWithoutHyphen(a, b, words); msg != "" {
						t.Errorf("%s page %d: %s\n%s\n%s", name, p+1, msg, lines[i], lines[i+1])
					}
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d line ends", checked)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var markup = regexp.MustCompile("[*_`|\\[\\]<>]|\\]\\([^)]*\\)")

// sourceWords returns the words of Markdown, without markup and without
// the punctuation around them.
func sourceWords(md []byte) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(markup.ReplaceAllString(string(md), " ")) {
		words[trimPunct(w)] = true
	}
	return words
}

func trimPunct(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// cutWithoutHyphen describes a word cut at a line end without a hyphen.
func cutWithoutHyphen(a, b string, words map[string]bool) string {
	if strings.HasSuffix(a, "-") || strings.HasSuffix(a, "–") {
		return ""
	}
	ta, tb := trimPunct(a), trimPunct(b)
	if ta == "" || tb == "" || (words[ta] && words[tb]) {
		return ""
	}
	joined := trimPunct(a + b)
	if !words[joined] {
		return ""
	}
	if strings.ContainsAny(a[len(a)-1:], "@./") && isAddress(a+b) {
		return ""
	}
	return fmt.Sprintf("«%s» is cut as «%s|%s» without a hyphen", joined, a, b)
}

// segment is a run of text in a pdftotext -layout line, at a column.
type segment struct {
	col  int
	text string
}

var gap = regexp.MustCompile(`\S+(?: \S+)*`)

// segments splits a layout line at runs of two or more spaces.
func segments(line string) []segment {
	var out []segment
	for _, m := range gap.FindAllStringIndex(line, -1) {
		out = append(out, segment{col: utf8.RuneCountInString(line[:m[0]]), text: line[m[0]:m[1]]})
	}
	return out
}

// segmentAt returns the text of the segment of line that starts at col.
func segmentAt(line string, col int) (string, bool) {
	for _, s := range segments(line) {
		if s.col >= col-1 && s.col <= col+1 {
			return s.text, true
		}
	}
	return "", false
}

func lastField(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// checkPageBreaks fails for a page that ends with a heading, a paragraph
// or list item split leaving a single line at the foot or at the head of a
// page, or a last page holding only the signature section.
func checkPageBreaks(t *testing.T, name string, l *laidOut) {
	t.Helper()
	// lines[b] counts the lines of block b on each page.
	type count struct{ page, n int }
	lines := map[int][]count{}
	for p, pl := range l.pages {
		for _, x := range pl {
			if r := x.it.role; r != roleParagraph && r != roleListItem {
				continue
			}
			c := lines[x.it.block]
			if len(c) == 0 || c[len(c)-1].page != p {
				c = append(c, count{page: p})
			}
			c[len(c)-1].n++
			lines[x.it.block] = c
		}
	}
	for b, c := range lines {
		if len(c) < 2 {
			continue
		}
		for _, x := range c {
			if x.n < 2 {
				t.Errorf("%s: block %d has a single line on page %d (lines per page %v)", name, b, x.page+1, c)
			}
		}
	}
	// entries[list][page] holds the list's items on the page. A line of a
	// sub-list is also a line of the item of each list around it, so a
	// break inside a sub-list splits those items too.
	entries := map[int]map[int]map[int]bool{}
	for p, pl := range l.pages {
		for _, x := range pl {
			for _, le := range x.it.lists {
				if entries[le.list] == nil {
					entries[le.list] = map[int]map[int]bool{}
				}
				if entries[le.list][p] == nil {
					entries[le.list][p] = map[int]bool{}
				}
				entries[le.list][p][le.entry] = true
			}
		}
	}
	for list, pages := range entries {
		if len(pages) < 2 {
			continue
		}
		for p, e := range pages {
			if len(e) != 1 {
				continue
			}
			// A single item is allowed only as the part of one long item
			// that the page break falls in.
			for k := range e {
				split := (pages[p-1] != nil && pages[p-1][k]) || (pages[p+1] != nil && pages[p+1][k])
				if !split {
					t.Errorf("%s: list or table %d has a single item or row on page %d", name, list, p+1)
				}
			}
		}
	}
	for p, pl := range l.pages {
		if len(pl) == 0 {
			t.Errorf("%s: page %d is empty", name, p+1)
			continue
		}
		if last := pl[len(pl)-1].it; p+1 < len(l.pages) && last.role == roleHeading {
			t.Errorf("%s: page %d ends with a heading: %s", name, p+1, textOf(last))
		}
	}
	// The signature section keeps the paragraph before it on its page
	// (its last six lines when it is longer).
	var all []placement
	pageOf := map[*item]int{}
	for p, pl := range l.pages {
		for _, x := range pl {
			all = append(all, x)
			pageOf[x.it] = p
		}
	}
	for i, x := range all {
		if x.it.role != roleHeading || !isSignatureHeading(textOf(x.it), l.doc.Lang) {
			continue
		}
		if i == 0 {
			break
		}
		before := all[i-1].it
		n := 0
		for k := i - 1; k >= 0 && all[k].it.block == before.block && n < maxKeptLines; k-- {
			if pageOf[all[k].it] != pageOf[x.it] {
				t.Errorf("%s: the signature section on page %d is parted from the paragraph before it", name, pageOf[x.it]+1)
				break
			}
			n++
		}
	}
}

func textOf(it *item) string {
	var b strings.Builder
	for _, o := range it.ops {
		if o.kind == opText {
			b.WriteString(o.text + " ")
		}
	}
	return strings.TrimSpace(b.String())
}

func TestPageBreakRules(t *testing.T) {
	docs := sampleDocs(t)
	for name, md := range adversarial() {
		docs[name] = md
	}
	docs["breaks.md"] = mustRead(t, filepath.Join("testdata", "layout", "breaks.md"))
	for name, md := range docs {
		l, err := layout(md, sampleDocument(name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkPageBreaks(t, name, l)
	}
	// Every amount of text before a short table.
	for n := 10; n <= 17; n++ {
		for k := range 12 {
			rows := 2 + k%3
			short := strings.Repeat("Kort avsnitt.\n\n", k/3)
			md := "# Avtale\n\n" + fillerParagraphs(n) + short + "## Kontaktpersoner\n\n| Navn | Rolle |\n| --- | --- |\n" +
				strings.Repeat("| Kari Nordmann | Programrådgiver i flyktningtjenesten |\n", rows) + "\nTekst etter tabellen.\n"
			name := fmt.Sprintf("table of %d rows after %d+%d paragraphs", rows, n, k/3)
			l, err := layout([]byte(md), Document{Title: "Avtale", Source: name})
			if err != nil {
				t.Fatal(err)
			}
			checkPageBreaks(t, name, l)
		}
	}
	// Every amount of text before the signatures, with a short and with a
	// long paragraph right before them.
	long := strings.Repeat("Avtalen gjelder til den sies opp av en av partene med seks måneders varsel. ", 5) + "\n\n"
	for n := 6; n <= 30; n++ {
		for _, last := range []string{"", long} {
			name := fmt.Sprintf("signatureDoc(%d) with %d more", n, len(last))
			md := signatureDoc(n)
			i := strings.Index(string(md), "## 9.")
			md = []byte(string(md[:i]) + last + string(md[i:]))
			l, err := layout(md, Document{Title: "Avtale", Source: name})
			if err != nil {
				t.Fatal(err)
			}
			checkPageBreaks(t, name, l)
		}
	}
}

func TestNoFragmentOnTheLastPage(t *testing.T) {
	// Before, page 3 of Kristiansand's routine sheet for the programme
	// adviser held only «Lovgrunnlag» and one item, which fit on page 2
	// with less space between the blocks.
	for name, md := range sampleDocs(t) {
		l, err := layout(md, sampleDocument(name))
		if err != nil {
			t.Fatal(err)
		}
		last := l.pages[len(l.pages)-1]
		if len(l.pages) > 1 && len(last) <= 3 && last[0].it.role == roleHeading {
			t.Errorf("%s: the last page holds only %q", name, textOf(last[0].it))
		}
	}
}

// TestPageBreakInSubList moves a list whose first item holds a long
// sub-list down the page line by line. A page break inside the sub-list
// parts the first item of the outer list, which is allowed (the break
// falls in one long item), so checkPageBreaks must count the sub-list's
// lines as lines of that item, not leave the outer list «with a single
// item» on each page.
func TestPageBreakInSubList(t *testing.T) {
	var list strings.Builder
	list.WriteString("- Kommunen skal:\n")
	for i := range 12 {
		fmt.Fprintf(&list, "  - melde fra om bosetting nummer %d til NAV-kontoret innen fristen\n", i+1)
	}
	list.WriteString("- NAV-kontoret skal svare.\n- Begge parter skal evaluere.\n")
	inside := 0
	for n := 0; n <= 40; n++ {
		md := "# Avtale\n\n" + strings.Repeat("Avtalen gjelder deltakere i introduksjonsprogrammet.\n\n", n) + list.String()
		name := fmt.Sprintf("%d paragraphs before", n)
		l, err := layout([]byte(md), Document{Title: "Avtale", Source: name})
		if err != nil {
			t.Fatal(err)
		}
		// the pages holding lines of the sub-list (the innermost list of
		// lines in two lists)
		pages := map[int]bool{}
		for p, pl := range l.pages {
			for _, x := range pl {
				if len(x.it.lists) == 2 {
					pages[p] = true
				}
			}
		}
		if len(pages) > 1 {
			inside++
		}
		checkPageBreaks(t, name, l)
	}
	if inside == 0 {
		t.Fatal("no page break fell inside the sub-list; the test tests nothing")
	}
}
