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
		})
	}
}

// TestReferencesFollowTheLegalBasis: an agreement under introduksjonsloven
// only gets no integreringsloven references, and § 12 a (in force 2026) is
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
		t.Errorf("an agreement of 2025 cites %s, in force from 2026", coordination)
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
