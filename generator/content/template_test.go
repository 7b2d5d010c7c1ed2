package content

import (
	"strings"
	"testing"

	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	renderer "samarbeid/generator/render"
)

// render fills the content-check template with the renderer the bundle
// uses, so the template is checked here with its real functions.
func render(t *testing.T, a *model.Agreement, r Report) string {
	t.Helper()
	data := struct {
		Agreement *model.Agreement
		Report    Report
	}{a, r}
	out, err := renderer.New(renderer.Files(""), lang.Builtin(lang.Default)).Execute("innholdskontroll.md.tmpl", a, data)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestTemplate(t *testing.T) {
	tests := []struct {
		name string
		edit func(a *model.Agreement)
		want []string
	}{
		{
			name: "complete",
			edit: func(*model.Agreement) {},
			want: []string{
				"| Kontaktpersoner og ansvar for informasjonsutveksling | Dekket | linje 58, 62, 63, 125, 129, 133 | – |",
				"Innholdskontroll: 9 av 9 påkrevde punkter dekket.",
				"- **Oppfølging av arbeidsgivere:** Dekket (linje 85).",
				"### Underskrevet av ledere\n\nDekket (linje 67, 70).",
				"signert 15. desember 2023",
			},
		},
		{
			name: "points missing",
			edit: func(a *model.Agreement) {
				a.Contacts = nil
				a.Sharing.Exchanges = a.Sharing.Exchanges[1:]
				for i := range a.Sharing.Exchanges {
					a.Sharing.Exchanges[i].Responsible = ""
				}
				a.Transition = nil
				a.Signatories = nil
				a.Duties = a.Duties[1:]
			},
			want: []string{
				"| Kontaktpersoner og ansvar for informasjonsutveksling | Mangler | – | Legg til «contacts:» med en kontaktperson i flyktningenheten og en i NAV-kontoret, og merk den som følger opp informasjonsutvekslingen med «follows\\_up\\_sharing: true». |",
				"| Rutiner for utveksling av informasjon | Delvis | ",
				"| Mangler bosetting. Legg til under «information\\_sharing: exchanges:»",
				"| Overganger for deltakere som ikke når sluttmålet | Mangler | – | Legg til «transition:»",
				"- **Oppgavefordeling for å skaffe praksisplasser:** Valgfritt – ikke med. Valgfritt: beskriv",
				"### Underskrevet av ledere\n\nMangler.\n\nLegg til «signatories:»",
				"Innholdskontroll: 5 av 9 påkrevde punkter dekket.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := load(t, completeFile)
			tt.edit(a)
			out := render(t, a, Check(completeFile, a))
			for _, want := range append([]string{
				"# Innholdskontroll\n",
				"IMDis og Arbeids- og velferdsdirektoratets liste over hva en samarbeidsavtale eller samarbeidsrutine",
				"| Punkt | Status | Hvor i filen | Hva som mangler |\n| --- | --- | --- | --- |\n| Kontaktpersoner",
				"## Valgfrie punkter",
				"## Forankring på ledernivå",
				"### Møte på ledernivå minst én gang i året",
			}, tt.want...) {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			checkMarkdown(t, out)
		})
	}
}

// checkMarkdown checks what the renderer would refuse or get wrong: raw
// HTML, missing values, a table broken by a blank line or an odd cell count.
func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "\n\n\n") || !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Errorf("output has a run of blank lines or a wrong ending:\n%q", out)
	}
	if strings.Contains(out, "<no value>") {
		t.Errorf("output has a missing value:\n%s", out)
	}
	lines := strings.Split(out, "\n")
	inTable := false
	rows := 0
	for i, l := range lines {
		if strings.Contains(strings.ReplaceAll(l, `\<`, ""), "<") {
			t.Errorf("line %d has raw HTML: %q", i+1, l)
		}
		if strings.HasPrefix(l, "| Punkt |") {
			inTable = true
		}
		if !inTable {
			continue
		}
		if !strings.HasPrefix(l, "|") {
			break
		}
		rows++
		if cells := strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"); cells != 5 {
			t.Errorf("line %d has %d cell borders, want 5: %q", i+1, cells, l)
		}
	}
	if rows != 2+7 {
		t.Errorf("the table has %d lines, want a header, a rule and 7 points:\n%s", rows, out)
	}
}
