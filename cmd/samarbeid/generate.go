package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"samarbeid/generator"
	"samarbeid/generator/model"
)

func generateCommand() *command {
	return &command{
		name:  "generate",
		usage: "generate FIL [-o MAPPE] [--templates MAPPE] [--year ÅR] [--kun-avtale] [--uten-kilde]",
		short: "lager hele pakken: avtalen, rutiner, sjekklister og årshjul",
		long: `Leser avtalefilen FIL, kontrollerer den og skriver hele pakken i MAPPE:

  samarbeidsavtale.md og .pdf   avtalen, klar til underskrift (eller merket UTKAST)
                                (samarbeidsrutine.md og .pdf med «type: rutine»)
  rutiner/<rolle>.md og .pdf    en rutinebeskrivelse for hver rolle
  sjekklister/<id>.md og .pdf   sjekklister med avkrysningsbokser
  arshjul.md, .pdf og .ics      årshjulet med møtene
  innholdskontroll.md           kontroll mot direktoratenes liste

Dokumentene skrives på målformen i filens «language»: nb (bokmål, standard)
eller nn (nynorsk).

Har filen feil, skrives ingenting, og hver feil vises som FIL:LINJE:KOLONNE.

Er avtalen et utkast – «status: utkast», eksempelverdier fra startfilen
eller en part uten noen som signerer – får hver side i hver PDF «UTKAST»
på skrå og i bunnteksten, og Markdown-filene sier det øverst. generate
lister grunnene med plassering, og avslutter med innholdskontrollens
sammendrag og antallet advarsler.

PDF-en av avtalen har avtalefilen som vedlegg, uten kommentarene (alt etter #),
så en signert avtale bærer med seg det den er laget fra. Med --uten-kilde
utelates vedlegget.

Pakken byttes ut på én gang: den som åpner MAPPE, ser den gamle eller den nye
pakken, aldri en blanding. Filer fra forrige pakke som ikke lenger hører til,
fjernes; dine egne filer i MAPPE blir liggende. .samarbeid-filer.sha256 i
MAPPE lister filene samarbeid skrev.

Med --kun-avtale lages bare avtalen (samarbeidsavtale.md, .pdf og .html),
raskt, for eksempel mens du skriver på den. Da er det avtalen som er pakken i
MAPPE: de andre filene fra en hel pakke som samarbeid har skrevet der før,
fjernes. Bruk derfor en annen mappe enn for hele pakken.`,
		flags: func(fs *pflag.FlagSet) {
			fs.StringP("output", "o", "ut", "skriv pakken til `MAPPE`")
			fs.String("templates", "", "bruk egne maler fra `MAPPE` i stedet for de innebygde med samme navn")
			fs.Int("year", 0, "lag årshjulet for `ÅR` (standard: calendar.year i filen)")
			fs.Bool("kun-avtale", false, "lag bare avtalen, uten rutiner, sjekklister, årshjul og innholdskontroll")
			fs.Bool("uten-kilde", false, "ikke legg avtalefilen ved PDF-en av avtalen")
		},
		run: runGenerate,
	}
}

func runGenerate(e env, fs *pflag.FlagSet, args []string) int {
	if len(args) != 1 {
		return usageError(e, "generate", "oppgi én avtalefil, for eksempel «samarbeid generate avtale.yaml -o ut»")
	}
	out, _ := fs.GetString("output")
	year, ok := yearFlag(e, "generate", fs)
	agreementOnly, _ := fs.GetBool("kun-avtale")
	if !ok {
		return exitBad
	}
	tmpl, ok := templatesDir(e, "generate", fs)
	if !ok {
		return exitBad
	}
	// generate touches the most memory; for the other commands what
	// useHugePages costs (a collection, about 0.8 ms in all) would not pay.
	if collectorOff {
		useHugePages()
	}
	in, err := readInput(args[0])
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitBad
	}
	noSource, _ := fs.GetBool("uten-kilde")
	bundle, err := generator.Generate(in, generator.Options{Templates: tmpl, Year: year, AgreementOnly: agreementOnly, NoSource: noSource})
	if err != nil {
		printDiagnostics(e, err)
		return exitBad
	}
	for _, w := range bundle.Warnings {
		fmt.Fprintln(e.stderr, w.String())
	}
	if err := writeBundle(e, out, bundle.Files); err != nil {
		fmt.Fprintf(e.stderr, "samarbeid generate: %v\n", err)
		return exitBad
	}
	fmt.Fprintf(e.stdout, "Skrev %d filer i %s.\n", len(bundle.Files), model.Escape(out))
	printDraft(e, bundle.Draft)
	fmt.Fprintln(e.stdout, bundle.Summary)
	fmt.Fprintln(e.stdout, warningCount(len(bundle.Warnings)))
	return exitOK
}

// printDraft says why the documents are a draft, one reason per line at
// its position, or nothing when they are ready to sign.
func printDraft(e env, reasons model.Diagnostics) {
	if len(reasons) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, "Dokumentene er et utkast og er merket «UTKAST» på hver side, fordi:")
	for _, r := range reasons {
		fmt.Fprintln(e.stdout, model.Escape(fmt.Sprintf("%s:%d:%d: utkast: %s", r.File, r.Pos.Line, r.Pos.Col, r.Message)))
	}
}

// warningCount is the closing line of generate, e.g. «2 advarsler.».
func warningCount(n int) string {
	if n == 1 {
		return "1 advarsel."
	}
	return fmt.Sprintf("%d advarsler.", n)
}
