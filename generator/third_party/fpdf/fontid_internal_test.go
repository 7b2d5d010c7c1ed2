// Not upstream: generateFontID must hash the same JSON as upstream's
// json.Marshal of the whole definition.

package fpdf

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func upstreamFontID(fdt fontDefType) string {
	fdt.File = ""
	b, _ := json.Marshal(&fdt)
	return fmt.Sprintf("%x", sha1.Sum(b))
}

func TestGenerateFontID(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	font, err := ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	defs := []fontDefType{
		{Tp: "UTF8", Name: "dejavu", Cw: font.parsed.CharWidths, File: "x.ttf", Up: -100, Ut: 50},
		{Tp: "UTF8", Name: `odd "Cw":null name`, Cw: []int{1, -2, 65535}},
		{Tp: "TrueType", Name: "empty", Cw: []int{}},
		{Tp: "Core", Name: "nil"},
		{Tp: "Type1", Name: "diff", Diff: `"Cw":null`, Cw: []int{3}},
	}
	for _, d := range defs {
		got, err := generateFontID(d)
		if err != nil {
			t.Fatal(err)
		}
		if want := upstreamFontID(d); got != want {
			t.Errorf("%s: id %s, want %s", d.Name, got, want)
		}
	}
}
