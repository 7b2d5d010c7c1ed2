package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"samarbeid/generator/content"
	"samarbeid/generator/model"
)

func TestInitStartersPassCheck(t *testing.T) {
	for _, kind := range []string{"avtale", "rutine"} {
		code, out, errOut := call(t, "init", "--type", kind)
		if code != exitOK || errOut != "" {
			t.Fatalf("%s: exit %d, stderr %q", kind, code, errOut)
		}
		lines := strings.SplitN(out, "\n", 3)
		if lines[0] != "# yaml-language-server: $schema=samarbeid.schema.json" || !strings.Contains(lines[1], "samarbeid schema > samarbeid.schema.json") {
			t.Errorf("%s: the first lines should point at the schema and say how to make it:\n%s\n%s", kind, lines[0], lines[1])
		}
		a, diags := model.Load(kind+".yaml", []byte(out))
		if a == nil || len(diags) > 0 {
			t.Fatalf("%s: the starter does not load cleanly:\n%v", kind, diags)
		}
		if string(a.Type) != kind {
			t.Errorf("%s: type is %s", kind, a.Type)
		}
		if r := content.Check(kind+".yaml", a); r.MissingRequired() {
			t.Errorf("%s: the content check finds something missing:\n%s", kind, r.Text())
		}
		for _, placeholder := range []string{"Eksempel kommune", "NAV Eksempel", "Navn Navnesen"} {
			if !strings.Contains(out, placeholder) {
				t.Errorf("%s: no placeholder «%s»", kind, placeholder)
			}
		}
		for _, missing := range uncommented([]byte(out)) {
			t.Errorf("%s: the field %s has no comment that explains it", kind, missing)
		}
	}
}

// uncommented lists the fields whose first occurrence in the file has no
// comment: above it, after it on the line, or above the list item or block
// it opens.
func uncommented(data []byte) []string {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []string{err.Error()}
	}
	var missing []string
	seen := map[string]bool{}
	var walk func(n *yaml.Node, path, inherited string)
	walk = func(n *yaml.Node, path, inherited string) {
		switch n.Kind {
		case yaml.DocumentNode:
			walk(n.Content[0], path, n.HeadComment)
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, path+"[]", "")
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := path + "." + k.Value
				comment := k.HeadComment + k.LineComment + v.LineComment
				if i == 0 {
					comment += n.HeadComment + inherited
				}
				if !seen[p] {
					seen[p] = true
					if strings.TrimSpace(comment) == "" {
						missing = append(missing, fmt.Sprintf("%s (linje %d)", strings.TrimPrefix(p, "."), k.Line))
					}
				}
				walk(v, p, "")
			}
		}
	}
	walk(&doc, "", "")
	return missing
}

func TestInitWritesAFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "avtale.yaml")
	code, out, errOut := call(t, "init", "-o", name)
	if code != exitOK || !strings.Contains(out, name) || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	first, _ := os.ReadFile(name)
	code, _, errOut = call(t, "init", "--type", "rutine", "-o", name)
	if code != exitBad || !strings.Contains(errOut, "finnes fra før") || !strings.Contains(errOut, "--force") {
		t.Errorf("overwrite without --force: exit %d, stderr %q", code, errOut)
	}
	if now, _ := os.ReadFile(name); string(now) != string(first) {
		t.Error("the file was changed without --force")
	}
	code, _, errOut = call(t, "init", "--type", "rutine", "-o", name, "--force")
	if now, _ := os.ReadFile(name); code != exitOK || !strings.Contains(string(now), "type: rutine") {
		t.Errorf("--force: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := call(t, "check", name); code != exitOK {
		t.Errorf("check of the written starter: exit %d", code)
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestInitUsage(t *testing.T) {
	for _, args := range [][]string{{"init", "--type", "kontrakt"}, {"init", "avtale.yaml"}} {
		code, out, errOut := call(t, args...)
		if code != exitBad || out != "" || !strings.Contains(errOut, "samarbeid init:") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

func TestInitPlansNextYearInTheLastQuarter(t *testing.T) {
	for _, tt := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, time.September, 30, 23, 0, 0, 0, time.UTC), "  year: 2026 "},
		{time.Date(2026, time.October, 1, 8, 0, 0, 0, time.UTC), "  year: 2027 "},
		{time.Date(2026, time.November, 25, 12, 0, 0, 0, time.UTC), "  year: 2027 "},
	} {
		var out, errOut bytes.Buffer
		e := env{ctx: context.Background(), stdout: &out, stderr: &errOut, now: func() time.Time { return tt.now }}
		if code := initCommand().exec(e, nil); code != exitOK {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		if !strings.Contains(out.String(), "\n"+tt.want) {
			t.Errorf("written %s: the starter lacks %q", tt.now.Format("2006-01-02"), tt.want)
		}
	}
}

// TestInitNynorsk: «init --language nn» writes a nynorsk starter whose
// comments are nynorsk, which loads cleanly, asks for nynorsk documents and
// passes the content check.
func TestInitNynorsk(t *testing.T) {
	for _, kind := range []string{"avtale", "rutine"} {
		t.Run(kind, func(t *testing.T) { initNynorsk(t, kind) })
	}
	if code, _, errOut := call(t, "init", "--language", "sv"); code != exitBad || !strings.Contains(errOut, "--language nn") {
		t.Errorf("an unknown language: exit %d, %q", code, errOut)
	}
}

func initNynorsk(t *testing.T, kind string) {
	code, out, errOut := call(t, "init", "--type", kind, "--language", "nn")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	a, diags := model.Load("avtale.yaml", []byte(out))
	if a == nil || len(diags) > 0 {
		t.Fatalf("the nynorsk starter does not load cleanly:\n%v", diags)
	}
	if a.Language != "nn" || string(a.Type) != kind {
		t.Errorf("language %q, type %q; want nn, %s", a.Language, a.Type, kind)
	}
	if r := content.Check("avtale.yaml", a); r.MissingRequired() {
		t.Errorf("the content check finds something missing:\n%s", r.Text())
	}
	for _, line := range strings.Split(out, "\n") {
		comment, ok := strings.CutPrefix(strings.TrimSpace(line), "# ")
		if !ok {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(comment)) {
			switch strings.Trim(w, ".,:;()«»") {
			case "ikke", "hver", "hvert", "hvis", "noen", "deltakere", "veileder", "enheten", "hvor", "hva", "hvem":
				t.Errorf("a bokmål comment in the nynorsk starter: %s", line)
			}
		}
	}
}
