package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"samarbeid/generator/schema"
)

func schemaCommand() *command {
	return &command{
		name:  "schema",
		usage: "schema",
		short: "skriver JSON-skjemaet for avtalefilen, til hjelp i editoren",
		long: `Skriver JSON-skjemaet (JSON Schema) for avtalefilen til skjermen. Med
skjemaet viser editoren (for eksempel VS Code med YAML-utvidelsen) en
forklaring på hvert felt, foreslår feltnavn og gyldige verdier, og merker
skrivefeil mens du skriver.

Lagre skjemaet ved siden av avtalefilen:

  samarbeid schema > samarbeid.schema.json

og la første linje i avtalefilen være:

  # yaml-language-server: $schema=samarbeid.schema.json

Startfilene fra «samarbeid init» har denne linjen allerede.`,
		run: runSchema,
	}
}

func runSchema(e env, _ *pflag.FlagSet, args []string) int {
	if len(args) != 0 {
		return usageError(e, "schema", "schema tar ingen filnavn; skriv «samarbeid schema > samarbeid.schema.json»")
	}
	data, err := schema.Generate()
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid schema: %v\n", err)
		return exitBad
	}
	e.stdout.Write(data)
	return exitOK
}
