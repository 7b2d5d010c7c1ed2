package generator_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/calendar"
	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// TestRoutineSaysRutinen generates the routine starter file: the agreement
// is samarbeidsrutine.md/.pdf, and no document of the bundle calls the
// routine «avtalen» or labels it «Avtale:».
func TestRoutineSaysRutinen(t *testing.T) {
	data, err := templates.Files.ReadFile("init-rutine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := generator.Generate(generator.Input{File: "rutine.yaml", Data: data}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	file(t, b, "samarbeidsrutine.md")
	file(t, b, "samarbeidsrutine.pdf")
	avtalen := regexp.MustCompile(`(?i)\bavtalen\b|\*\*Avtale:\*\*|Avtaleparter`)
	sheets := 0
	for _, f := range b.Files {
		if strings.HasPrefix(f.Path, "samarbeidsavtale") {
			t.Errorf("a routine's bundle has %s", f.Path)
		}
		if !strings.HasSuffix(f.Path, ".md") {
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
