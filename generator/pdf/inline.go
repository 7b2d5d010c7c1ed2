package pdf

import (
	"github.com/gomarkdown/markdown/ast"
)

// inlines collects the spans of an inline container, reporting nodes the
// typesetter does not support.
func (b *builder) inlines(n ast.Node, s span, out []span) []span {
	for _, c := range n.GetChildren() {
		out = b.inline(c, s, out)
	}
	return out
}

// inline collects the spans of one inline node.
func (b *builder) inline(n ast.Node, s span, out []span) []span {
	switch n := n.(type) {
	case *ast.Text:
		s.text = string(n.Literal)
		return append(out, s)
	case *ast.Strong:
		s.bold = true
		return b.inlines(n, s, out)
	case *ast.Emph:
		s.italic = true
		return b.inlines(n, s, out)
	case *ast.Code:
		s.code, s.text = true, string(n.Literal)
		return append(out, s)
	case *ast.Link:
		s.link = string(n.Destination)
		before := len(out)
		out = b.inlines(n, s, out)
		if len(out) == before {
			s.text = s.link
			out = append(out, s)
		}
		return out
	case *ast.Hardbreak:
		return append(out, span{brk: true})
	case *ast.Softbreak:
		s.text = " "
		return append(out, s)
	case *ast.NonBlockingSpace:
		s.text = "\u00a0"
		return append(out, s)
	case *ast.HTMLSpan:
		b.src.add(n.Literal, "rå HTML støttes ikke: «%s»; skriv teksten uten HTML-koder", excerpt(n.Literal))
	case *ast.Image:
		b.src.add(append([]byte("!["), altText(n)...), "bilder støttes ikke: «%s»", excerpt(n.Destination))
	case *ast.Math:
		b.src.add(n.Literal, "matematikk støttes ikke: «%s»", excerpt(n.Literal))
	default:
		b.unsupported(n)
	}
	return out
}

// altText is the plain text of a node's children.
func altText(n ast.Node) []byte {
	var out []byte
	ast.WalkFunc(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if l := c.AsLeaf(); entering && l != nil {
			out = append(out, l.Literal...)
		}
		return ast.GoToNext
	})
	return out
}

// plainText is the text of inline spans without styles.
func plainText(spans []span) string {
	var out []byte
	for _, s := range spans {
		if s.brk {
			out = append(out, ' ')
			continue
		}
		out = append(out, s.text...)
	}
	return string(out)
}
