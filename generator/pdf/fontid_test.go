package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestFontIDs fails when a face's kept font ID is not the one fpdf
// computes for it, for instance after a font file was replaced; it prints
// the IDs to write into faceFiles.
func TestFontIDs(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var wrong []string
	for id, f := range fs {
		font, err := fpdf.ParseUTF8Font(f.data)
		if err != nil {
			t.Fatal(err)
		}
		if want := font.ID(f.family, f.style); f.id != want {
			wrong = append(wrong, fmt.Sprintf("%s (%d): id: %q", f.file, id, want))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("the kept font IDs are not fpdf's; write these into faceFiles:\n%s", strings.Join(wrong, "\n"))
	}
}
