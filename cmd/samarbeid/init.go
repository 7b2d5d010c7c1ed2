package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/pflag"

	"samarbeid/cmd/samarbeid/internal/outdir"
	"samarbeid/templates"
)

func initCommand() *command {
	return &command{
		name:  "init",
		usage: "init [--type avtale|rutine] [-o FIL] [--force]",
		short: "lager en startfil med forklaring på hvert felt",
		long: `Lager en startfil for en ny avtale, med en forklaring på norsk til hvert felt
og eksempelverdier («Eksempel kommune», «NAV Eksempel», «Navn Navnesen») som
du bytter ut. Filen følger direktoratenes liste over hva en avtale bør
inneholde, og består «samarbeid check» som den er.

  --type avtale   samarbeidsavtale, når introduksjonsprogrammet er organisert
                  utenfor NAV-kontoret (standard)
  --type rutine   samarbeidsrutine, når introduksjonsprogrammet er organisert
                  i NAV-kontoret

Uten -o skrives filen til skjermen. Med -o FIL skrives den til FIL; en fil som
finnes fra før, blir ikke overskrevet uten --force.

Eksempel:
  samarbeid init -o avtale.yaml
  samarbeid schema > samarbeid.schema.json`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("type", "avtale", "lag en startfil av typen `TYPE`: avtale eller rutine")
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
	data, err := starter(kind)
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
	fmt.Fprintf(e.stdout, "Skrev startfilen %s. Bytt ut eksempelverdiene, og kontroller filen med «samarbeid check %s».\n", out, out)
	return exitOK
}

// starter is the built-in starter file of the given type.
func starter(kind string) ([]byte, error) {
	return fs.ReadFile(templates.Files, "init-"+kind+".yaml")
}
