package html

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func words() Words {
	return Words{Skip: "Hopp til innholdet", Contents: "Innhold", Parties: "Avtaleparter", Version: "Versjon", Table: "Tabell",
		Date: func(t time.Time) string { return t.Format("2.1.2006") }}
}

const sample = `# Avtale <om> & samarbeid

Versjon 1.2 · 1. januar 2027

Innledning med [lenke](https://lovdata.no/a?b=1&c=2) og **fet** tekst.

## 1. Mål

- første
- andre

### Delmål

3. tre
4. fire

## 2. Møter

| Møte | Hyppighet |
| --- | ---: |
| Ledermøte | årlig |

## 2. Møter
`

func render(t *testing.T, doc Document) string {
	t.Helper()
	out, err := Render([]byte(sample), doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestPage(t *testing.T) {
	got := render(t, Document{Lang: "nn", Version: "1.2", TOC: true, Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Author: "Eksempel kommune", Words: words()})
	for _, want := range []string{
		`<html lang="nn">`,
		`<title>Avtale &lt;om&gt; &amp; samarbeid</title>`,
		`<a class="skip" href="#innhold">Hopp til innholdet</a>`,
		`<main id="innhold"`,
		`<h1>Avtale &lt;om&gt; &amp; samarbeid</h1>`,
		`<p class="meta">Versjon 1.2 · <time datetime="2027-01-01">1.1.2027</time></p>`,
		`<a href="https://lovdata.no/a?b=1&amp;c=2">lenke</a>`,
		`<ol start="3">`,
		`<caption>2. Møter</caption>`,
		`<th scope="col">Møte</th><th scope="col" class="r">Hyppighet</th>`,
		`<td class="r">årlig</td>`,
		`<h2 id="s-2-møter">2. Møter</h2>`,
		`<h2 id="s-2-møter-2">2. Møter</h2>`,
		`<nav aria-labelledby="innholdsliste">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(got, "<p>Versjon 1.2") {
		t.Error("the version line under the H1 is printed twice")
	}
	// Every link of the contents leads to a heading of the page.
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(got, -1) {
		if ids[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(got, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s leads nowhere", m[1])
		}
	}
	if n := strings.Count(got, `<li><a href="#`); n != 4 {
		t.Errorf("the contents has %d entries, want 4 (h2 and h3)", n)
	}
}

func TestNoLanguage(t *testing.T) {
	if _, err := Render([]byte(sample), Document{Words: words()}); err == nil {
		t.Error("a page without a language was rendered")
	}
}

func TestDeterministic(t *testing.T) {
	doc := Document{Lang: "nb", TOC: true, Words: words()}
	if render(t, doc) != render(t, doc) {
		t.Error("the same input gave two pages")
	}
}
