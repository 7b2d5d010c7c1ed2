package mdtree

import (
	"testing"

	"github.com/gomarkdown/markdown/ast"
)

func TestSplit(t *testing.T) {
	md := "# Tittel *med* `kode`\n\nUndertittel\n\nVersjon 1.2 · 1. januar 2027\n\nFørste avsnitt.\n\n## Del\n"
	f := Split(Parse([]byte(md)), "Undertittel", "Versjon 1.2")
	if f.Title != "Tittel med kode" {
		t.Errorf("title %q", f.Title)
	}
	if len(f.Body) != 2 {
		t.Fatalf("body has %d blocks, want the paragraph and the heading", len(f.Body))
	}
	if got := Text(f.Body[0]); got != "Første avsnitt." {
		t.Errorf("first block %q", got)
	}
	if _, ok := f.Body[1].(*ast.Heading); !ok {
		t.Errorf("second block is %T", f.Body[1])
	}
	// A paragraph that only looks like the front lines stays.
	f = Split(Parse([]byte("# T\n\nVersjon 2 av noe\n")), "", "Versjon 1.2")
	if len(f.Body) != 1 {
		t.Errorf("a paragraph that is not the version line was dropped")
	}
}
