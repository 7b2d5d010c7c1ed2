package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	code, out, errOut := call(t, "schema")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" || s["additionalProperties"] != false {
		t.Errorf("$schema %v, additionalProperties %v", s["$schema"], s["additionalProperties"])
	}
	_, again, _ := call(t, "schema")
	if again != out {
		t.Error("two runs gave different output")
	}
	code, _, errOut = call(t, "schema", "fil.json")
	if code != exitBad || !strings.Contains(errOut, "samarbeid schema > samarbeid.schema.json") {
		t.Errorf("with an argument: exit %d, stderr %q", code, errOut)
	}
	code, help, _ := call(t, "schema", "--help")
	if code != exitOK || !strings.Contains(help, "# yaml-language-server: $schema=samarbeid.schema.json") {
		t.Errorf("help: exit %d:\n%s", code, help)
	}
}
