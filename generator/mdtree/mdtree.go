// Package mdtree parses the bundle's Markdown into the one gomarkdown tree
// that both the PDF typesetter and the HTML renderer walk, so the two
// versions of a document always say the same.
package mdtree

import (
	"strings"

	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/parser"
)

// Extensions are the Markdown features the documents use: CommonMark with
// tables. Raw HTML is always recognised by the parser (and then rejected by
// the typesetter); MathJax is parsed so that math is rejected rather than
// printed as dollar signs.
const Extensions = (parser.CommonExtensions | parser.Tables | parser.OrderedListStart) &^
	(parser.DefinitionLists | parser.Strikethrough)

// Parse parses a document.
func Parse(md []byte) ast.Node {
	return parser.NewWithExtensions(Extensions).Parse(md)
}

// Text is the plain text of a node: its leaves' text, with line breaks as
// spaces.
func Text(n ast.Node) string {
	var b strings.Builder
	ast.WalkFunc(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.GoToNext
		}
		switch c := c.(type) {
		case *ast.Softbreak, *ast.Hardbreak:
			b.WriteByte(' ')
		case *ast.NonBlockingSpace:
			b.WriteString("\u00a0")
		default:
			if l := c.AsLeaf(); l != nil {
				b.Write(l.Literal)
			}
		}
		return ast.GoToNext
	})
	return b.String()
}

// Front is what a document's top carries before its body: the H1, which
// the title block replaces, and the paragraphs right under it that the
// title block also shows.
type Front struct {
	Title string     // the H1's text, "" when the document starts otherwise
	Body  []ast.Node // the blocks after the title and the front lines
}

// Split takes the H1 off the top of a parsed document, and after it the
// paragraphs that equal subtitle or start with versionLine, e.g.
// «Versjon 1.0» («Versjon 1.0 · 18. september 2020»).
func Split(root ast.Node, subtitle, versionLine string) Front {
	children := root.GetChildren()
	var f Front
	if len(children) > 0 {
		if h, ok := children[0].(*ast.Heading); ok && h.Level == 1 {
			f.Title = strings.TrimSpace(Text(h))
			children = children[1:]
		}
	}
	for len(children) > 0 {
		p, ok := children[0].(*ast.Paragraph)
		if !ok {
			break
		}
		text := strings.TrimSpace(Text(p))
		isSubtitle := subtitle != "" && text == strings.TrimSpace(subtitle)
		isVersion := versionLine != "" && strings.HasPrefix(text, versionLine)
		if !isSubtitle && !isVersion {
			break
		}
		children = children[1:]
	}
	f.Body = children
	return f
}
