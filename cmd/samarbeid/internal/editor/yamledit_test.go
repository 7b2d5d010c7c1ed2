package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func samples(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../../../samples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	return files
}

// edit applies f to the form's value of data and renders the result.
func edit(t *testing.T, data []byte, f func(doc *yaml.Node)) []byte {
	t.Helper()
	tree, err := parseTree(data)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	toJSON(&b, tree)
	edited, err := fromJSON(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if f != nil {
		f(edited)
	}
	merge(tree.Content[0], edited)
	out, err := Render(data, tree)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// An untouched file is saved byte for byte as it was.
func TestRoundTripUntouched(t *testing.T) {
	for _, file := range samples(t) {
		data, _ := os.ReadFile(file)
		if out := edit(t, data, nil); !bytes.Equal(out, data) {
			t.Errorf("%s: saving without changes changed the file:\n%s", file, firstDiff(data, out))
		}
	}
}

// Changing one value changes only its line.
func TestEditOneValue(t *testing.T) {
	for _, file := range samples(t) {
		data, _ := os.ReadFile(file)
		out := edit(t, data, func(doc *yaml.Node) { field(doc, "municipality").Value = "Nyby kommune" })
		a, b := strings.Split(string(data), "\n"), strings.Split(string(out), "\n")
		if len(a) != len(b) {
			t.Errorf("%s: %d lines became %d:\n%s", file, len(a), len(b), firstDiff(data, out))
			continue
		}
		changed := 0
		for i := range a {
			if a[i] != b[i] {
				changed++
				if b[i] != "municipality: Nyby kommune" {
					t.Errorf("%s:%d: %q became %q", file, i+1, a[i], b[i])
				}
			}
		}
		if changed != 1 {
			t.Errorf("%s: %d lines changed, want 1", file, changed)
		}
	}
}

func firstDiff(a, b []byte) string {
	x, y := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(x), len(y)) {
		if x[i] != y[i] {
			return "line " + itoa(i+1) + ":\n- " + x[i] + "\n+ " + y[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string { return strconv.Itoa(i) }

// field is the value of key in the mapping m.
func field(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// Moving a list item keeps its text and comments with it; removing one
// removes only its lines.
func TestMoveAndRemove(t *testing.T) {
	for _, file := range samples(t) {
		data, _ := os.ReadFile(file)
		out := edit(t, data, func(doc *yaml.Node) {
			m := field(doc, "meetings")
			m.Content[0], m.Content[1] = m.Content[1], m.Content[0]
		})
		if a, b := Comments(data), Comments(out); !equalCounts(a, b) {
			t.Errorf("%s: moving a meeting changed the comments", file)
		}
		if len(out) != len(data) {
			t.Errorf("%s: moving a meeting changed the file's length from %d to %d", file, len(data), len(out))
		}
		out = edit(t, data, func(doc *yaml.Node) {
			m := field(doc, "meetings")
			m.Content = m.Content[1:]
		})
		orig := map[string]bool{}
		for _, l := range strings.Split(string(data), "\n") {
			orig[l] = true
		}
		for _, l := range strings.Split(string(out), "\n") {
			if !orig[l] {
				t.Errorf("%s: removing a meeting wrote the new line %q", file, l)
			}
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
