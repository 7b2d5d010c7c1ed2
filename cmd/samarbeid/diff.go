package main

import "github.com/spf13/pflag"

func diffCommand() *command {
	return &command{name: "diff", usage: "diff", short: "(kommer)", run: func(e env, _ *pflag.FlagSet, _ []string) int { return usageError(e, "diff", "ikke ferdig") }}
}
