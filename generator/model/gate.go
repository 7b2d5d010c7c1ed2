package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Limits a real agreement never meets. They bound the time and memory
// one file can cost, and are checked while the file is read.
const (
	MaxFileBytes  = 1 << 20 // the whole file; the longest real one is about 40 kB
	MaxValueRunes = 5000    // one value, e.g. a paragraph
	MaxListItems  = 500     // one list
	MaxIDRunes    = 64      // an id, which becomes part of file names
	// MaxBundleText bounds the file's size times the number of documents
	// made from it, since a routine sheet repeats what concerns its role:
	// it keeps a bundle under about 3000 pages and 100 MB of memory.
	MaxBundleText = 10 << 20
	baseDocuments = 8 // the agreement, year plan, content check and built-in checklists
)

// checkLimits refuses a file too large to make a bundle from.
func checkLimits(r *Reporter, a *Agreement, size int) {
	docs := baseDocuments + len(a.Roles) + len(a.Meetings) + len(a.Checklists.Lists)
	if size*docs <= MaxBundleText {
		return
	}
	r.Errorf(Pos{1, 1}, "filen er %d kB og gir %d dokumenter (ett for hver rolle, hvert møte og hver sjekkliste); det blir mer enn en pakke kan ha (%d MB tekst til sammen). En avtale er sjelden over 100 kB; korte ned teksten eller del avtalen", size/1024, docs, MaxBundleText>>20)
}

// Scripts names the scripts the documents can show, for messages and the
// README.
const Scripts = "latinsk, gresk og kyrillisk skrift"

// Printable reports whether the documents can show r.
func Printable(r rune) bool { return unicode.Is(printable, r) }

// isBidiControl reports the characters that change the direction text is
// shown in: an editor and the PDF then show different words.
func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// checkText refuses a value the documents cannot show as the file shows
// it. It reports the first problem only, at the value.
func (d *decoder) checkText(n *yaml.Node, key, s string) bool {
	if count := utf8.RuneCountInString(s); count > MaxValueRunes {
		d.r.Errorf(pos(n), "«%s» er %d tegn lang; en verdi kan ha høyst %d tegn – del teksten i flere avsnitt", key, count, MaxValueRunes)
		return false
	}
	for _, r := range s {
		if r == '\n' || r == '\t' || Printable(r) {
			continue
		}
		d.r.Errorf(pos(n), "«%s»: %s", key, charProblem(r))
		return false
	}
	return true
}

// charProblem says why r cannot stand in a value, and what to do.
func charProblem(r rune) string {
	switch {
	case isBidiControl(r):
		return fmt.Sprintf("teksten inneholder et usynlig tegn som snur skriveretningen (U+%04X), så redigeringsprogrammet og dokumentet viser forskjellige ord; slett tegnet", r)
	case unicode.Is(unicode.Cc, r):
		return fmt.Sprintf("teksten inneholder kontrolltegnet U+%04X, som ikke kan skrives ut; slett det", r)
	case unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
		return fmt.Sprintf("teksten inneholder et usynlig tegn (U+%04X); slett det", r)
	case unicode.Is(unicode.Co, r):
		return fmt.Sprintf("tegnet U+%04X er fra et privat tegnområde og kan ikke vises i dokumentene; slett det", r)
	}
	if script := scriptName(r); script != "" {
		return fmt.Sprintf("tegnet «%c» (U+%04X, %s) kan ikke vises i dokumentene, som kan vise %s; skriv navnet med latinske bokstaver (translitterert)", r, r, script, Scripts)
	}
	return fmt.Sprintf("tegnet «%c» (U+%04X) kan ikke vises i dokumentene, som kan vise %s og vanlige tegn; skriv det med ord, eller slett det", r, r, Scripts)
}

func scriptName(r rune) string {
	for _, s := range []struct {
		table *unicode.RangeTable
		name  string
	}{
		{unicode.Arabic, "arabisk skrift"},
		{unicode.Ethiopic, "etiopisk skrift (ge'ez)"},
		{unicode.Hebrew, "hebraisk skrift"},
		{unicode.Syriac, "syrisk skrift"},
		{unicode.Thaana, "thaana-skrift"},
		{unicode.Han, "kinesiske tegn"},
		{unicode.Hiragana, "japansk skrift"},
		{unicode.Katakana, "japansk skrift"},
		{unicode.Hangul, "koreansk skrift"},
		{unicode.Thai, "thailandsk skrift"},
		{unicode.Devanagari, "devanagari"},
		{unicode.Bengali, "bengali"},
		{unicode.Tamil, "tamilsk skrift"},
		{unicode.Armenian, "armensk skrift"},
		{unicode.Georgian, "georgisk skrift"},
		{unicode.Myanmar, "burmesisk skrift"},
		{unicode.Khmer, "khmer"},
		{unicode.Tibetan, "tibetansk skrift"},
	} {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}

// plainTags are the YAML tags a value may carry: those of plain scalars,
// lists and mappings. Others (!!binary, !!python/object, !egen) would be
// silently dropped, so they are refused.
var plainTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!timestamp": true, "!!map": true, "!!seq": true}

func (d *decoder) checkTag(n *yaml.Node, key string) bool {
	if n.Style&yaml.TaggedStyle == 0 || plainTags[n.Tag] {
		return true
	}
	d.r.Errorf(pos(n), "«%s»: YAML-merkelappen «%s» brukes ikke i avtalefilen; slett den og skriv verdien som vanlig tekst", key, Escape(n.Tag))
	return false
}

// Escape makes s safe to print on a terminal: control characters and
// direction controls are shown as \x1b or \u202e instead of acting.
func Escape(s string) string {
	if !strings.ContainsFunc(s, unsafeInTerminal) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case !unsafeInTerminal(r):
			b.WriteRune(r)
		case r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func unsafeInTerminal(r rune) bool {
	return unicode.Is(unicode.Cc, r) || isBidiControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) || r == utf8.RuneError
}

// WithoutComments re-encodes an agreement file without its comments, for
// the copy attached to the PDF: comments are the writers' notes and may
// hold what the agreement does not (a private phone number, a sick
// leave). The result is deterministic and loads to the same agreement.
func WithoutComments(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(Normalize(data), &doc); err != nil {
		return nil, err
	}
	return encodeWithoutComments(&doc)
}

// Tree is an agreement file's YAML as Load parsed it.
type Tree struct{ doc *yaml.Node }

// WithoutComments is WithoutComments of the file the tree was parsed from.
// It clears the tree's comments, so call it once, when nothing else reads
// the tree.
func (t *Tree) WithoutComments() ([]byte, error) { return encodeWithoutComments(t.doc) }

func encodeWithoutComments(doc *yaml.Node) ([]byte, error) {
	stripComments(doc)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func stripComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		stripComments(c)
	}
}
