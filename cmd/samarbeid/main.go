// Command samarbeid turns one YAML file describing a cooperation agreement
// on the introduction programme into the signed-ready agreement, routine
// sheets, checklists and the year plan.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
