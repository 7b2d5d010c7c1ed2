package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// call runs the command line as a user would and returns the exit code and
// what it printed.
func call(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

const kristiansand = "../../samples/kristiansand.yaml"

func TestHelpIsNorwegian(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"generate", "--help"}, {"check", "-h"}, {"calendar", "--help"}, {"help", "diff"}} {
		code, out, _ := call(t, args...)
		if code != exitOK || !strings.Contains(out, "Bruk:") {
			t.Errorf("%v: exit %d, output:\n%s", args, code, out)
		}
		if strings.Contains(out, "(default") || strings.Contains(out, "Usage") {
			t.Errorf("%v: English in the help:\n%s", args, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{},
		{"lag"},
		{"generate"},
		{"generate", kristiansand, "--fargerik"},
		{"check", "a.yaml", "b.yaml"},
		{"calendar", kristiansand, "--year", "tjue"},
	}
	for _, args := range cases {
		code, _, errOut := call(t, args...)
		if code != exitBad || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	_, _, errOut := call(t, "genrate", "x")
	if !strings.Contains(errOut, "ukjent kommando «genrate»") {
		t.Errorf("unknown command: %s", errOut)
	}
}

func TestGenerateWritesTheBundle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ut")
	code, out, errOut := call(t, "generate", kristiansand, "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Skrev") {
		t.Errorf("stdout: %s", out)
	}
	for _, name := range []string{"samarbeidsavtale.md", "samarbeidsavtale.pdf", "arshjul.md", "arshjul.pdf", "arshjul.ics", "innholdskontroll.md"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestBadInputWritesNothing: a misspelt key on a nested line, broken YAML
// and an empty file each give FILE:LINE:COL, exit 2, and no files.
func TestBadInputWritesNothing(t *testing.T) {
	good, err := os.ReadFile(kristiansand)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, data, want string
	}{
		{"misspelt nested key", strings.Replace(string(good), "    convener: kommunalsjef-hi", "    convenor: kommunalsjef-hi", 1),
			`avtale.yaml:\d+:5: ukjent felt «convenor» – mente du «convener»\?`},
		{"broken YAML", strings.Replace(string(good), "title: Samarbeidsavtale", "title: \"Samarbeidsavtale", 1),
			`avtale.yaml:\d+:\d+: ugyldig YAML`},
		{"empty file", "", `avtale.yaml:1:1: filen er tom`},
		{"unknown checklist item", string(good) + "checklists:\n  changes:\n    - item: kompetansekartleging\n      off: true\n",
			`avtale.yaml:\d+:13: «item: kompetansekartleging» er ikke et innebygd sjekklistepunkt – mente du «kompetansekartlegging»\?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			in := filepath.Join(tmp, "avtale.yaml")
			os.WriteFile(in, []byte(c.data), 0o644)
			out := filepath.Join(tmp, "ut")
			code, _, errOut := call(t, "generate", in, "-o", out)
			if code != exitBad {
				t.Errorf("exit %d", code)
			}
			if !regexp.MustCompile(c.want).MatchString(errOut) {
				t.Errorf("stderr lacks %s:\n%s", c.want, errOut)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("generate wrote %s on bad input", out)
			}
			if code, _, _ := call(t, "check", in); code != exitBad {
				t.Errorf("check: exit %d", code)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	code, out, errOut := call(t, "check", kristiansand)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, point := range []string{"Kontaktpersoner", "Ansvar og forpliktelser", "Felles mål", "Samarbeid og møtehyppighet",
		"utveksling av informasjon", "Overganger", "evaluering", "Underskrevet av ledere", "Møte på ledernivå"} {
		if !strings.Contains(out, point) {
			t.Errorf("the report does not speak to %q", point)
		}
	}
	// Kristiansand's real agreement names no contact at NAV: --strict refuses it.
	if code, _, _ := call(t, "check", "--strict", kristiansand); code != exitRefused {
		t.Errorf("--strict on a file lacking a required point: exit %d, want 1", code)
	}
}

func TestCalendar(t *testing.T) {
	file := filepath.Join(t.TempDir(), "k.ics")
	code, _, errOut := call(t, "calendar", kristiansand, "--year", "2027", "-o", file)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	ics, _ := os.ReadFile(file)
	text := string(ics)
	if !strings.HasPrefix(text, "BEGIN:VCALENDAR\r\n") {
		t.Error("does not start with BEGIN:VCALENDAR")
	}
	if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("a line does not end with CRLF")
	}
	uids := map[string]bool{}
	for _, ev := range strings.Split(text, "BEGIN:VEVENT\r\n")[1:] {
		unfolded := strings.ReplaceAll(ev, "\r\n ", "")
		for _, prop := range []string{"\r\nUID:", "\r\nDTSTART", ":2027", "\r\nDTSTAMP:", "\r\nSUMMARY:"} {
			if !strings.Contains("\r\n"+unfolded, prop) {
				t.Errorf("an event lacks %q", strings.TrimSpace(prop))
			}
		}
		uid := regexp.MustCompile(`\r\nUID:([^\r]*)`).FindStringSubmatch("\r\n" + unfolded)
		if uid != nil {
			if uids[uid[1]] {
				t.Errorf("UID %s repeats", uid[1])
			}
			uids[uid[1]] = true
		}
	}
	if len(uids) < 10 {
		t.Errorf("only %d events", len(uids))
	}
	for _, line := range strings.Split(text, "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
	}
	_, again, _ := call(t, "calendar", kristiansand, "--year", "2027")
	if again != text {
		t.Error("two runs differ")
	}
}

// TestGenerateAgreementOnly: --kun-avtale writes the agreement's files and
// nothing else, each the same as in the whole bundle.
func TestGenerateAgreementOnly(t *testing.T) {
	whole := generateInto(t, kristiansand, filepath.Join(t.TempDir(), "hele"))
	dir := filepath.Join(t.TempDir(), "avtalen")
	code, out, errOut := call(t, "generate", kristiansand, "--kun-avtale", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := files(t, dir)
	want := []string{"samarbeidsavtale.html", "samarbeidsavtale.md", "samarbeidsavtale.pdf"}
	for _, name := range want {
		if got[name] == "" || got[name] != whole[name] {
			t.Errorf("%s differs from the whole bundle's (%d bytes, want %d)", name, len(got[name]), len(whole[name]))
		}
	}
	delete(got, ".samarbeid-filer.sha256")
	if len(got) != len(want) {
		t.Errorf("wrote %d files, want %v", len(got), want)
	}
	if !strings.Contains(out, "Skrev 3 filer") {
		t.Errorf("stdout: %s", out)
	}
}

// TestCalendarOtherYearKeepsBreaks writes the starter file as in spring
// 2026 and asks for 2028: nothing lands in the starter's breaks or on a
// public holiday of 2028.
func TestCalendarOtherYearKeepsBreaks(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "avtale.yaml")
	var out, errOut bytes.Buffer
	e := env{ctx: context.Background(), stdout: &out, stderr: &errOut, now: func() time.Time { return time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC) }}
	if code := initCommand().exec(e, []string{"-o", file}); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, errOut.String())
	}
	data, _ := os.ReadFile(file)
	// A weekly and a monthly meeting put a date in every week and month.
	text := strings.Replace(string(data), "frequency: halvårlig (vår og høst)", "frequency: hver uke", 1)
	os.WriteFile(file, []byte(text), 0o644)
	code, ics, stderr := call(t, "calendar", file, "--year", "2028")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Public holidays of 2028, julaften and nyttårsaften; Easter is 16 April.
	off := map[string]bool{"0101": true, "0409": true, "0413": true, "0414": true, "0416": true, "0417": true,
		"0501": true, "0517": true, "0525": true, "0604": true, "0605": true, "1224": true, "1225": true, "1226": true, "1231": true}
	n := 0
	for _, ev := range strings.Split(ics, "BEGIN:VEVENT")[1:] {
		m := regexp.MustCompile(`DTSTART[^:]*:(\d{8})`).FindStringSubmatch(ev)
		if m == nil || strings.Contains(ev, "STATUS:CANCELLED") {
			continue
		}
		d, _ := time.Parse("20060102", m[1])
		_, week := d.ISOWeek()
		md := d.Format("0102")
		n++
		switch {
		case d.Year() != 2028:
			t.Errorf("%s is not in 2028", m[1])
		case off[md]:
			t.Errorf("a meeting on the holiday %s", m[1])
		case week == 9 || (week >= 28 && week <= 31):
			t.Errorf("a meeting on %s, in week %d (a break)", m[1], week)
		case md >= "1223" || (md >= "0410" && md <= "0417"):
			t.Errorf("a meeting on %s, in the Christmas or Easter break", m[1])
		}
	}
	if n < 40 {
		t.Errorf("only %d meetings in 2028", n)
	}
}

// TestCalendarTakesGeneratesYear: a file without calendar.year that
// generate accepts is accepted by calendar too, for the same year.
func TestCalendarTakesGeneratesYear(t *testing.T) {
	data, err := os.ReadFile(kristiansand)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "  year: 2027\n", "", 1)
	if text == string(data) {
		t.Fatal("the sample has no «  year: 2027» line to remove")
	}
	file := filepath.Join(t.TempDir(), "uten-aar.yaml")
	os.WriteFile(file, []byte(text), 0o644)
	code, ics, stderr := call(t, "calendar", file)
	if code != exitOK {
		t.Fatalf("calendar refuses a file generate accepts: exit %d: %s", code, stderr)
	}
	dir := filepath.Join(t.TempDir(), "ut")
	if code, _, stderr := call(t, "generate", file, "-o", dir); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "arshjul.md"))
	name := regexp.MustCompile(`X-WR-CALNAME:Årshjul (\d{4})`).FindStringSubmatch(ics)
	if name == nil || !strings.HasPrefix(string(md), "# Årshjul "+name[1]) {
		t.Errorf("calendar and generate chose different years: %v and %.20q", name, md)
	}
}
