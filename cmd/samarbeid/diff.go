package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"samarbeid/generator"
	"samarbeid/generator/diff"
	"samarbeid/generator/model"
)

func diffCommand() *command {
	return &command{
		name:  "diff",
		usage: "diff GAMMEL NY [--format text|md] [--templates MAPPE]",
		short: "viser hva som er endret mellom to versjoner, til endringsloggen",
		long: `Sammenligner to versjoner av avtalefilen, GAMMEL og NY, etter innhold og
viser hver endring på én linje, gruppert under overskrifter: parter, enheter,
roller, kontaktpersoner og underskrivere som er lagt til, fjernet eller har
fått nytt navn; plikter som er lagt til, fjernet eller omformulert; møter med
ny hyppighet, innkaller eller nye deltakere; mål, datoer, standardtekster,
overgang, evaluering, tilleggspunkter, rutiner og revisjoner.

Rekkefølgen i listene og mellomrom og linjeskift i en tekst regnes ikke som
endringer. En hyppighet står i dokumentene slik filen skriver den, så
«kvartalsvis» endret til «hvert kvartal» vises som en endring.

Med --format md blir utskriften Markdown, klar til å limes inn i
endringsloggen. Rapporten skrives på målformen til den nye filen; med
--templates brukes språkpakkene i MAPPE/lang i stedet for de innebygde.

Avslutningskoder: 0 ingen endringer, 1 endringer funnet, 2 feil i en av
filene eller i bruken.`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("format", "text", "skriv endringene som `FORMAT`: text (ren tekst) eller md (Markdown)")
			fs.String("templates", "", "bruk egne språkpakker (lang/nb.yaml, lang/nn.yaml) fra `MAPPE` i stedet for de innebygde")
		},
		run: runDiff,
	}
}

func runDiff(e env, fs *pflag.FlagSet, args []string) int {
	if len(args) != 2 {
		return usageError(e, "diff", "oppgi to avtalefiler, den gamle først, for eksempel «samarbeid diff avtale-2024.yaml avtale-2025.yaml»")
	}
	format, _ := fs.GetString("format")
	if format != "text" && format != "md" {
		return usageError(e, "diff", "--format %s finnes ikke; skriv --format text eller --format md", format)
	}
	tmpl, ok := templatesDir(e, "diff", fs)
	if !ok {
		return exitBad
	}
	opt := generator.Options{Templates: tmpl}
	words, err := generator.Words(opt)
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	var loaded [2]*model.Agreement
	bad := false
	for i, name := range args {
		in, err := readInput(name)
		if err != nil {
			fmt.Fprintln(e.stderr, err)
			bad = true
			continue
		}
		a, diags := model.LoadWith(in.File, in.Data, words)
		if errs := diags.Errors(); len(errs) > 0 {
			printDiagnostics(e, errs)
			bad = true
			continue
		}
		loaded[i] = a
	}
	if bad {
		return exitBad
	}
	pack, err := generator.Language(loaded[1], opt)
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	report := diff.CompareIn(loaded[0], loaded[1], pack)
	if format == "md" {
		fmt.Fprint(e.stdout, report.Markdown())
	} else {
		fmt.Fprint(e.stdout, report.Text())
	}
	if report.Empty() {
		return exitOK
	}
	return exitRefused
}
