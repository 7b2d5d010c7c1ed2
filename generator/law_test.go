package generator_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
)

// everySample is every sample and the starter files, as name and path.
func everySample(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, s := range samples {
		out[s] = filepath.Join("..", "samples", s+".yaml")
	}
	extra, _ := filepath.Glob(filepath.Join("..", "samples", "*.yaml"))
	for _, p := range extra {
		out[strings.TrimSuffix(filepath.Base(p), ".yaml")] = p
	}
	for _, s := range []string{"init-avtale", "init-rutine"} {
		out[s] = filepath.Join("..", "templates", s+".yaml")
	}
	return out
}

func generateFile(t *testing.T, path string) (*model.Agreement, *generator.Bundle) {
	t.Helper()
	in := fileInput(t, path)
	a, diags := model.Load(path, in.Data)
	if a == nil {
		t.Fatalf("%s: %v", path, diags)
	}
	b, err := generator.Generate(in, generator.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a, b
}

// TestEveryReferenceIsLaw reads every generated document of every sample
// and checks each legal reference against the law table: the section
// exists, it was in force on the agreement's date, and it belongs to an
// Act the agreement covers.
func TestEveryReferenceIsLaw(t *testing.T) {
	for name, path := range everySample(t) {
		t.Run(name, func(t *testing.T) {
			a, b := generateFile(t, path)
			var bases []string
			for _, l := range a.LegalBasis {
				bases = append(bases, string(l))
			}
			date := a.LawDate()
			found := 0
			for _, f := range b.Files {
				if !strings.HasSuffix(f.Path, ".md") {
					continue
				}
				for _, c := range law.Find(string(f.Data)) {
					for _, num := range c.Sections {
						found++
						s, ok := law.LookupSection(c.Act, num)
						switch {
						case !ok:
							t.Errorf("%s cites %s § %s («%s»), which is not in the law table", f.Path, c.Act, num, c.Text)
						case !s.InForceOn(date):
							t.Errorf("%s cites %s § %s, not in force on %s", f.Path, c.Act, num, date.Format("2006-01-02"))
						case s.Act.Basis != "" && !slices.Contains(bases, s.Act.Basis):
							t.Errorf("%s cites %s § %s, but the agreement covers only %v", f.Path, c.Act, num, bases)
						}
					}
				}
			}
			if found == 0 {
				t.Error("no references found: the test reads nothing")
			}
			// an Act of participants the agreement does not cover is not
			// named at all, unless the file itself names it
			source := strings.ToLower(string(fileInput(t, path).Data))
			for _, act := range law.Acts {
				if act.Basis == "" || slices.Contains(bases, act.Basis) {
					continue
				}
				for _, name := range act.Names() {
					for _, f := range b.Files {
						if strings.HasSuffix(f.Path, ".md") && strings.Contains(strings.ToLower(string(f.Data)), name) && !strings.Contains(source, name) {
							t.Errorf("%s names %s, but the agreement covers only %v", f.Path, name, bases)
						}
					}
				}
			}
		})
	}
}

// TestReferencesFollowTheLegalBasis: an agreement under introduksjonsloven
// only gets no integreringsloven references, and § 12 a (cited from 2027, see law.amended2025) is
// cited for an agreement of 2027 but not for one of 2025.
func TestReferencesFollowTheLegalBasis(t *testing.T) {
	b := generateEdited(t, "andoy", "legal_basis:\n  - integreringsloven\n", "legal_basis:\n  - introduksjonsloven\n")
	for _, f := range b.Files {
		if strings.HasSuffix(f.Path, ".md") && strings.Contains(string(f.Data), "integreringsloven §") {
			t.Errorf("%s cites integreringsloven in an agreement under introduksjonsloven", f.Path)
		}
	}
	md := string(file(t, b, "samarbeidsavtale.md"))
	if strings.Contains(md, "innen to måneder etter at opplysningene foreligger") {
		t.Error("the introduksjonsloven agreement got integreringsloven's NIR deadline")
	}
	const coordination = "integreringsloven §\u00a012\u00a0a"
	if md := string(file(t, generate(t, "andoy"), "samarbeidsavtale.md")); !strings.Contains(md, coordination) {
		t.Errorf("an agreement of 2027 does not cite %s", coordination)
	}
	early := generateEdited(t, "andoy", "valid_from: 2027-01-01", "valid_from: 2025-01-01", "signed: 2026-11-16", "signed: 2024-11-16", "revised: 2026-11-16", "revised: 2024-11-16")
	if md := string(file(t, early, "samarbeidsavtale.md")); strings.Contains(md, coordination) {
		t.Errorf("an agreement of 2025 cites %s, cited from 2027", coordination)
	}
	if list := string(file(t, early, "sjekklister/programstart.md")); !strings.Contains(list, "integreringsloven §\u00a012)") || strings.Contains(list, "§\u00a08)") {
		t.Errorf("the programme decision must cite § 12, not § 8:\n%s", list)
	}
}

var paragraphCite = regexp.MustCompile(`\b\S+\s§\s?\d+(\s[a-h])?\s(første|annet|andre|tredje|fjerde) ledd`)

// TestCitationsLikeALawyer: one Act named once with its sections together,
// no reference a sentence already makes, no range overlapping a section.
func TestCitationsLikeALawyer(t *testing.T) {
	for _, sample := range samples {
		b := generate(t, sample)
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".md") {
				continue
			}
			for _, line := range strings.Split(string(f.Data), "\n") {
				for _, act := range []string{"integreringsloven", "introduksjonsloven", "forskrift om Nasjonalt introduksjonsregister"} {
					if strings.Count(line, act+" §") > 1 && strings.Contains(line, act+" §\u00a0") && strings.Contains(line, " og "+act+" §") {
						t.Errorf("%s: «%s» is named twice in one citation: %s", f.Path, act, line)
					}
				}
				seen := map[string]bool{}
				// a paragraph of a section is a citation of its own
				for _, c := range law.Find(paragraphCite.ReplaceAllString(line, "")) {
					for _, n := range c.Sections {
						if seen[c.Act+n] {
							t.Errorf("%s cites %s § %s twice in one paragraph: %s", f.Path, c.Act, n, line)
						}
						seen[c.Act+n] = true
					}
				}
				if strings.Contains(line, "forskrift om Nasjonalt introduksjonsregister. (") {
					t.Errorf("%s cites the regulation right after naming it: %s", f.Path, line)
				}
			}
		}
	}
}

// TestEachLawFactByDateAndAct holds, in the generated documents, each fact
// of the law table that decides what a text cites: a wrong in-force date or
// a provision under the wrong Act fails here.
// twoBrackets is a citation in brackets right after another bracket.
var twoBrackets = regexp.MustCompile(`\) \([^)]*(lov|forskrift)`)

func TestEachLawFactByDateAndAct(t *testing.T) {
	const (
		coordination = "integreringsloven §\u00a012\u00a0a"
		certificate  = "(jf.\u00a0integreringsloven §\u00a018\u00a0a)"
		certIntro    = "(jf.\u00a0introduksjonsloven §\u00a04)"
		leave        = "(jf.\u00a0integreringsloven §\u00a017 og integreringsforskriften kapittel\u00a04)"
		leaveItem    = "Fatt permisjonsvedtak og gi beskjed til kontaktlæreren og NAV-veilederen."
		certItem     = "Gi deltakeren deltakerbevis."
	)
	// Andøy applies from 2027: §§ 12 a and 18 a (Prop. 81 L (2024–2025)),
	// certainly in force by then, are cited; so are § 17 and the
	// regulation's chapter on leave.
	late := generate(t, "andoy")
	if md := string(file(t, late, "samarbeidsavtale.md")); !strings.Contains(md, coordination) {
		t.Errorf("an agreement of 2027 does not cite %s", coordination)
	}
	if list := string(file(t, late, "sjekklister/programslutt.md")); !strings.Contains(list, certItem+" — *Programrådgiver* "+certificate) {
		t.Errorf("an agreement of 2027 under integreringsloven does not cite § 18 a for deltakerbevis:\n%s", list)
	}
	if list := string(file(t, late, "sjekklister/permisjon.md")); !strings.Contains(list, leave) {
		t.Errorf("the leave decision does not cite %s:\n%s", leave, list)
	}
	if md := string(file(t, late, "samarbeidsavtale.md")); !strings.Contains(md, "barn (integreringsforskriften kapittel\u00a02)") || !strings.Contains(md, "introduksjonsstønad (integreringsloven §§\u00a012, 15, 16 og 18\u00a0a)") {
		t.Errorf("the programme's duties must cite integreringsforskriften chapter 2 and § 18 a in 2027:\n%s", md)
	}
	if sheet := string(file(t, late, "rutiner/programradgiver.md")); !strings.Contains(sheet, "**Integreringsforskriften** (forskrift til integreringsloven): kapittel\u00a04 fri og permisjoner fra introduksjonsprogrammet") {
		t.Errorf("the routine sheet's legal basis lacks integreringsforskriften chapter 4:\n%s", sheet)
	}

	// The same agreement dated 2026: the date of §§ 12 a and 18 a is not
	// confirmed before 2027, so neither is cited; the duties stay.
	in2026 := generateEdited(t, "andoy", "valid_from: 2027-01-01", "valid_from: 2026-06-01", "signed: 2026-11-16", "signed: 2026-05-16", "revised: 2026-11-16", "revised: 2026-05-16")
	for _, f := range in2026.Files {
		if md := string(f.Data); strings.HasSuffix(f.Path, ".md") && (strings.Contains(md, coordination) || strings.Contains(md, "18\u00a0a")) {
			t.Errorf("%s of an agreement dated 2026 cites § 12 a or § 18 a", f.Path)
		}
	}
	if md := string(file(t, in2026, "samarbeidsavtale.md")); !strings.Contains(md, "introduksjonsstønad (integreringsloven §§\u00a012, 15 og 16)") || !strings.Contains(md, "barn (integreringsforskriften kapittel\u00a02)") {
		t.Errorf("in 2026 the programme duty cites §§ 12, 15 and 16 and the regulation's chapter 2, not § 18 a:\n%s", md)
	}
	if list := string(file(t, in2026, "sjekklister/programslutt.md")); !strings.Contains(list, certItem+" — *Programrådgiver*\n") {
		t.Errorf("the deltakerbevis item must stay, without a reference, in 2026:\n%s", list)
	}
	if list := string(file(t, in2026, "sjekklister/permisjon.md")); !strings.Contains(list, leave) {
		t.Errorf("§ 17 and integreringsforskriften chapter 4 apply since 2021:\n%s", list)
	}

	// Under introduksjonsloven only: deltakerbevis is its § 4, the leave
	// decision stays without integreringsloven's references, and nothing
	// names integreringsforskriften or integreringsloven's sections.
	intro := generateEdited(t, "andoy", "legal_basis:\n  - integreringsloven\n", "legal_basis:\n  - introduksjonsloven\n")
	for _, f := range intro.Files {
		md := string(f.Data)
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		if strings.Contains(strings.ToLower(md), "integreringsforskrift") || strings.Contains(md, "livsmestring") {
			t.Errorf("%s names integreringsforskriften or its programme elements in an agreement under introduksjonsloven", f.Path)
		}
		if strings.Contains(md, "integreringsloven §") || strings.Contains(md, "integreringsloven kapittel") {
			t.Errorf("%s cites integreringsloven in an agreement under introduksjonsloven", f.Path)
		}
	}
	// With the file's own mentions of integreringsloven gone, no document
	// names it at all: not the county's duties, which exist only under it.
	// The starter file keeps the county's text («mode: behold»), as this
	// file does.
	own := generateEdited(t, "andoy", "legal_basis:\n  - integreringsloven\n", "legal_basis:\n  - introduksjonsloven\nstandard_texts:\n  county:\n    mode: behold\n",
		"refs: [integreringsloven § 15]", "refs: [introduksjonsloven § 6]",
		"refs: [integreringsloven § 16]", "refs: [introduksjonsloven § 6]",
		"i henhold til integreringsloven", "i henhold til introduksjonsloven")
	for _, f := range own.Files {
		if strings.HasSuffix(f.Path, ".md") && strings.Contains(strings.ToLower(string(f.Data)), "integreringslov") {
			t.Errorf("%s names integreringsloven in an agreement under introduksjonsloven whose file does not:\n%s", f.Path, f.Data)
		}
	}
	for _, f := range own.Files {
		md := string(f.Data)
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		// «… register (NIR) (forskrift om … § 1)», «etter introduksjonsloven
		// gir introduksjonsloven § 25»: a citation reads as a lawyer writes it
		if twoBrackets.MatchString(md) || strings.Contains(md, "introduksjonsloven gir introduksjonsloven") {
			t.Errorf("%s has two brackets in a row or names the Act twice in one clause:\n%s", f.Path, md)
		}
	}
	if md := string(file(t, own, "samarbeidsavtale.md")); strings.Contains(md, "Fylkeskommunens ansvar") {
		t.Errorf("the county's duties (integreringsloven § 4) in an agreement under introduksjonsloven:\n%s", md)
	}
	if md := string(file(t, intro, "samarbeidsavtale.md")); !strings.Contains(md, "introduksjonsstønad (introduksjonsloven §§\u00a03, 4 og 6)") {
		t.Errorf("the programme duty under introduksjonsloven must cite §§ 3, 4 (deltakerbevis) and 6:\n%s", md)
	}
	if list := string(file(t, intro, "sjekklister/programslutt.md")); !strings.Contains(list, certItem+" — *Programrådgiver* "+certIntro) {
		t.Errorf("deltakerbevis under introduksjonsloven must cite its § 4:\n%s", list)
	}
	if list := string(file(t, intro, "sjekklister/permisjon.md")); !strings.Contains(list, leaveItem+" — *Programrådgiver*\n") {
		t.Errorf("the leave decision must stay, without integreringsloven's references:\n%s", list)
	}
}
