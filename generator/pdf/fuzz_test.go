package pdf

import (
	"strings"
	"testing"
)

func FuzzRender(f *testing.F) {
	f.Add([]byte("# T\n\n## 1. Mål\n\nTekst med **fet** og *kursiv* § 13 b.\n\n- ☐ punkt\n  - under\n\n3. tre\n4. fire\n"))
	f.Add([]byte("| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> sitat\n\n---\n\n```\nkode\n```\n"))
	f.Add([]byte("## 9. Underskrifter\n\nSted\n\n**A**  \nB  \nC\n\n**D**\\\nE\n"))
	f.Add([]byte("<div>x</div>\n\n![a](b.png) $x$ 😀"))
	f.Add(sampleMarkdown(f))
	f.Fuzz(func(t *testing.T, md []byte) {
		doc := Document{Title: "Fuzz", Version: "1", Source: "fuzz.md", TOC: true}
		out, err := Render(md, doc)
		if err != nil && strings.Contains(err.Error(), "intern feil") {
			t.Fatal(err)
		}
		if err == nil && len(out) == 0 {
			t.Fatal("no error and no output")
		}
	})
}
