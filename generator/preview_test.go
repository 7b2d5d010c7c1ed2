package generator

import (
	"bytes"
	"os"
	"testing"
)

// The preview has a page for every Markdown document of the bundle, and
// the agreement's page is the bundle's HTML page.
func TestPreviewPages(t *testing.T) {
	data, err := os.ReadFile("../samples/kristiansand.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := Input{File: "kristiansand.yaml", Data: data}
	p, err := Preview(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(in, Options{NoSource: true})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	mds := 0
	for _, f := range b.Files {
		files[f.Path] = f.Data
		if bytes.HasSuffix([]byte(f.Path), []byte(".md")) {
			mds++
		}
	}
	if len(p.Pages) != mds {
		t.Errorf("preview has %d pages, the bundle %d Markdown documents", len(p.Pages), mds)
	}
	if len(p.Pages) == 0 || !bytes.Equal(p.Pages[0].HTML, files[p.Pages[0].Path+".html"]) {
		t.Errorf("the preview of %s is not the bundle's page", p.Pages[0].Path)
	}
}
