package generator_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"samarbeid/generator"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// TestSpelling runs Debian's hunspell-no over every Markdown document and
// the text of every PDF of every sample, in the sample's målform:
// nn_NO for a nynorsk file, nb_NO for a bokmål one. A word hunspell does not
// know passes only when it is a name, an id, an abbreviation or an e-mail
// address, when the file itself writes it (the parties' words are data),
// or when it is in the short list of the målform's domain words in
// testdata/spell (correct compounds the dictionary lacks, each checked
// against Norsk ordbok or Bokmålsordboka and Nynorskordboka).
func TestSpelling(t *testing.T) {
	if _, err := exec.LookPath("hunspell"); err != nil {
		skipOutsideCI(t, "hunspell is not installed (apt-get install hunspell hunspell-no)")
	}
	for _, sample := range samples {
		t.Run(sample, func(t *testing.T) {
			path := filepath.Join("..", "samples", sample+".yaml")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, diags := model.Load(path, data)
			if a == nil {
				t.Fatal(diags)
			}
			code := string(a.Language)
			dict := strings.ReplaceAll(lang.Builtin(code).T("meta.tag"), "-", "_")
			// hunspell -D lists the dictionaries, and fails without a default one
			if out, _ := exec.Command("hunspell", "-D").CombinedOutput(); !strings.Contains(string(out), "/"+dict) {
				skipOutsideCI(t, "hunspell has no "+dict+" dictionary (apt-get install hunspell-no)")
			}
			allowed := fileWords(string(data))
			for _, w := range domainWords(t, code) {
				allowed[strings.ToLower(w)] = true
			}
			// the pack's own abbreviations («tir.», «jan.») and the YAML keys
			// the content check's advice names («contacts:»)
			p := lang.Builtin(code)
			for _, w := range append(p.List("date.weekdays_short"), p.List("date.months_short")...) {
				allowed[strings.ToLower(strings.TrimSuffix(w, "."))] = true
			}
			for _, starter := range []string{"init-avtale.yaml", "init-rutine.yaml"} {
				data, err := templates.Files.ReadFile(starter)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range yamlKey.FindAllStringSubmatch(string(data), -1) {
					for _, k := range strings.Split(m[1], "_") {
						allowed[k] = true
					}
				}
			}
			b := generate(t, sample)
			// pdftotext joins a word the typesetter broke at a hyphen
			// («yrkes-» «og» → «yrkesog»); such a join of two words of the
			// bundle's Markdown is not a spelling error.
			for _, f := range b.Files {
				if strings.HasSuffix(f.Path, ".md") {
					for _, m := range hyphenBreak.FindAllStringSubmatch(string(f.Data), -1) {
						allowed[strings.ToLower(m[1]+m[2])] = true
					}
				}
			}
			texts := map[string]string{}
			for _, f := range b.Files {
				switch {
				case strings.HasSuffix(f.Path, ".md"):
					texts[f.Path] = string(f.Data)
				case strings.HasSuffix(f.Path, ".pdf"):
					if txt, ok := pdfWords(t, f); ok {
						texts[f.Path] = txt
					}
				}
			}
			// one hunspell run for the whole bundle, then each unknown
			// word traced back to the files it stands in
			var all strings.Builder
			for _, text := range texts {
				all.WriteString(text + "\n")
			}
			bad := map[string][]string{}
			for _, w := range hunspell(t, dict, all.String()) {
				if allowedWord(w, allowed) {
					continue
				}
				for name, text := range texts {
					if strings.Contains(text, w) {
						bad[w] = append(bad[w], name)
					}
				}
			}
			words := make([]string, 0, len(bad))
			for w := range bad {
				words = append(words, w)
			}
			sort.Strings(words)
			for _, w := range words {
				files := bad[w]
				sort.Strings(files)
				t.Errorf("%s: «%s» is not %s (in %s)", dict, w, lang.Builtin(code).T("meta.name"), strings.Join(files[:min(3, len(files))], ", "))
			}
		})
	}
}

// skipOutsideCI skips on a developer's machine without the tool; in CI
// (.ci/run installs it) a missing tool fails the test.
func skipOutsideCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

// TestNoBokmalInNynorsk: a nynorsk document has no bokmål-only form
// outside the file's own text. A word counts as the file's when it stands
// in a run of three or more words that the file writes.
func TestNoBokmalInNynorsk(t *testing.T) {
	bokmal := []string{"ikke", "hver", "hvert", "noen", "deltaker", "deltakere", "deltakeren", "deltakerne",
		"veileder", "veilederen", "veiledning", "årlig", "halvårlig", "uke", "uker", "tjeneste", "tjenester",
		"opplysninger", "bosetting", "bosettingen", "hvem", "hva", "hvordan", "hvor", "gjelder", "innen",
		"senest", "være", "avtalepartene", "kommunene", "enhet", "enheten", "enheter", "deres", "ansvarlig",
		"følger", "mål og", "møtene", "datoer", "ledere", "leder", "ledelsen", "navn", "sted", "innhold"}
	for _, sample := range samples {
		data, err := os.ReadFile(filepath.Join("..", "samples", sample+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "\nlanguage: nn") {
			continue
		}
		own := " " + strings.Join(strings.Fields(strings.ToLower(string(data))), " ") + " "
		b := generate(t, sample)
		checked := 0
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".md") {
				continue
			}
			checked++
			for _, line := range strings.Split(string(f.Data), "\n") {
				words := regexp.MustCompile(`[\p{L}][\p{L}-]*`).FindAllString(strings.ToLower(line), -1)
				fromFile := make([]bool, len(words))
				for i := range words {
					for j := i + 3; j <= len(words); j++ {
						if !strings.Contains(own, " "+strings.Join(words[i:j], " ")) && !strings.Contains(own, strings.Join(words[i:j], " ")) {
							break
						}
						for k := i; k < j; k++ {
							fromFile[k] = true
						}
					}
				}
				for i, w := range words {
					// a value the file writes, quoted: «topic: bosetting»
					quoted := strings.Contains(line, "«"+w+"»") && strings.Contains(own, " "+w+" ")
					if !fromFile[i] && !quoted && slices.Contains(bokmal, w) {
						t.Errorf("%s: bokmål «%s» in a nynorsk document: %s", f.Path, w, strings.TrimSpace(line))
					}
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no documents checked", sample)
		}
	}
}

// fileWords are the words of the input file, lower-cased, and the parts of
// its hyphenated words.
func fileWords(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range regexp.MustCompile(`[\p{L}][\p{L}\-]*`).FindAllString(text, -1) {
		out[strings.ToLower(w)] = true
		for _, p := range strings.Split(w, "-") {
			out[strings.ToLower(p)] = true
		}
	}
	return out
}

func domainWords(t *testing.T, code string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "spell", code+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if w := strings.TrimSpace(s.Text()); w != "" && !strings.HasPrefix(w, "#") {
			out = append(out, w)
		}
	}
	return out
}

var (
	yamlKey     = regexp.MustCompile(`(?m)^\s*(?:- )?([a-z_]+):`)
	hyphenBreak = regexp.MustCompile(`(\p{L}+)-\s*(\p{L}+)`)
	cutWord     = regexp.MustCompile(`\S+…`)
)

var abbreviation = regexp.MustCompile(`^[\p{Lu}\d]+$|^\p{L}{1,2}$`)

func allowedWord(w string, allowed map[string]bool) bool {
	switch {
	case allowed[strings.ToLower(w)]:
		return true
	case abbreviation.MatchString(w), strings.ContainsAny(w, "@0123456789"):
		return true
	case strings.Contains(w, "-"):
		for _, p := range strings.Split(w, "-") {
			if p != "" && !allowedWord(p, allowed) {
				return false
			}
		}
		return true
	}
	return false
}

// hunspell lists the words of text the dictionary does not know.
func hunspell(t *testing.T, dict, text string) []string {
	t.Helper()
	cmd := exec.Command("hunspell", "-d", dict, "-l")
	cmd.Stdin = strings.NewReader(text)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hunspell -d %s: %v", dict, err)
	}
	var words []string
	for _, w := range strings.Fields(string(out)) {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// pdfWords is the text of a PDF as pdftotext reads it, with words the
// typesetter hyphenated at a line end joined again.
func pdfWords(t *testing.T, f generator.File) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "", false
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, f.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", f.Path, err)
	}
	lines := strings.Split(string(out), "\n")
	var b strings.Builder
	for i, l := range lines {
		if strings.HasSuffix(l, "-") && i+1 < len(lines) {
			next := []rune(strings.TrimSpace(lines[i+1]))
			if len(next) > 0 && unicode.IsLower(next[0]) {
				left := []rune(strings.TrimSuffix(l, "-"))
				if len(left) > 0 && unicode.IsUpper(left[len(left)-1]) {
					b.WriteString(l) // «NAV-» + «kontoret»: a hyphen of the word itself
				} else {
					b.WriteString(string(left))
				}
				continue
			}
		}
		b.WriteString(l + "\n")
	}
	// the footer cuts a long title with «…»; the cut word is no word
	return cutWord.ReplaceAllString(b.String(), "…"), true
}
