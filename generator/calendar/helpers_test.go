package calendar

import (
	"os"
	"testing"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
)

func loadFixture(t *testing.T, path string) *model.Agreement {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, diags := model.Load(path, data)
	if a == nil {
		t.Fatalf("%s does not load:\n%v", path, diags)
	}
	return a
}

// nb is the bokmål pack the tests read the plan's words in.
func nb() *lang.Pack { return lang.Builtin(lang.Default) }
