package main

import (
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"samarbeid/generator"
	"samarbeid/generator/content"
	"samarbeid/generator/model"
)

func checkCommand() *command {
	return &command{
		name:  "check",
		usage: "check FIL [--strict]",
		short: "kontrollerer filen og innholdet mot direktoratenes liste",
		long: `Kontrollerer avtalefilen FIL: skrivefeil i feltnavn, verdier som mangler,
ugyldige datoer og hyppigheter, og id-er som ikke finnes. Hver feil vises på
én linje som FIL:LINJE:KOLONNE: melding.

Deretter vises innholdskontrollen: for hvert punkt på IMDis og Arbeids- og
velferdsdirektoratets liste over hva en samarbeidsavtale bør inneholde, om
det er dekket, hvor i filen, og hva som mangler.`,
		flags: func(fs *pflag.FlagSet) {
			fs.Bool("strict", false, "avslutt med kode 1 når et påkrevd punkt i innholdskontrollen mangler")
			fs.String("templates", "", "bruk egne maler og sjekklister fra `MAPPE` i stedet for de innebygde")
		},
		run: runCheck,
	}
}

func runCheck(e env, fs *pflag.FlagSet, args []string) int {
	if len(args) != 1 {
		return usageError(e, "check", "oppgi én avtalefil, for eksempel «samarbeid check avtale.yaml»")
	}
	in, err := readInput(args[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitBad
	}
	tmpl, ok := templatesDir(e, "check", fs)
	if !ok {
		return exitBad
	}
	a, diags, err := generator.Check(in, generator.Options{Templates: tmpl})
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	warnings := append(diags.Warnings(), generator.EvaluationDue(in.File, a, time.Now())...)
	warnings = append(warnings, generator.PlanClashes(in.File, a, 0)...)
	for _, w := range warnings.Sort() {
		fmt.Fprintln(e.stderr, w.String())
	}
	fmt.Fprintf(e.stdout, "%s: ingen feil i filen.\n", model.Escape(in.File))
	reasons, err := generator.DraftReasons(in, generator.Options{Templates: tmpl}, a)
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	printDraft(e, reasons)
	fmt.Fprintln(e.stdout)
	report := content.Check(in.File, a)
	fmt.Fprint(e.stdout, report.Text())
	if strict, _ := fs.GetBool("strict"); strict && report.MissingRequired() {
		fmt.Fprintln(e.stderr, "samarbeid check: påkrevde punkter mangler (--strict)")
		return exitRefused
	}
	return exitOK
}
