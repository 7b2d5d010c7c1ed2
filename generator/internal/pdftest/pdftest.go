// Package pdftest reads PDFs back with real readers (poppler-utils and qpdf)
// for tests. On CI a missing tool fails the test; elsewhere it skips it.
package pdftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Tool returns the path of a PDF tool, failing on CI and skipping elsewhere
// when it is not installed.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s mangler: installer poppler-utils og qpdf", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// Run runs a tool and returns its standard output.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(Tool(t, name), args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// Write puts data in a temporary file and returns its path.
func Write(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Pages is the text of each page, as pdftotext -layout extracts it.
func Pages(t testing.TB, path string) []string {
	t.Helper()
	text := Run(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(text, "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// PageOf is the 1-based page whose text contains s, or 0.
func PageOf(pages []string, s string) int {
	for i, p := range pages {
		if strings.Contains(p, s) {
			return i + 1
		}
	}
	return 0
}

// Info is pdfinfo's field, e.g. "Title" or "Pages".
func Info(t testing.TB, path, field string) string {
	t.Helper()
	for _, line := range strings.Split(Run(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && k == field {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// NumPages is the page count pdfinfo reports.
func NumPages(t testing.TB, path string) int {
	t.Helper()
	n, err := strconv.Atoi(Info(t, path, "Pages"))
	if err != nil {
		t.Fatalf("pdfinfo gives no page count for %s", path)
	}
	return n
}
