// Package html renders a bundle document as one self-contained, accessible
// web page: the version a municipality publishes on its website.
//
// It walks the same gomarkdown tree as the PDF typesetter (package mdtree),
// so the page and the PDF always say the same. The page is semantic HTML
// meant to meet WCAG 2.1 AA: a header with the title block, a nav with the
// contents, a main with the text, headings in order, lists as ol/ul, tables
// with a caption and header cells with scope, the page's language from the
// document, and a skip link. The styles are inline; the layout reflows on a
// phone and at 200 % zoom, and prints as a clean A4 document.
package html

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gomarkdown/markdown/ast"

	"samarbeid/generator/mdtree"
)

// Document describes the page around the Markdown body.
type Document struct {
	Title    string   // the page's h1 and <title>; the Markdown H1 when empty
	Subtitle string   // optional line under the title
	Parties  []string // optional, listed in the header
	Version  string   // e.g. "1.2"
	Date     time.Time
	Author   string // the municipality, shown above the title
	Lang     string // BCP 47 language of the text, e.g. "nb" or "nn"
	TOC      bool   // include the contents as a nav
	Words    Words
}

// Words are the page's own words, in the document's language.
type Words struct {
	Skip     string // the skip link: «Hopp til innholdet»
	Contents string // the contents nav: «Innhold»
	Parties  string // the heading over the parties: «Avtaleparter»
	Version  string // «Versjon»
	Table    string // caption of a table with no heading above it: «Tabell»
	Date     func(time.Time) string
}

// Render renders markdown as an HTML page.
func Render(markdown []byte, doc Document) ([]byte, error) {
	versionLine := ""
	if doc.Version != "" {
		versionLine = doc.Words.Version + " " + doc.Version
	}
	top := mdtree.Split(mdtree.Parse(markdown), doc.Subtitle, versionLine)
	if doc.Title == "" {
		doc.Title = top.Title
	}
	if doc.Lang == "" {
		return nil, fmt.Errorf("HTML-versjonen av «%s» mangler språk", doc.Title)
	}
	w := &writer{ids: map[string]int{}, words: doc.Words}
	w.collectHeadings(top.Body)
	w.page(doc, top.Body)
	return w.buf.Bytes(), nil
}

// heading is an h2–h3 of the body, for the contents and the ids.
type heading struct {
	node  *ast.Heading
	level int
	text  string
	id    string
}

type writer struct {
	buf      bytes.Buffer
	words    Words
	ids      map[string]int
	headings []heading
	byNode   map[*ast.Heading]*heading
	last     string // text of the last heading written, for table captions
}

func (w *writer) s(parts ...string) {
	for _, p := range parts {
		w.buf.WriteString(p)
	}
}

// collectHeadings gives every heading of the body a unique id.
func (w *writer) collectHeadings(body []ast.Node) {
	w.byNode = map[*ast.Heading]*heading{}
	for _, n := range body {
		ast.WalkFunc(n, func(c ast.Node, entering bool) ast.WalkStatus {
			h, ok := c.(*ast.Heading)
			if !ok || !entering {
				return ast.GoToNext
			}
			text := strings.TrimSpace(mdtree.Text(h))
			w.headings = append(w.headings, heading{node: h, level: h.Level, text: text, id: w.id(text)})
			return ast.SkipChildren
		})
	}
	for i := range w.headings {
		w.byNode[w.headings[i].node] = &w.headings[i]
	}
}

// id makes a unique fragment id from a heading's text.
func (w *writer) id(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	id := b.String()
	if id == "" || unicode.IsDigit([]rune(id)[0]) {
		id = "s-" + id
	}
	id = strings.TrimSuffix(id, "-")
	w.ids[id]++
	if n := w.ids[id]; n > 1 {
		id += "-" + strconv.Itoa(n)
	}
	return id
}

func (w *writer) page(doc Document, body []ast.Node) {
	w.s("<!DOCTYPE html>\n<html lang=\"", attr(doc.Lang), "\">\n<head>\n<meta charset=\"utf-8\">\n")
	w.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.s("<title>", text(doc.Title), "</title>\n")
	if doc.Author != "" {
		w.s("<meta name=\"author\" content=\"", attr(doc.Author), "\">\n")
	}
	w.s("<meta name=\"generator\" content=\"samarbeid\">\n")
	w.s("<style>\n", css, "</style>\n</head>\n<body>\n")
	w.s("<a class=\"skip\" href=\"#innhold\">", text(w.words.Skip), "</a>\n")
	w.header(doc)
	if doc.TOC {
		w.nav()
	}
	w.s("<main id=\"innhold\" tabindex=\"-1\">\n")
	w.blocks(body)
	w.s("</main>\n</body>\n</html>\n")
}

// header is the title block: municipality, title, subtitle, parties,
// version and date.
func (w *writer) header(doc Document) {
	w.s("<header>\n")
	if doc.Author != "" {
		w.s("<p class=\"owner\">", text(doc.Author), "</p>\n")
	}
	w.s("<h1>", text(doc.Title), "</h1>\n")
	if strings.TrimSpace(doc.Subtitle) != "" {
		w.s("<p class=\"subtitle\">", text(doc.Subtitle), "</p>\n")
	}
	if len(doc.Parties) > 0 {
		w.s("<p class=\"label\" id=\"parter\">", text(w.words.Parties), "</p>\n<ul class=\"parties\" aria-labelledby=\"parter\">\n")
		for _, p := range doc.Parties {
			w.s("<li>", text(p), "</li>\n")
		}
		w.s("</ul>\n")
	}
	var meta []string
	if doc.Version != "" {
		meta = append(meta, text(w.words.Version+" "+doc.Version))
	}
	if !doc.Date.IsZero() && w.words.Date != nil {
		meta = append(meta, "<time datetime=\""+doc.Date.Format("2006-01-02")+"\">"+text(w.words.Date(doc.Date))+"</time>")
	}
	if len(meta) > 0 {
		w.s("<p class=\"meta\">", strings.Join(meta, " · "), "</p>\n")
	}
	w.s("</header>\n")
}

// nav is the contents: the body's h2 and h3 headings as nested lists of
// links.
func (w *writer) nav() {
	var hs []heading
	for _, h := range w.headings {
		if h.level == 2 || h.level == 3 {
			hs = append(hs, h)
		}
	}
	if len(hs) == 0 {
		return
	}
	w.s("<nav aria-labelledby=\"innholdsliste\">\n<h2 id=\"innholdsliste\">", text(w.words.Contents), "</h2>\n<ol>\n")
	open := false // an h3 list is open inside the last h2 item
	for i, h := range hs {
		if h.level == 3 && i > 0 {
			if !open {
				w.s("\n<ol>\n")
				open = true
			} else {
				w.s("</li>\n")
			}
		} else if i > 0 {
			if open {
				w.s("</li>\n</ol>\n")
				open = false
			}
			w.s("</li>\n")
		}
		w.s("<li><a href=\"#", attr(h.id), "\">", text(h.text), "</a>")
	}
	if open {
		w.s("</li>\n</ol>\n")
	}
	w.s("</li>\n</ol>\n</nav>\n")
}

func (w *writer) blocks(nodes []ast.Node) {
	for _, n := range nodes {
		w.block(n)
	}
}

func (w *writer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		level := min(max(n.Level, 2), 6)
		tag := "h" + strconv.Itoa(level)
		id := ""
		if h := w.byNode[n]; h != nil {
			id = h.id
			w.last = h.text
		}
		w.s("<", tag, " id=\"", attr(id), "\">")
		w.inlines(n)
		w.s("</", tag, ">\n")
	case *ast.Paragraph:
		w.s("<p>")
		w.inlines(n)
		w.s("</p>\n")
	case *ast.List:
		w.list(n)
	case *ast.BlockQuote:
		w.s("<blockquote>\n")
		w.blocks(n.Children)
		w.s("</blockquote>\n")
	case *ast.HorizontalRule:
		w.s("<hr>\n")
	case *ast.Table:
		w.table(n)
	case *ast.CodeBlock:
		w.s("<pre><code>", text(strings.TrimRight(string(n.Literal), "\n")), "</code></pre>\n")
	case *ast.HTMLBlock:
		// The PDF rejects raw HTML; here it is shown as the text it is.
		w.s("<p>", text(string(n.Literal)), "</p>\n")
	default:
		if c := n.AsContainer(); c != nil {
			w.blocks(c.Children)
		} else if l := n.AsLeaf(); l != nil && len(l.Literal) > 0 {
			w.s("<p>", text(string(l.Literal)), "</p>\n")
		}
	}
}

// list writes a bullet or ordered list; a checkbox (☐ ☑ ☒) that starts an
// item stays in its text.
func (w *writer) list(n *ast.List) {
	tag := "ul"
	open := "<ul>"
	if n.ListFlags&ast.ListTypeOrdered != 0 {
		tag, open = "ol", "<ol>"
		if n.Start > 1 {
			open = "<ol start=\"" + strconv.Itoa(n.Start) + "\">"
		}
	}
	w.s(open, "\n")
	for _, c := range n.Children {
		li, ok := c.(*ast.ListItem)
		if !ok {
			w.block(c)
			continue
		}
		w.s("<li>")
		for i, b := range li.Children {
			if p, ok := b.(*ast.Paragraph); ok && n.Tight {
				if i > 0 {
					w.s("<br>")
				}
				w.inlines(p)
				continue
			}
			if i == 0 {
				w.s("\n")
			}
			w.block(b)
		}
		w.s("</li>\n")
	}
	w.s("</", tag, ">\n")
}

// table writes a table in a scrollable, focusable region so a wide table
// never widens the page; its caption is the heading above it.
func (w *writer) table(n *ast.Table) {
	caption := w.last
	if caption == "" {
		caption = w.words.Table
	}
	w.s("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"", attr(caption), "\">\n<table>\n")
	w.s("<caption>", text(caption), "</caption>\n")
	for _, part := range n.Children {
		_, head := part.(*ast.TableHeader)
		switch part.(type) {
		case *ast.TableHeader:
			w.s("<thead>\n")
		case *ast.TableFooter:
			w.s("<tfoot>\n")
		default:
			w.s("<tbody>\n")
		}
		for _, r := range part.GetChildren() {
			w.s("<tr>")
			for _, c := range r.GetChildren() {
				cell, _ := c.(*ast.TableCell)
				tag, extra := "td", ""
				if head {
					tag, extra = "th", " scope=\"col\""
				}
				if cell != nil {
					switch cell.Align {
					case ast.TableAlignmentRight:
						extra += " class=\"r\""
					case ast.TableAlignmentCenter:
						extra += " class=\"c\""
					}
				}
				w.s("<", tag, extra, ">")
				w.inlines(c)
				w.s("</", tag, ">")
			}
			w.s("</tr>\n")
		}
		switch part.(type) {
		case *ast.TableHeader:
			w.s("</thead>\n")
		case *ast.TableFooter:
			w.s("</tfoot>\n")
		default:
			w.s("</tbody>\n")
		}
	}
	w.s("</table>\n</div>\n")
}

func (w *writer) inlines(n ast.Node) {
	for _, c := range n.GetChildren() {
		w.inline(c)
	}
}

func (w *writer) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		w.s(text(string(n.Literal)))
	case *ast.Strong:
		w.s("<strong>")
		w.inlines(n)
		w.s("</strong>")
	case *ast.Emph:
		w.s("<em>")
		w.inlines(n)
		w.s("</em>")
	case *ast.Code:
		w.s("<code>", text(string(n.Literal)), "</code>")
	case *ast.Link:
		w.s("<a href=\"", attr(string(n.Destination)), "\">")
		if len(n.Children) == 0 {
			w.s(text(string(n.Destination)))
		}
		w.inlines(n)
		w.s("</a>")
	case *ast.Hardbreak:
		w.s("<br>\n")
	case *ast.Softbreak:
		w.s("\n")
	case *ast.NonBlockingSpace:
		w.s("&nbsp;")
	case *ast.HTMLSpan:
		w.s(text(string(n.Literal)))
	default:
		if c := n.AsContainer(); c != nil {
			w.inlines(n)
		} else if l := n.AsLeaf(); l != nil {
			w.s(text(string(l.Literal)))
		}
	}
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
)

func text(s string) string { return textEscaper.Replace(s) }
func attr(s string) string { return attrEscaper.Replace(s) }
