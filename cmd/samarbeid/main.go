// Command samarbeid turns one YAML file describing a cooperation agreement
// on the introduction programme into the signed-ready agreement, routine
// sheets, checklists and the year plan.
package main

import (
	"context"
	"os"
	"runtime/debug"
)

// memoryLimit is the soft limit on the memory Go manages for one run. A
// bundle keeps about 15–20 MB live (the parsed fonts, the hyphenation
// patterns, the finished files and the documents being typeset); without a
// limit the collector lets the heap grow to twice that, and with the
// binary itself a run would pass 40 MiB. Near the limit the collector just
// works more often. GOMEMLIMIT in the environment overrides it.
//
// Under the limit the collector is off, unless GOGC or GOMEMLIMIT says
// otherwise: a run is short, and most of them (the agreement alone, a small
// bundle) never come near the limit, so collecting earlier only costs time
// (about a sixth of the agreement's). A big bundle is collected as before,
// at the limit.
const memoryLimit = 28 << 20

// collectorOff is whether main switched the collector off, and so may
// tune the heap further (useHugePages).
var collectorOff bool

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(-1)
			collectorOff = true
		}
	}
	args := os.Args[1:]
	if len(args) == 0 && doubleClicked() {
		// samarbeid.exe double-clicked on Windows: open the editor on
		// avtale.yaml in the folder, rather than print the usage into a
		// window that closes at once
		args = []string{"edit"}
	}
	os.Exit(run(context.Background(), args, os.Stdin, os.Stdout, os.Stderr))
}
