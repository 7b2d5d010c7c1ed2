package main

import "github.com/spf13/pflag"

func initCommand() *command {
	return &command{name: "init", usage: "init", short: "(kommer)", run: func(e env, _ *pflag.FlagSet, _ []string) int { return usageError(e, "init", "ikke ferdig") }}
}
