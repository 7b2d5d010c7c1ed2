package main

import "github.com/spf13/pflag"

func calendarCommand() *command {
	return &command{name: "calendar", usage: "calendar", short: "(kommer)", run: func(e env, _ *pflag.FlagSet, _ []string) int { return usageError(e, "calendar", "ikke ferdig") }}
}
