package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"samarbeid/cmd/samarbeid/internal/outdir"
	"samarbeid/generator"
	"samarbeid/generator/model"
)

// readInput reads the agreement file named on the command line, at most
// model.MaxFileBytes of it, so a wrong file (or /dev/zero) is refused
// rather than read for ever.
func readInput(name string) (generator.Input, error) {
	shown := model.Escape(name)
	f, err := os.Open(name)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return generator.Input{}, fmt.Errorf("%s: filen finnes ikke; sjekk navnet og mappen", shown)
		case errors.Is(err, fs.ErrPermission):
			return generator.Input{}, fmt.Errorf("%s: har ikke tilgang til å lese filen", shown)
		}
		return generator.Input{}, fmt.Errorf("%s: kan ikke lese filen: %s", shown, outdir.Reason(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return generator.Input{}, fmt.Errorf("%s: er en mappe; oppgi YAML-filen med avtalen", shown)
	}
	data, err := io.ReadAll(io.LimitReader(f, model.MaxFileBytes+1))
	if err != nil {
		return generator.Input{}, fmt.Errorf("%s: kan ikke lese filen: %s", shown, outdir.Reason(err))
	}
	if len(data) > model.MaxFileBytes {
		return generator.Input{}, fmt.Errorf("%s: filen er større enn %d kB, grensen for en avtalefil (en avtale er sjelden over 100 kB); sjekk at det er riktig fil", shown, model.MaxFileBytes/1024)
	}
	return generator.Input{File: name, Data: data, Dir: outdir.Folder(filepath.Dir(name))}, nil
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

// writeBundle replaces the folder dir with the bundle all at once, and
// says which files of the previous bundle it removed or kept.
func writeBundle(e env, dir string, files []generator.File) error {
	out := make([]outdir.File, len(files))
	for i, f := range files {
		out[i] = outdir.File{Path: f.Path, Data: f.Data}
	}
	res, err := outdir.Write(dir, out, outdir.Options{
		Wait: time.Minute,
		Waiting: func() {
			fmt.Fprintf(e.stderr, "samarbeid generate: venter på en annen «samarbeid generate» som skriver til %s …\n", dir)
		},
	})
	if err != nil {
		return err
	}
	for _, p := range res.Removed {
		fmt.Fprintf(e.stdout, "Fjernet %s, som ikke lenger hører til pakken.\n", model.Escape(filepath.Join(dir, filepath.FromSlash(p))))
	}
	for _, p := range res.Kept {
		fmt.Fprintf(e.stderr, "samarbeid generate: advarsel: %s hører ikke lenger til pakken, men er endret etter at samarbeid skrev den, og er beholdt; slett den selv om den ikke trengs\n", filepath.Join(dir, filepath.FromSlash(p)))
	}
	return nil
}

// templatesDir checks that --templates names a folder.
func templatesDir(e env, command string, fs *pflag.FlagSet) (dir string, ok bool) {
	dir, _ = fs.GetString("templates")
	if dir == "" {
		return "", true
	}
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		usageError(e, command, "--templates %s: %s; oppgi mappen med dine egne maler", dir, outdir.Reason(err))
		return "", false
	case !info.IsDir():
		usageError(e, command, "--templates %s: er en fil; oppgi mappen med dine egne maler", dir)
		return "", false
	}
	return dir, true
}

// yearFlag is --year, checked against the years the documents can have;
// 0 when not given, meaning «take it from the file».
func yearFlag(e env, command string, fs *pflag.FlagSet) (year int, ok bool) {
	year, _ = fs.GetInt("year")
	if fs.Changed("year") && !model.ValidYear(year) {
		usageError(e, command, "--year %d går ikke; skriv et år fra %d til %d, for eksempel --year 2027", year, model.MinYear, model.MaxYear)
		return 0, false
	}
	return year, true
}
