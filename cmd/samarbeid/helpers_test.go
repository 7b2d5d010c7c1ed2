package main

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// files lists the regular files under dir, with their content.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func generateInto(t *testing.T, file, dir string) map[string]string {
	t.Helper()
	if code, _, errOut := call(t, "generate", file, "-o", dir); code != exitOK {
		t.Fatalf("generate %s: exit %d: %s", file, code, errOut)
	}
	return files(t, dir)
}

func without(m map[string]string) map[string]string {
	out := maps.Clone(m)
	delete(out, ".samarbeid-filer.sha256")
	return out
}
