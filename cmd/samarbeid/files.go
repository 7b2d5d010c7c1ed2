package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"samarbeid/generator"
	"samarbeid/generator/model"
)

// readInput reads the agreement file named on the command line.
func readInput(name string) (generator.Input, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return generator.Input{}, fmt.Errorf("%s: filen finnes ikke; sjekk navnet og mappen", name)
		case errors.Is(err, fs.ErrPermission):
			return generator.Input{}, fmt.Errorf("%s: har ikke tilgang til å lese filen", name)
		}
		if info, statErr := os.Stat(name); statErr == nil && info.IsDir() {
			return generator.Input{}, fmt.Errorf("%s: er en mappe; oppgi YAML-filen med avtalen", name)
		}
		return generator.Input{}, fmt.Errorf("%s: kan ikke lese filen: %v", name, err)
	}
	return generator.Input{File: name, Data: data}, nil
}

// printDiagnostics writes diagnostics one per line, or err as it is.
func printDiagnostics(e env, err error) {
	var diags model.Diagnostics
	if errors.As(err, &diags) {
		for _, d := range diags {
			fmt.Fprintln(e.stderr, d.String())
		}
		return
	}
	fmt.Fprintf(e.stderr, "samarbeid: %v\n", err)
}

// writeBundle writes every file of the bundle under dir. Each file goes to
// a temporary file in its own folder first and is renamed into place, so a
// reader never sees half a file.
func writeBundle(dir string, files []generator.File) error {
	for _, f := range files {
		if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(f.Path)), f.Data); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("kan ikke lage mappen %s: %v", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return fmt.Errorf("kan ikke skrive i mappen %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("kan ikke skrive %s: %v", name, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("kan ikke skrive %s: %v", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("kan ikke skrive %s: %v", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("kan ikke skrive %s: %v", name, err)
	}
	return nil
}

// checkYear refuses a --year that is not a plausible year; 0 means «take it
// from the file».
func checkYear(e env, command string, year int) (ok bool) {
	if year != 0 && (year < 1900 || year > 2200) {
		usageError(e, command, "--year %d er ikke et gyldig år; skriv et årstall, for eksempel --year 2027", year)
		return false
	}
	return true
}
