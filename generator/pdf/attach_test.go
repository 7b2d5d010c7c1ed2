package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// An attachment made Later gives the same PDF as one given at once, and
// its error is the render's.
func TestAttachmentLater(t *testing.T) {
	md := sampleMarkdown(t)
	now, err := Render(md, sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc()
	content := doc.Attachments[0].Content
	doc.Attachments[0].Content = nil
	doc.Attachments[0].Later = func() ([]byte, error) { return content, nil }
	later, err := Render(md, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(now, later) {
		t.Error("the PDF with an attachment made later differs from the one with the attachment given at once")
	}

	doc.Attachments[0].Later = func() ([]byte, error) { return nil, errors.New("kildefilen kunne ikke leses") }
	if _, err := Render(md, doc); err == nil || !strings.Contains(err.Error(), "kildefilen kunne ikke leses") {
		t.Errorf("Render with a failing attachment: got %v, want its error", err)
	}
}
