// Not upstream: cutting a subset must leave the font's bytes alone, since
// a parsed font is shared by every document of a process.

package fpdf

import (
	"bytes"
	"os"
	"testing"
)

// TestGetMetricsLeavesFontBytes reads the metrics of a glyph past the
// long horizontal metrics (as in a monospaced font, which has few), the
// path where upstream wrote into the font's bytes.
func TestGetMetricsLeavesFontBytes(t *testing.T) {
	data, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	orig := append([]byte(nil), data...)
	font, err := ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	utf := &utf8FontFile{fileReader: &fileReader{array: data}, tableDescriptions: font.cut.tables}
	const metricCount = 10
	got := utf.getMetrics(metricCount, 20)
	hmtx := font.cut.tables["hmtx"].position
	want := append(append([]byte(nil), orig[hmtx+4*(metricCount-1):][:2]...), orig[hmtx+4*metricCount+2*(20-metricCount):][:2]...)
	if !bytes.Equal(got, want) {
		t.Errorf("metrics % x, want % x", got, want)
	}
	if !bytes.Equal(data, orig) {
		t.Error("reading the metrics changed the font's bytes")
	}
}
