package pdf

import (
	"reflect"
	"regexp"
	"testing"
)

// TestObjectStarts: objectStarts finds what the regular expression it
// replaces finds, in a whole PDF (binary streams included) and in edge
// cases.
func TestObjectStarts(t *testing.T) {
	objStart := regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)
	out, err := Render(sampleMarkdown(t), sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	cases := [][]byte{
		out,
		[]byte("12 0 obj\n<<>>\nendobj\nx13 0 obj\n 0 obj\n\n14 0 obj\n0 obj\n7 0 obj\n7 0 obj\n1 0 obj"),
		[]byte(" 0 obj\n"),
		nil,
	}
	for i, c := range cases {
		got, want := objectStarts(c), objStart.FindAllSubmatchIndex(c, -1)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("case %d: got %v, want %v", i, got, want)
		}
	}
	if n := len(objectStarts(out)); n < 20 {
		t.Errorf("found %d objects in a whole PDF", n)
	}
}
