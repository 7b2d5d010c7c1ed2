package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"samarbeid/cmd/samarbeid/internal/editor"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/generator/schema"
)

// idleLimit is how long the editor waits without hearing from a browser
// before it stops; an open page asks every 30 seconds.
const idleLimit = 10 * time.Minute

func editCommand() *command {
	return &command{
		name:  "edit",
		usage: "edit [FIL] [--language nb|nn] [--no-browser] [--addr ADRESSE]",
		short: "åpner avtalen i et skjema i nettleseren, med forhåndsvisning",
		long: `Åpner avtalefilen FIL i et skjema i nettleseren: hver del av avtalen som et
eget avsnitt med forklaring til hvert felt, lister du kan legge til i, flytte
og fjerne fra, og valg for roller, enheter og parter. Ved siden av skjemaet
vises avtalen slik den blir, og rutinebeskrivelsene, sjekklistene og
årshjulet er ett klikk unna. Feil og advarsler vises ved feltet de gjelder,
med de samme ordene som «samarbeid check».

«Lagre» skriver filen med kommentarene og rekkefølgen slik de var; delene du
ikke har endret, står som før. Forrige versjon blir liggende som FIL~. Er
filen endret på disken etter at du åpnet den, lagres ingenting før du har
lastet den inn på nytt. «Lag dokumentene» lager pakken, som «samarbeid
generate», i mappen du velger ved siden av filen (standard ut).

Uten FIL åpnes avtale.yaml i mappen du står i. På Windows gjør et
dobbeltklikk på samarbeid.exe det samme, i mappen programmet ligger i.
Finnes ikke filen, starter skjemaet fra startfilen («samarbeid init»), på
målformen i --language, og filen lages første gang du lagrer.

Editoren lytter bare på 127.0.0.1, og adressen den skriver har en hemmelig
nøkkel; uten den svarer den ikke. Den stopper når du avslutter med Ctrl+C,
lukker terminalvinduet, eller etter 10 minutter uten at siden er åpen.
Endringer du ikke har lagret, tas vare på i nettleseren og tilbys igjen neste
gang.

Eksempel:
  samarbeid edit avtale.yaml
  samarbeid edit ny-avtale.yaml --language nn`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("language", lang.Default, "målformen en ny fil starter med: nb (bokmål) eller nn (nynorsk)")
			fs.String("type", "avtale", "typen en ny fil starter med: avtale eller rutine")
			fs.Bool("no-browser", false, "ikke åpne nettleseren; skriv bare adressen")
			fs.String("addr", "127.0.0.1:0", "lytt på `ADRESSE` (bare 127.0.0.1 eller localhost; port 0 velger en ledig)")
			fs.String("templates", "", "bruk egne maler fra `MAPPE` i stedet for de innebygde")
		},
		run: runEdit,
	}
}

func runEdit(e env, fs *pflag.FlagSet, args []string) int {
	if len(args) > 1 {
		return usageError(e, "edit", "oppgi én avtalefil, for eksempel «samarbeid edit avtale.yaml»")
	}
	file := "avtale.yaml"
	if len(args) == 1 {
		file = args[0]
	}
	language, _ := fs.GetString("language")
	kind, _ := fs.GetString("type")
	addr, _ := fs.GetString("addr")
	noBrowser, _ := fs.GetBool("no-browser")
	if !slices.Contains(lang.Codes, language) {
		return usageError(e, "edit", "--language %s finnes ikke; skriv --language %s", language, strings.Join(lang.Codes, " eller --language "))
	}
	if kind != "avtale" && kind != "rutine" {
		return usageError(e, "edit", "--type %s finnes ikke; skriv --type avtale eller --type rutine", kind)
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil || (host != "127.0.0.1" && host != "localhost") {
		return usageError(e, "edit", "--addr %s går ikke; editoren lytter bare på denne maskinen, for eksempel --addr 127.0.0.1:8080", addr)
	}
	tmpl, ok := templatesDir(e, "edit", fs)
	if !ok {
		return exitBad
	}
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		return usageError(e, "edit", "%s er en mappe; oppgi YAML-filen med avtalen", file)
	} else if err != nil && !errors.Is(err, fsErrNotExist) {
		fmt.Fprintf(e.stderr, "samarbeid edit: kan ikke lese %s: %v\n", model.Escape(file), err)
		return exitBad
	}
	start, err := starter(kind, language, starterYear(e.now()))
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid edit: %v\n", err)
		return exitBad
	}
	sch, err := schema.Generate()
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid edit: %v\n", err)
		return exitBad
	}
	srv, err := editor.New(editor.Config{File: file, Starter: start, Schema: sch, OutDir: "ut", Templates: tmpl, Now: e.now})
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid edit: %v\n", err)
		return exitBad
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "samarbeid edit: kan ikke lytte på %s: %v\n", addr, err)
		return exitBad
	}
	bound := ln.Addr().String()
	url := "http://" + bound + srv.Path()
	hs := &http.Server{Handler: srv.Handler(bound), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	fmt.Fprintf(e.stdout, "Editoren for %s er åpen på\n\n  %s\n\nAdressen har en hemmelig nøkkel; del den ikke. Avslutt med Ctrl+C.\n", model.Escape(file), url)
	if !noBrowser {
		if err := openBrowser(url); err != nil {
			fmt.Fprintf(e.stderr, "samarbeid edit: kunne ikke åpne nettleseren (%v); åpne adressen over selv\n", err)
		}
	}
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			fmt.Fprintf(e.stderr, "samarbeid edit: %v\n", err)
			return exitBad
		case <-ctx.Done():
			fmt.Fprintln(e.stdout, "Editoren er stoppet.")
			shutdown(hs)
			return exitOK
		case <-tick.C:
			if e.now().Sub(srv.LastSeen()) > idleLimit {
				fmt.Fprintf(e.stdout, "Editoren er stoppet etter %d minutter uten at siden var åpen. Endringer som ikke var lagret, tilbys igjen neste gang du åpner filen.\n", int(idleLimit.Minutes()))
				shutdown(hs)
				return exitOK
			}
		}
	}
}

var fsErrNotExist = fs.ErrNotExist // the flag set shadows package fs

func shutdown(hs *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(ctx)
}

// openBrowser opens url in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
