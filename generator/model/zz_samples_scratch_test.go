package model

import (
	"os"
	"testing"
)

func TestZZScratchSamples(t *testing.T) {
	for _, f := range []string{"../../samples/afjord.yaml", "../../samples/andoy.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Log(err)
			continue
		}
		a, diags := Load(f, data)
		for _, d := range diags {
			t.Log(d.String())
		}
		if a != nil {
			t.Logf("%s: OK, %d meetings, %d routines", f, len(a.Meetings), len(a.Routines))
		}
	}
}
