package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"samarbeid/generator"
	"samarbeid/generator/calendar"
	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// generateStarter generates a starter file as init writes it.
func generateStarter(t *testing.T, name string) *generator.Bundle {
	t.Helper()
	data, err := templates.Files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := generator.Generate(generator.Input{File: name, Data: data}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRoutineSaysRutinen generates the routine starter file: the agreement
// is samarbeidsrutine.md/.pdf, and no document of the bundle calls the
// routine «avtalen» or labels it «Avtale:».
func TestRoutineSaysRutinen(t *testing.T) {
	b := generateStarter(t, "init-rutine.yaml")
	file(t, b, "samarbeidsrutine.md")
	file(t, b, "samarbeidsrutine.pdf")
	avtalen := regexp.MustCompile(`(?i)\bavtalen\b|\*\*Avtale:\*\*|Avtaleparter`)
	sheets := 0
	for _, f := range b.Files {
		if strings.HasPrefix(f.Path, "samarbeidsavtale") {
			t.Errorf("a routine's bundle has %s", f.Path)
		}
		if !strings.HasSuffix(f.Path, ".md") && !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		if f.Path == "innholdskontroll.md" {
			continue // the directorates' list, quoted
		}
		if strings.HasPrefix(f.Path, "rutiner/") || strings.HasPrefix(f.Path, "sjekklister/") {
			sheets++
		}
		if m := avtalen.FindString(string(f.Data)); m != "" {
			t.Errorf("%s says «%s» about a routine", f.Path, m)
		}
	}
	if sheets == 0 {
		t.Fatal("the routine has no routine sheets or checklists to check")
	}
	if md := string(file(t, b, "rutiner/nav-veileder.md")); !strings.Contains(md, "**Rutine:** ") || !strings.Contains(md, "Oppgavene dine etter rutinen") {
		t.Errorf("the routine sheet does not name the routine:\n%s", md)
	}
	// the cover of the PDF: the parties of a routine are «Parter»
	t.Run("pdf", func(t *testing.T) {
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".pdf") {
				continue
			}
			if m := avtalen.FindString(pdfText(t, f.Data, "")); m != "" {
				t.Errorf("%s says «%s» about a routine", f.Path, m)
			}
		}
		if text := pdfText(t, file(t, b, "samarbeidsrutine.pdf"), ""); !regexp.MustCompile(`\bParter\b`).MatchString(text) {
			t.Errorf("the routine's cover has no «Parter» heading over the parties:\n%.600s", text)
		}
	})
}

// TestLanguagePackOverride replaces a word through --templates and wants it
// in the document; a pack without one of the keys is refused by name.
func TestLanguagePackOverride(t *testing.T) {
	data, err := os.ReadFile("../samples/andoy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	pack, err := templates.Files.ReadFile("lang/nb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "lang"), 0o755)
	changed := strings.Replace(string(pack), "  heading: Kontaktpersoner\n", "  heading: Kontakter\n", 1)
	os.WriteFile(filepath.Join(dir, "lang", "nb.yaml"), []byte(changed), 0o644)
	b, err := generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
	if err != nil {
		t.Fatal(err)
	}
	if md := string(file(t, b, "samarbeidsavtale.md")); !strings.Contains(md, ". Kontakter\n") {
		t.Error("the overriding language pack was not used")
	}
	broken := strings.Replace(string(pack), "  heading: Kontaktpersoner\n", "", 1)
	os.WriteFile(filepath.Join(dir, "lang", "nb.yaml"), []byte(broken), 0o644)
	_, err = generator.Generate(generator.Input{File: "k.yaml", Data: data}, generator.Options{Templates: dir})
	if err == nil || !strings.Contains(err.Error(), "lang/nb.yaml") || !strings.Contains(err.Error(), "contacts.heading") {
		t.Errorf("a pack without a key should be refused naming the file and the key, got %v", err)
	}
}

// TestPacksNameEveryCode wants every code Go carries (law, holidays,
// levels, document kinds) to have its words in every language pack.
func TestPacksNameEveryCode(t *testing.T) {
	var keys []string
	for _, a := range law.Acts {
		keys = append(keys, "law.act."+a.Key()+".name", "law.act."+a.Key()+".title")
	}
	for _, id := range law.IDs() {
		keys = append(keys, "law.ref."+id)
	}
	for _, h := range calendar.PublicHolidays(2027) {
		keys = append(keys, "holiday."+h.ID)
	}
	keys = append(keys, "holiday.julaften", "holiday.nyttarsaften")
	for _, l := range []model.Level{model.LevelLeader, model.LevelCaseworker, model.LevelIndividual} {
		keys = append(keys, "level."+string(l))
	}
	for _, k := range []model.Kind{model.KindAgreement, model.KindRoutine} {
		keys = append(keys, "kind."+string(k)+".doc")
	}
	for _, code := range lang.Codes {
		p, err := lang.Load(templates.Files, code)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if !p.Has(k) {
				t.Errorf("%s has no %s", lang.Path(code), k)
			}
		}
	}
}

// setList replaces the list at the dotted path in a language pack's YAML.
func setList(t *testing.T, root *yaml.Node, path string, words ...string) {
	t.Helper()
	n := root.Content[0]
	for _, key := range strings.Split(path, ".") {
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			t.Fatalf("the pack has no %s", path)
		}
		n = next
	}
	n.Content = nil
	for _, w := range words {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: w})
	}
}

// sampleWords is the built-in language pack of a sample's målform.
func sampleWords(t *testing.T, sample string) *lang.Pack {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "samples", sample+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, diags := model.Load(sample+".yaml", data)
	if a == nil {
		t.Fatal(diags)
	}
	return lang.Builtin(string(a.Language))
}

// TestThirdLanguagePack adds a language the way a new målform would be
// added: its code in lang.Codes (the list of known packs, the one Go
// change) and its files through --templates. Every word of the agreement
// that is not the file's own then comes from the new pack, and the reader
// understands the pack's own input words: «every 3 weeks», which no
// built-in pack knows, gets the dates of «hver 3. uke».
func TestThirdLanguagePack(t *testing.T) {
	old := lang.Codes
	lang.Codes = append(slices.Clone(old), "xx")
	defer func() { lang.Codes = old }()

	base, err := templates.Files.ReadFile("lang/nb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(base, &root); err != nil {
		t.Fatal(err)
	}
	var mark func(n *yaml.Node, key string)
	mark = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				mark(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				mark(n.Content[i+1], n.Content[i].Value)
			}
		case yaml.ScalarNode:
			if !strings.HasSuffix(key, ".yaml") && key != "tag" && key != "standard" && key != "checklists" && !strings.HasPrefix(key, "init_") {
				n.Value = "ẋ" + n.Value
				n.Style = yaml.DoubleQuotedStyle
			}
		}
	}
	mark(&root, "")
	setList(t, &root, "read.frequency.every", "every")
	setList(t, &root, "read.unit.week", "week", "weeks")
	pack, err := yaml.Marshal(&root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "lang"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "lang", "xx.yaml"), pack, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../samples/andoy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bokmål, _, err := generator.Load(generator.Input{File: "andoy.yaml", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	const written = "frequency: hver 3. uke"
	if !strings.Contains(string(data), written) {
		t.Fatalf("andoy.yaml no longer has %q", written)
	}
	data = []byte(strings.Replace(string(data), "\ntype: avtale\n", "\ntype: avtale\nlanguage: xx\n", 1))
	data = []byte(strings.Replace(string(data), written, "frequency: every 3 weeks", 1))
	in := generator.Input{File: "andoy.yaml", Data: data}
	if a, _, err := generator.Load(in); err != nil || a.Meetings[0].Frequency.Placed() {
		t.Fatalf("the built-in packs alone read «every 3 weeks» (%v): the test proves nothing", err)
	}
	b, err := generator.Generate(in, generator.Options{Templates: dir})
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := generator.Calendar(bokmål, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	starts := regexp.MustCompile(`(?m)^DTSTART.*$`)
	got := starts.FindAllString(string(file(t, b, "arshjul.ics")), -1)
	if w := starts.FindAllString(string(want), -1); len(w) < 10 || !slices.Equal(got, w) {
		t.Errorf("«every 3 weeks» in the test language is planned on\n%v\nnot on the dates of «hver 3. uke»:\n%v", got, w)
	}
	if !strings.Contains(string(file(t, b, "samarbeidsavtale.md")), "every 3 weeks") {
		t.Error("the agreement does not print the frequency as the file writes it")
	}
	md := string(file(t, b, "samarbeidsavtale.md"))
	for _, want := range []string{"ẋKontaktpersoner", "ẋVersjon", "| ẋNavn | ẋRolle |"} {
		if !strings.Contains(md, want) {
			t.Errorf("the agreement in the test language lacks %q", want)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok && !strings.Contains(h, "ẋ") && !strings.Contains(string(data), strings.SplitN(h, ". ", 2)[1]) {
			t.Errorf("a heading in bokmål in the test language: %s", line)
		}
	}
	if !strings.Contains(string(file(t, b, "arshjul.md")), "ẋÅrshjul") {
		t.Error("the year plan is not in the test language")
	}
}

// TestPDFKeywords: the keywords in every PDF's metadata name the kind of
// document and the Acts the file's participants have their programme
// under, not always «samarbeidsavtale» and «integreringsloven».
func TestPDFKeywords(t *testing.T) {
	keywords := regexp.MustCompile(`<pdf:Keywords>([^<]*)</pdf:Keywords>`)
	routine := generateStarter(t, "init-rutine.yaml")
	for _, c := range []struct {
		name      string
		b         *generator.Bundle
		want, not []string
	}{
		{"rutine", routine, []string{"samarbeidsrutine", "integreringsloven"}, []string{"samarbeidsavtale", "introduksjonsloven"}},
		{"kristiansand", generate(t, "kristiansand"), []string{"samarbeidsavtale", "introduksjonsloven"}, []string{"samarbeidsrutine", "integreringsloven"}},
		{"volda", generate(t, "volda"), []string{"samarbeidsavtale", "integreringslova"}, []string{"integreringsloven"}},
	} {
		pdfs := 0
		for _, f := range c.b.Files {
			if !strings.HasSuffix(f.Path, ".pdf") {
				continue
			}
			pdfs++
			m := keywords.FindSubmatch(f.Data)
			if m == nil {
				t.Errorf("%s: %s has no keywords", c.name, f.Path)
				continue
			}
			kw := strings.Split(string(m[1]), ", ")
			for _, w := range c.want {
				if !slices.Contains(kw, w) {
					t.Errorf("%s: %s keywords %q lack %q", c.name, f.Path, m[1], w)
				}
			}
			for _, w := range c.not {
				if slices.Contains(kw, w) {
					t.Errorf("%s: %s keywords %q have %q", c.name, f.Path, m[1], w)
				}
			}
		}
		if pdfs == 0 {
			t.Errorf("%s: no PDFs", c.name)
		}
	}
}
