package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpPages describes laid-out pages: every item with its role, position
// and height, and every piece of text with its position, in millimetres
// rounded to a tenth.
func dumpPages(l *laidOut) string {
	var b strings.Builder
	for p, pl := range l.pages {
		fmt.Fprintf(&b, "page %d\n", p+1)
		for _, x := range pl {
			r := x.it.role.String()
			if x.it.role == roleHeading {
				r += fmt.Sprint(x.it.level)
			}
			keep := ""
			if x.it.keep {
				keep = " keep"
			}
			fmt.Fprintf(&b, "  %s y=%.1f h=%.1f%s\n", r, x.y, x.it.h, keep)
			for _, o := range x.it.ops {
				if o.kind == opText {
					fmt.Fprintf(&b, "    %.1f,%.1f %s\n", o.x, x.y+o.y, o.text)
				}
			}
		}
	}
	return b.String()
}

// layoutFixture lays out testdata/layout/NAME.md.
func layoutFixture(t *testing.T, name string) *laidOut {
	t.Helper()
	md, err := os.ReadFile(filepath.Join("testdata", "layout", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := layout(md, Document{Version: "1.0", Source: name + ".md", TOC: strings.Contains(name, "toc")})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPageDumps(t *testing.T) {
	for _, name := range []string{"breaks", "narrow", "tables"} {
		t.Run(name, func(t *testing.T) {
			got := dumpPages(layoutFixture(t, name))
			path := filepath.Join("testdata", "layout", name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("page dump of %s changed; read the diff of go test -update:\n%s", name, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return ""
}

func TestWriteFixtures(t *testing.T) {
	dir := os.Getenv("PDF_FIXTURE_OUT")
	if dir == "" {
		t.Skip("set PDF_FIXTURE_OUT to a folder to write the layout fixtures as PDF")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "layout", "*.md"))
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Render(md, Document{Version: "1.0", Source: f})
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md") + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
