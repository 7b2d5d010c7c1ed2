package main

import "github.com/spf13/pflag"

func schemaCommand() *command {
	return &command{name: "schema", usage: "schema", short: "(kommer)", run: func(e env, _ *pflag.FlagSet, _ []string) int { return usageError(e, "schema", "ikke ferdig") }}
}
