package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"samarbeid/generator/model"
)

// Exit codes.
const (
	exitOK      = 0
	exitRefused = 1 // check --strict found a missing point; diff found changes
	exitBad     = 2 // bad input or usage; nothing written
)

// env is what a command sees of the world.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// now is the clock; tests set it to a fixed time.
	now func() time.Time
}

// command is one subcommand, after Go's own cmd/go.
type command struct {
	name  string
	usage string // the line after «samarbeid »
	short string
	long  string
	flags func(fs *pflag.FlagSet) // defines the command's flags
	run   func(e env, fs *pflag.FlagSet, args []string) int
}

func commands() []*command {
	return []*command{generateCommand(), checkCommand(), initCommand(), editCommand(), diffCommand(), calendarCommand(), schemaCommand()}
}

const overview = `samarbeid lager samarbeidsavtalen mellom kommunen og NAV om
introduksjonsprogrammet fra én YAML-fil: avtalen som Markdown og PDF,
rutinebeskrivelser for hver rolle, sjekklister og årshjulet med møtene.

Bruk:
  samarbeid <kommando> [valg]

Kommandoer:
%s
Skriv «samarbeid <kommando> --help» for mer om en kommando.

Avslutningskoder: 0 ferdig, 1 innholdskontrollen fant mangler (med --strict)
eller diff fant endringer, 2 feil i filen eller i bruken (ingenting er skrevet).
`

func usageText() string {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.short)
	}
	return fmt.Sprintf(overview, b.String())
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	stderr = safeWriter{stderr} // messages quote arguments and file names
	e := env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now}
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return exitBad
	}
	switch args[0] {
	case "-h", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run(ctx, []string{args[1], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usageText())
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.exec(e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "samarbeid: ukjent kommando «%s»%s\n\n%s", args[0], suggestCommand(args[0]), usageText())
	return exitBad
}

func suggestCommand(name string) string {
	for _, c := range commands() {
		if strings.HasPrefix(c.name, name) || strings.HasPrefix(name, c.name) {
			return fmt.Sprintf(" – mente du «%s»?", c.name)
		}
	}
	return ""
}

func (c *command) exec(e env, args []string) int {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	if c.flags != nil {
		c.flags(fs)
	}
	fs.BoolP("help", "h", false, "vis denne hjelpen")
	fs.Usage = func() {}
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) || (err == nil && mustBool(fs, "help")) {
		fmt.Fprint(e.stdout, c.help(fs))
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid %s: %s\n\n%s", c.name, flagError(err), c.help(fs))
		return exitBad
	}
	return c.run(e, fs, fs.Args())
}

func mustBool(fs *pflag.FlagSet, name string) bool {
	v, _ := fs.GetBool(name)
	return v
}

// flagError puts pflag's English messages into Norwegian.
func flagError(err error) string {
	msg := err.Error()
	replacements := []struct{ en, nb string }{
		{"unknown shorthand flag", "ukjent kort valg"},
		{"unknown flag", "ukjent valg"},
		{"flag needs an argument", "valget trenger en verdi"},
		{"bad flag syntax", "ugyldig valg"},
		{"invalid argument", "ugyldig verdi"},
		{" in -", " i -"},
	}
	for _, r := range replacements {
		msg = strings.Replace(msg, r.en, r.nb, 1)
	}
	return msg
}

func (c *command) help(fs *pflag.FlagSet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bruk: samarbeid %s\n\n%s\n", c.usage, strings.TrimSpace(c.long))
	fmt.Fprintf(&b, "\nValg:\n%s", flagUsages(fs))
	return b.String()
}

// flagUsages lists the flags in Norwegian; pflag's own listing is English.
func flagUsages(fs *pflag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		left := "    "
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", "
		}
		left += "--" + f.Name
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" {
			if name == "" || name == "string" || name == "int" {
				name = "VERDI"
			}
			left += " " + name
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (standard: %s)", f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r.left, r.right)
	}
	return b.String()
}

// usageError reports a wrong call of a command.
func usageError(e env, c string, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "samarbeid %s: %s\nSkriv «samarbeid %s --help» for hjelp.\n", c, fmt.Sprintf(format, args...), c)
	return exitBad
}

// safeWriter shows control characters and direction controls in what it
// writes as \x1b or \u202e, keeping line breaks and tabs, so nothing from
// an argument or a file reaches the terminal as a control sequence.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	lines := strings.SplitAfter(string(p), "\n")
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		parts := strings.Split(body, "\t")
		for j := range parts {
			parts[j] = model.Escape(parts[j])
		}
		lines[i] = strings.Join(parts, "\t")
		if nl {
			lines[i] += "\n"
		}
	}
	if _, err := io.WriteString(s.w, strings.Join(lines, "")); err != nil {
		return 0, err
	}
	return len(p), nil
}
