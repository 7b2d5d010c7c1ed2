package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"samarbeid/cmd/samarbeid/internal/outdir"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

func initCommand() *command {
	return &command{
		name:  "init",
		usage: "init [--type avtale|rutine] [--language nb|nn] [-o FIL] [--force]",
		short: "lager en startfil med forklaring på hvert felt",
		long: `Lager en startfil for en ny avtale, med en forklaring på norsk til hvert felt
og eksempelverdier («Eksempel kommune», «NAV Eksempel», «Navn Navnesen») som
du bytter ut. Filen følger direktoratenes liste over hva en avtale bør
inneholde, og består «samarbeid check» som den er.

  --type avtale   samarbeidsavtale, når introduksjonsprogrammet er organisert
                  utenfor NAV-kontoret (standard)
  --type rutine   samarbeidsrutine, når introduksjonsprogrammet er organisert
                  i NAV-kontoret
  --language nn   startfil på nynorsk, med forklaringer på nynorsk og
                  «language: nn», så dokumentene blir på nynorsk

Uten -o skrives filen til skjermen. Med -o FIL skrives den til FIL; en fil som
finnes fra før, blir ikke overskrevet uten --force.

Eksempel:
  samarbeid init -o avtale.yaml
  samarbeid schema > samarbeid.schema.json`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("type", "avtale", "lag en startfil av typen `TYPE`: avtale eller rutine")
			fs.String("language", lang.Default, "skriv startfilen på målformen `KODE`: nb (bokmål) eller nn (nynorsk)")
			fs.StringP("output", "o", "", "skriv startfilen til `FIL` i stedet for til skjermen")
			fs.Bool("force", false, "overskriv FIL hvis den finnes fra før")
		},
		run: runInit,
	}
}

func runInit(e env, flags *pflag.FlagSet, args []string) int {
	if len(args) != 0 {
		return usageError(e, "init", "init tar ingen filnavn; skriv «samarbeid init -o %s»", args[0])
	}
	kind, _ := flags.GetString("type")
	out, _ := flags.GetString("output")
	force, _ := flags.GetBool("force")
	if kind != "avtale" && kind != "rutine" {
		return usageError(e, "init", "--type %s finnes ikke; skriv --type avtale eller --type rutine", kind)
	}
	code, _ := flags.GetString("language")
	if !slices.Contains(lang.Codes, code) {
		return usageError(e, "init", "--language %s finnes ikke; skriv --language %s", code, strings.Join(lang.Codes, " eller --language "))
	}
	data, err := starter(kind, code, starterYear(e.now()))
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid init: %v\n", err)
		return exitBad
	}
	if out == "" {
		e.stdout.Write(data)
		return exitOK
	}
	if !force {
		if _, err := os.Stat(out); err == nil {
			return usageError(e, "init", "%s finnes fra før og blir ikke overskrevet; velg et annet filnavn, eller skriv --force for å overskrive den", out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(e.stderr, "samarbeid init: kan ikke sjekke %s: %v\n", out, err)
			return exitBad
		}
	}
	if err := outdir.WriteFile(out, data); err != nil {
		fmt.Fprintf(e.stderr, "samarbeid init: %v\n", err)
		return exitBad
	}
	fmt.Fprintf(e.stdout, "Skrev startfilen %s. Bytt ut eksempelverdiene, og kontroller filen med «samarbeid check %s».\n", model.Escape(out), model.Escape(out))
	return exitOK
}

// starterYear is the year a starter file written at now plans for: this
// year, or the next one when it is written in the last quarter, when the
// plan for the year that is ending comes too late.
func starterYear(now time.Time) int {
	if now.Month() >= time.October {
		return now.Year() + 1
	}
	return now.Year()
}

// starterYearLine is the line of the starter files that holds the plan's year.
var starterYearLine = regexp.MustCompile(`(?m)^  year: \d{4} `)

// starter is the built-in starter file of the given type in the language
// code (the pack names the file), its year plan for year.
func starter(kind, code string, year int) ([]byte, error) {
	name := lang.Builtin(code).T("meta.init_" + kind)
	data, err := fs.ReadFile(templates.Files, name)
	if err != nil {
		return nil, fmt.Errorf("startfilen %s finnes ikke ennå: %w", name, err)
	}
	if !starterYearLine.Match(data) {
		return nil, fmt.Errorf("startfilen %s mangler linjen «  year: ÅÅÅÅ»", name)
	}
	return starterYearLine.ReplaceAll(data, []byte(fmt.Sprintf("  year: %d ", year))), nil
}
