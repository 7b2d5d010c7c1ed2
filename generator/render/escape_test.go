package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gomarkdown/markdown/ast"
	"github.com/gomarkdown/markdown/parser"
)

// textOf parses md as the PDF renderer does and returns its plain text, or
// ok false when the Markdown holds anything but text: emphasis, links,
// lists, headings, HTML, code, math.
func textOf(md string) (text string, ok bool) {
	p := parser.NewWithExtensions(parser.CommonExtensions | parser.Tables | parser.OrderedListStart)
	doc := p.Parse([]byte("- " + md + "\n"))
	var b strings.Builder
	ok = true
	ast.WalkFunc(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Document, *ast.List, *ast.ListItem, *ast.Paragraph:
		case *ast.Link: // an autolinked address; its text must still read back whole
		case *ast.Text:
			b.Write(n.Literal)
		default:
			ok = false
		}
		return ast.GoToNext
	})
	return b.String(), ok
}

func TestInlineKeepsTextAsText(t *testing.T) {
	cases := []string{
		"har ansvar for *alt* og _litt_ til",
		"kolonne | kolonne",
		"# ikke en overskrift",
		"1. ikke en liste",
		"- ikke et punkt",
		"+ heller ikke",
		"> ikke et sitat",
		"<b>ikke HTML</b>",
		"[lenke](http://example.com)",
		"![bilde](x.png)",
		"`kode`",
		"$x^2$ og ~~streket~~",
		"Helse &amp; omsorg",
		"tekst {#id}",
		"bakover\\skråstrek",
		"kr 12 000 etter § 13 b",
		"integreringsloven §\u00a015",
	}
	for _, c := range cases {
		got, ok := textOf(Inline(c))
		if !ok || got != c {
			t.Errorf("%q: escaped %q reads back as %q (only text: %v)", c, Inline(c), got, ok)
		}
	}
}

func TestInlineLeavesPlainTextAlone(t *testing.T) {
	for _, s := range []string{"Versjon 1.0", "integreringsloven § 10", "NAV-kontoret skal bistå", "kl. 09:00"} {
		if Inline(s) != s {
			t.Errorf("%q became %q", s, Inline(s))
		}
	}
}

func FuzzInline(f *testing.F) {
	for _, s := range []string{"*a*", "1. x", "<x>", "a | b", "&amp;", "[a](b)", "# h", "- x", "`c`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimSpace(asciiSpaceRef.ReplaceAllString(s, " "))
		if strings.ContainsAny(want, "\x00\r") || !isPrintable(want) {
			return
		}
		got, ok := textOf(Inline(s))
		if !ok || got != want {
			t.Errorf("%q: escaped %q reads back as %q (only text: %v)", s, Inline(s), got, ok)
		}
	})
}

func isPrintable(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

// asciiSpaceRef and inlineRef are Inline as it was written first, with
// regular expressions only; Inline must give the same for every input.
var asciiSpaceRef = regexp.MustCompile(`[ \t\r\n\f\v]+`)

func inlineRef(s string) string {
	s = strings.TrimSpace(asciiSpaceRef.ReplaceAllString(s, " "))
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune(inlineSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	out = entity().ReplaceAllString(out, `\&$1;`)
	if m := leadingList().FindStringSubmatchIndex(out); m != nil {
		out = out[:m[3]] + `\` + out[m[4]:]
	} else if leadingMarker().MatchString(out) {
		out = `\` + out
	}
	return out
}

func TestInlineAsWrittenFirst(t *testing.T) {
	for _, s := range []string{"", " ", "  a  b\t\tc\n", "\u00a0§ 15\u00a0", "1. punkt", "12) x", "1.x", "- a", "-", "+", ":=", "--", "a & b", "&amp; og &#169;", "  1.  x", "\n- x", "x\r\ny", "a \v\f b", "\xff\xfe", "*a*"} {
		if got, want := Inline(s), inlineRef(s); got != want {
			t.Errorf("Inline(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzInlineAsWrittenFirst(f *testing.F) {
	for _, s := range []string{"1. x", "- x", "a  \t b", "&amp;", " : x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Inline(s), inlineRef(s); got != want {
			t.Errorf("Inline(%q) = %q, want %q", s, got, want)
		}
	})
}
