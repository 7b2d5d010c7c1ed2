package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"samarbeid/cmd/samarbeid/internal/outdir"
	"samarbeid/generator"
	"samarbeid/generator/model"
)

func calendarCommand() *command {
	return &command{
		name:  "calendar",
		usage: "calendar FIL [--year ÅR] [-o FIL] [--templates MAPPE]",
		short: "skriver årets møter som kalenderfil (iCalendar)",
		long: `Regner ut datoene for årets møter fra hyppigheten i avtalefilen FIL – flyttet
bort fra helligdager og fra feriene filen nevner – og skriver dem som en
iCalendar-fil (.ics) som Outlook, Teams og Google Kalender kan importere.
Møter «ved behov» får ingen datoer.

Uten -o skrives kalenderen til standard ut.`,
		flags: func(fs *pflag.FlagSet) {
			fs.Int("year", 0, "lag kalenderen for `ÅR` (standard: samme år som generate bruker, calendar.year i filen)")
			fs.StringP("output", "o", "", "skriv kalenderen til `FIL`")
			fs.String("templates", "", "bruk egne språkpakker (lang/nb.yaml, lang/nn.yaml) fra `MAPPE` i stedet for de innebygde")
		},
		run: runCalendar,
	}
}

func runCalendar(e env, fs *pflag.FlagSet, args []string) int {
	if len(args) != 1 {
		return usageError(e, "calendar", "oppgi én avtalefil, for eksempel «samarbeid calendar avtale.yaml --year 2027 -o møter.ics»")
	}
	out, _ := fs.GetString("output")
	year, ok := yearFlag(e, "calendar", fs)
	if !ok {
		return exitBad
	}
	tmpl, ok := templatesDir(e, "calendar", fs)
	if !ok {
		return exitBad
	}
	in, err := readInput(args[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitBad
	}
	opt := generator.Options{Templates: tmpl, Year: year}
	a, _, err := generator.LoadWith(in, opt)
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	plan, ics, err := generator.Calendar(a, opt)
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: %v\n", in.File, err)
		return exitBad
	}
	if out == "" {
		e.stdout.Write(ics)
		return exitOK
	}
	if err := outdir.WriteFile(out, ics); err != nil {
		fmt.Fprintf(e.stderr, "samarbeid calendar: %v\n", err)
		return exitBad
	}
	fmt.Fprintf(e.stdout, "Skrev %d møter for %d i %s.\n", plan.Count(), plan.Year, model.Escape(out))
	return exitOK
}
