package generator_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gomarkdown/markdown/ast"

	"samarbeid/generator/internal/pdftest"
	"samarbeid/generator/mdtree"
)

// structNode is an element of the structure tree as pdfinfo -struct-text
// prints it: its type and, under it, elements and text.
type structNode struct {
	role   string
	attrs  []string
	text   []string // the element's own text lines
	objrs  int      // annotations (OBJR) the element owns
	kids   []*structNode
	parent *structNode
}

// allText is the text of an element and everything under it, with a
// space between elements.
func (n *structNode) allText() string {
	var b strings.Builder
	var walk func(*structNode)
	walk = func(n *structNode) {
		for _, t := range n.text {
			b.WriteString(t)
		}
		for _, k := range n.kids {
			walk(k)
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

func (n *structNode) each(f func(*structNode)) {
	f(n)
	for _, k := range n.kids {
		k.each(f)
	}
}

// readStruct parses pdfinfo -struct-text: two spaces of indent a level,
// elements as «Type», «Type (block)» or «Type:» with attributes on the
// lines under them, text in quotes.
func readStruct(t *testing.T, out string) *structNode {
	t.Helper()
	root := &structNode{role: "(root)"}
	stack := []*structNode{root}
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		depth := (len(l) - len(strings.TrimLeft(l, " "))) / 2
		s := strings.TrimSpace(l)
		for len(stack) > depth+1 {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		switch {
		case strings.HasPrefix(s, `"`):
			parent.text = append(parent.text, strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`))
		case strings.HasPrefix(s, "/"):
			parent.attrs = append(parent.attrs, s)
		case strings.HasPrefix(s, "Object "):
			parent.objrs++ // an annotation (OBJR)
		default:
			role := strings.TrimSuffix(strings.Fields(s)[0], ":")
			n := &structNode{role: role, parent: parent}
			parent.kids = append(parent.kids, n)
			stack = append(stack[:depth+1], n)
		}
	}
	return root
}

func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// inlineRole are the structure types that may stand in a line of text.
var inlineRole = map[string]bool{"Link": true, "Span": true, "Quote": true, "Note": true, "Reference": true, "BibEntry": true, "Code": true}

var wordRe = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}§%@./:-]*`)

// TestTaggedPDF wants every PDF of every sample tagged, and reads the
// structure tree of one of each kind of document per sample with pdfinfo
// -struct-text (slow: poppler reads a page once per marked-content
// sequence), as a screen reader would get it, and checks it against the
// Markdown the PDF was set from: every heading is an H element with the
// same text, every list item an LI (with a Lbl and an LBody), every table
// cell a TH with a scope or a TD, and every word on the pages but the
// running footer is in the tree.
func TestTaggedPDF(t *testing.T) {
	for _, sample := range samples {
		b := generate(t, sample)
		kinds := map[string]bool{}
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".pdf") {
				continue
			}
			kind, _, _ := strings.Cut(f.Path, "/")
			walk := !kinds[kind]
			kinds[kind] = true
			t.Run(sample+"/"+f.Path, func(t *testing.T) {
				md := file(t, b, strings.TrimSuffix(f.Path, ".pdf")+".md")
				path := pdftest.Write(t, "doc.pdf", f.Data)
				if tagged := pdftest.Info(t, path, "Tagged"); tagged != "yes" {
					t.Fatalf("pdfinfo says Tagged: %s", tagged)
				}
				if !walk {
					return
				}
				tree := readStruct(t, pdftest.Run(t, "pdfinfo", "-struct-text", path))
				if len(tree.kids) != 1 || tree.kids[0].role != "Document" {
					t.Fatalf("the tree does not have one Document at its root")
				}
				checkAgainstMarkdown(t, tree, md)
				checkWords(t, tree, path)
			})
		}
	}
}

func checkAgainstMarkdown(t *testing.T, tree *structNode, md []byte) {
	t.Helper()
	var (
		headings           = map[string][]string{} // text → roles found
		lis, cells, scoped int
	)
	tree.each(func(n *structNode) {
		switch n.role {
		case "H1", "H2", "H3", "H4", "H5", "H6":
			text := normalize(n.allText())
			headings[text] = append(headings[text], n.role)
		case "LI":
			lis++
			if len(n.kids) != 2 || n.kids[0].role != "Lbl" || n.kids[1].role != "LBody" {
				var roles []string
				for _, k := range n.kids {
					roles = append(roles, k.role)
				}
				t.Errorf("LI %q has %v, want Lbl and LBody", normalize(n.allText()), roles)
			}
		case "TD":
			cells++
		case "TH":
			cells++
			for _, a := range n.attrs {
				if strings.Contains(a, "/Scope") {
					scoped++
				}
			}
		}
		if n.role == "Link" && n.objrs != 1 {
			t.Errorf("Link %q has %d annotations, want 1", normalize(n.allText()), n.objrs)
		}
		// Text beside inline elements is how a paragraph holds a link
		// (ISO 32000-1, 14.8.4.4); text beside block elements is not.
		if len(n.text) > 0 && n.role != "Lbl" && n.role != "Link" {
			for _, k := range n.kids {
				if !inlineRole[k.role] {
					t.Errorf("%s %q mixes text and the block element %s", n.role, normalize(n.allText()), k.role)
				}
			}
		}
	})
	var wantLI, wantCells, wantTH int
	doc := mdtree.Parse(md)
	kinds := map[string][]*ast.Table{}
	for _, n := range doc.GetChildren() {
		if t, ok := n.(*ast.Table); ok {
			kinds[tableKey(t)] = append(kinds[tableKey(t)], t)
		}
	}
	ast.WalkFunc(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.GoToNext
		}
		switch n := n.(type) {
		case *ast.Heading:
			text := normalize(mdtree.Text(n))
			want := "H" + string(rune('0'+min(n.Level, 6)))
			if roles := headings[text]; len(roles) == 0 {
				t.Errorf("heading %q is not an element of the tree", text)
			} else if !strings.Contains(strings.Join(roles, " "), want) {
				t.Errorf("heading %q is %v, want %s", text, roles, want)
			}
		case *ast.ListItem:
			wantLI++
		case *ast.Table:
			together := []*ast.Table{n}
			if _, top := n.Parent.(*ast.Document); top {
				together = kinds[tableKey(n)]
			}
			c, h := shownCells(n, shownColumns(together))
			wantCells += c
			wantTH += h
		}
		return ast.GoToNext
	})
	if lis != wantLI {
		t.Errorf("%d LI elements, the Markdown has %d list items", lis, wantLI)
	}
	if cells != wantCells {
		t.Errorf("%d TD and TH elements, the Markdown has %d table cells", cells, wantCells)
	}
	if scoped != wantTH {
		t.Errorf("%d TH elements with a scope, the Markdown has %d header cells", scoped, wantTH)
	}
}

// checkWords wants every word pdftotext finds on the pages, but for the
// footer (the last line of each page), in the structure tree: text outside
// it would be content a screen reader never reads.
func checkWords(t *testing.T, tree *structNode, path string) {
	t.Helper()
	all := tree.allText()
	inTree := map[string]bool{}
	for _, w := range wordRe.FindAllString(all, -1) {
		inTree[strings.TrimRight(w, ".:/-")] = true
	}
	missing := map[string]bool{}
	for _, page := range pdftest.Pages(t, path) {
		lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
		for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			lines = lines[:len(lines)-1] // the footer, an artifact
		}
		for _, w := range wordRe.FindAllString(strings.Join(lines, "\n"), -1) {
			w = strings.TrimRight(w, ".:/-")
			// A word broken between characters (an e-mail address in a
			// narrow column) is one word in the tree, two on the page.
			if w != "" && !inTree[w] && !strings.Contains(all, w) {
				missing[w] = true
			}
		}
	}
	if len(missing) > 0 {
		var ws []string
		for w := range missing {
			ws = append(ws, w)
		}
		t.Errorf("words on the page that are not in the structure tree: %q", ws)
	}
}

var xmpField = regexp.MustCompile(`<(pdfaid:part|pdfaid:conformance|pdf:Producer|xmp:CreatorTool|pdfuaid:part)>([^<]*)<`)
var xmpTitle = regexp.MustCompile(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)<`)

// TestPDFA checks what PDF/A and PDF/UA ask of every PDF of every sample
// that the readers here can see: XMP metadata whose PDF/A part and
// conformance are set and whose title and producer equal the document
// information, an sRGB output intent with an embedded ICC profile, subset
// fonts, a document ID, the catalogue's /MarkInfo and /ViewerPreferences,
// /Tabs /S on every page, and the agreement's source YAML attached as its
// /Source under PDF/A-3.
func TestPDFA(t *testing.T) {
	for _, sample := range samples {
		b := generate(t, sample)
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".pdf") {
				continue
			}
			t.Run(sample+"/"+f.Path, func(t *testing.T) {
				path := pdftest.Write(t, "doc.pdf", f.Data)
				meta := pdftest.Run(t, "pdfinfo", "-meta", path)
				fields := map[string]string{}
				for _, m := range xmpField.FindAllStringSubmatch(meta, -1) {
					fields[m[1]] = m[2]
				}
				wantPart := "2"
				if f.Path == "samarbeidsavtale.pdf" || f.Path == "samarbeidsrutine.pdf" {
					wantPart = "3"
				}
				if fields["pdfaid:part"] != wantPart || fields["pdfaid:conformance"] != "U" {
					t.Errorf("XMP says PDF/A-%s%s, want PDF/A-%sU", fields["pdfaid:part"], fields["pdfaid:conformance"], wantPart)
				}
				if fields["pdfuaid:part"] != "1" || !strings.Contains(meta, "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") {
					t.Errorf("XMP lacks pdfuaid:part 1 with its PDF/A extension schema")
				}
				if got, want := fields["pdf:Producer"], pdftest.Info(t, path, "Producer"); got != want || want == "" {
					t.Errorf("XMP producer %q, document information %q", got, want)
				}
				title := xmpTitle.FindStringSubmatch(meta)
				if want := pdftest.Info(t, path, "Title"); title == nil || unescapeXML(title[1]) != want || want == "" {
					t.Errorf("XMP title %q, document information %q", title, want)
				}
				for _, l := range strings.Split(strings.TrimSpace(pdftest.Run(t, "pdffonts", path)), "\n")[2:] {
					fs := strings.Fields(l)
					if len(fs) < 7 || fs[len(fs)-5] != "yes" || fs[len(fs)-4] != "yes" || !regexp.MustCompile(`^[A-Z]{6}\+DejaVu`).MatchString(fs[0]) {
						t.Errorf("font not an embedded subset: %s", l)
					}
				}
				qdf := pdftest.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, "-")
				for _, want := range []string{
					"/OutputIntents", "/S /GTS_PDFA1", "/DestOutputProfile", "/OutputConditionIdentifier (sRGB IEC61966-2.1)",
					"/Type /Metadata", "/MarkInfo", "/Marked true", "/DisplayDocTitle true", "/StructTreeRoot", "/ID [",
				} {
					if !strings.Contains(qdf, want) {
						t.Errorf("no %s", want)
					}
				}
				for _, banned := range []string{"/Encrypt", "/S /Transparency", "/JavaScript"} {
					if strings.Contains(qdf, banned) {
						t.Errorf("has %s", banned)
					}
				}
				if n, tabs := pdftest.NumPages(t, path), strings.Count(qdf, "/Tabs /S"); n != tabs {
					t.Errorf("%d pages, %d with /Tabs /S", n, tabs)
				}
				if (f.Path == "samarbeidsavtale.pdf" || f.Path == "samarbeidsrutine.pdf") && (!strings.Contains(qdf, "/AFRelationship /Source") || !strings.Contains(qdf, "/AF [")) {
					t.Error("the source YAML is not attached as the document's /Source")
				}
			})
		}
	}
}

func unescapeXML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(s)
}

// tableRows returns a table's rows of cells and which are header rows.
func tableRows(t *ast.Table) (rows [][]*ast.TableCell, head []bool) {
	for _, part := range t.Children {
		_, isHead := part.(*ast.TableHeader)
		for _, r := range part.GetChildren() {
			var row []*ast.TableCell
			for _, c := range r.GetChildren() {
				if tc, ok := c.(*ast.TableCell); ok {
					row = append(row, tc)
				}
			}
			rows = append(rows, row)
			head = append(head, isHead)
		}
	}
	return rows, head
}

// tableKey is the text of a table's header rows: the typesetter plans the
// columns of a document's top-level tables with the same header together.
func tableKey(t *ast.Table) string {
	var b strings.Builder
	rows, head := tableRows(t)
	for i, r := range rows {
		if !head[i] {
			continue
		}
		for _, c := range r {
			b.WriteString(normalize(mdtree.Text(c)))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// shownColumns returns the columns the PDF shows for tables planned
// together: a column empty in every body row of all of them is left out
// (no TR holds a cell for it), one with text in some row is shown in all,
// its empty cells as empty TD elements.
func shownColumns(tables []*ast.Table) map[int]bool {
	shown := map[int]bool{}
	body := false
	for _, t := range tables {
		rows, head := tableRows(t)
		for i, r := range rows {
			if head[i] {
				continue
			}
			body = true
			for c, cell := range r {
				if strings.TrimSpace(mdtree.Text(cell)) != "" {
					shown[c] = true
				}
			}
		}
	}
	if !body {
		return nil
	}
	return shown
}

// shownCells counts a table's cells and header cells in the columns the
// PDF shows (nil: all).
func shownCells(t *ast.Table, shown map[int]bool) (cells, header int) {
	rows, head := tableRows(t)
	for i, r := range rows {
		for c := range r {
			if shown != nil && !shown[c] {
				continue
			}
			cells++
			if head[i] {
				header++
			}
		}
	}
	return cells, header
}
