package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffSameFileIsNoChange(t *testing.T) {
	code, out, errOut := call(t, "diff", kristiansand, kristiansand)
	if code != exitOK || !strings.Contains(out, "Ingen endringer") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestDiffFindsRenamedMeeting(t *testing.T) {
	data, err := os.ReadFile(kristiansand)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.Contains(text, "name: Trekantsamtaler") {
		t.Fatal("the sample has no meeting «Trekantsamtaler»")
	}
	renamed := filepath.Join(t.TempDir(), "ny.yaml")
	if err := os.WriteFile(renamed, []byte(strings.Replace(text, "name: Trekantsamtaler", "name: Trepartssamtaler", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := call(t, "diff", kristiansand, renamed)
	if code != exitRefused || !strings.Contains(out, "Trepartssamtaler") || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, md, _ := call(t, "diff", "--format", "md", kristiansand, renamed)
	if code != exitRefused || !strings.Contains(md, "### Møter") || !strings.Contains(md, "- Møtet Trekantsamtaler har fått nytt navn: Trepartssamtaler") {
		t.Errorf("Markdown: exit %d:\n%s", code, md)
	}
}

func TestDiffBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "feil.yaml")
	if err := os.WriteFile(bad, []byte("title: T\nmunicipality: K\nversion: \"1\"\npartis: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"diff", kristiansand}, "oppgi to avtalefiler"},
		{[]string{"diff", kristiansand, kristiansand, kristiansand}, "oppgi to avtalefiler"},
		{[]string{"diff", "--format", "html", kristiansand, kristiansand}, "--format html finnes ikke"},
		{[]string{"diff", kristiansand, filepath.Join(dir, "finnes-ikke.yaml")}, "filen finnes ikke"},
		{[]string{"diff", bad, kristiansand}, "feil.yaml:4:1: ukjent felt «partis»"},
	}
	for _, c := range cases {
		code, out, errOut := call(t, c.args...)
		if code != exitBad || !strings.Contains(errOut, c.want) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.args, code, out, errOut)
		}
	}
}
