// Package lang holds the words of the documents: one language pack per
// målform (templates/lang/<code>.yaml), overridable with --templates like
// every template. Go code carries values and codes; every word a document
// shows is looked up here by key.
//
// A pack is a YAML tree whose leaves are texts or lists of texts; a text is
// found by its dotted path, e.g. "agreement.heading.goals". Every pack has
// exactly the keys of the reference pack (bokmål), so a missing or misspelt
// key is an error when the pack is loaded, not a hole in a document.
package lang

import (
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"

	"samarbeid/templates"
)

// Codes are the known language packs, the default first. Adding a pack is
// adding its code here and its files under templates/lang.
var Codes = []string{"nb", "nn"}

// Default is the målform of a file that does not name one.
const Default = "nb"

// Path is the file of the pack with the given code.
func Path(code string) string { return "lang/" + code + ".yaml" }

// Pack is one language's words.
type Pack struct {
	code  string
	texts map[string]string
	lists map[string][]string
}

// Code is the pack's code, e.g. "nn".
func (p *Pack) Code() string { return p.code }

// Load reads the pack with the given code from fsys and checks that it has
// the keys of the built-in reference pack, no more and no fewer.
func Load(fsys fs.FS, code string) (*Pack, error) {
	if !slices.Contains(Codes, code) {
		return nil, fmt.Errorf("språket «%s» finnes ikke; skriv %s", code, strings.Join(Codes, " eller "))
	}
	data, err := fs.ReadFile(fsys, Path(code))
	if err != nil {
		return nil, fmt.Errorf("språkpakken %s finnes ikke: %w", Path(code), err)
	}
	// The built-in pack is parsed once per process; a run without its own
	// pack (nearly all) reuses it rather than parse the same bytes again.
	var p *Pack
	if embedded, err := fs.ReadFile(templates.Files, Path(code)); err == nil && bytes.Equal(data, embedded) {
		p = Builtin(code)
	}
	if p == nil {
		if p, err = parse(code, data); err != nil {
			return nil, err
		}
	}
	ref, err := reference()
	if err != nil {
		return nil, err
	}
	if err := p.sameKeys(ref); err != nil {
		return nil, fmt.Errorf("språkpakken %s: %w", Path(code), err)
	}
	return p, nil
}

// Builtin is the embedded pack with the given code, for callers that have
// no --templates directory, such as the reader of the input phrases; nil
// for an unknown code.
func Builtin(code string) *Pack {
	packs, err := builtins()
	if err != nil {
		return nil
	}
	return packs[code]
}

// builtins are the embedded packs, parsed once per process: they are part
// of the binary and never change while it runs.
var builtins = sync.OnceValues(func() (map[string]*Pack, error) {
	out := map[string]*Pack{}
	for _, c := range Codes {
		if _, err := fs.Stat(templates.Files, Path(c)); err != nil && c != Default {
			continue // a pack that only --templates provides
		}
		data, err := fs.ReadFile(templates.Files, Path(c))
		if err != nil {
			return nil, fmt.Errorf("språkpakken %s finnes ikke: %w", Path(c), err)
		}
		p := cached(c, data)
		if p == nil {
			if p, err = parse(c, data); err != nil {
				return nil, err
			}
		}
		out[c] = p
	}
	return out, nil
})

func reference() (*Pack, error) {
	packs, err := builtins()
	if err != nil {
		return nil, err
	}
	return packs[Default], nil
}

func parse(code string, data []byte) (*Pack, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("språkpakken %s: %v", Path(code), err)
	}
	p := &Pack{code: code, texts: map[string]string{}, lists: map[string][]string{}}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("språkpakken %s er tom", Path(code))
	}
	if err := p.flatten("", root.Content[0]); err != nil {
		return nil, fmt.Errorf("språkpakken %s: %w", Path(code), err)
	}
	return p, nil
}

func (p *Pack) flatten(prefix string, n *yaml.Node) error {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if prefix != "" {
				key = prefix + "." + key
			}
			if err := p.flatten(key, n.Content[i+1]); err != nil {
				return err
			}
		}
		return nil
	case yaml.ScalarNode:
		p.texts[prefix] = n.Value
		return nil
	case yaml.SequenceNode:
		list := []string{}
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return fmt.Errorf("linje %d: «%s» skal være en liste med tekster", c.Line, prefix)
			}
			list = append(list, c.Value)
		}
		p.lists[prefix] = list
		return nil
	}
	return fmt.Errorf("linje %d: «%s» skal være en tekst eller en liste", n.Line, prefix)
}

// sameKeys reports the keys p lacks or has beyond ref.
func (p *Pack) sameKeys(ref *Pack) error {
	var missing, extra []string
	for k := range ref.texts {
		if _, ok := p.texts[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k, l := range ref.lists {
		got, ok := p.lists[k]
		switch {
		case !ok:
			missing = append(missing, k)
		case fixedLength(k) && len(got) != len(l):
			return fmt.Errorf("«%s» skal ha %d tekster, ikke %d", k, len(l), len(got))
		}
	}
	for k := range p.texts {
		if _, ok := ref.texts[k]; !ok {
			extra = append(extra, k)
		}
	}
	for k := range p.lists {
		if _, ok := ref.lists[k]; !ok {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	switch {
	case len(missing) > 0:
		return fmt.Errorf("mangler %s", strings.Join(missing, ", "))
	case len(extra) > 0:
		return fmt.Errorf("ukjente nøkler %s", strings.Join(extra, ", "))
	}
	return nil
}

// fixedLength says whether a list is indexed by position (month and
// weekday names), so every pack must have as many entries.
func fixedLength(key string) bool {
	return key == "date.months" || key == "date.weekdays" || key == "date.months_short" || key == "date.weekdays_short"
}

// T is the text with the given key, with args filled in by fmt verbs. An
// unknown key gives the key in brackets, so a template mistake shows in
// the document and in the tests instead of failing a whole bundle.
func (p *Pack) T(key string, args ...any) string {
	s, ok := p.texts[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether the pack has a text with the given key.
func (p *Pack) Has(key string) bool {
	_, ok := p.texts[key]
	return ok
}

// N is the singular (key.one) or plural (key.other) text for n, with
// args filled in.
func (p *Pack) N(key string, n int, args ...any) string {
	form := key + ".other"
	if n == 1 {
		form = key + ".one"
	}
	return p.T(form, args...)
}

// List is the list with the given key.
func (p *Pack) List(key string) []string { return p.lists[key] }

// Keys are the names one level below prefix that hold a list, sorted: for
// "read.number" they are "1", "10", …, "last".
func (p *Pack) Keys(prefix string) []string {
	var out []string
	for k := range p.lists {
		if name, ok := strings.CutPrefix(k, prefix+"."); ok && !strings.Contains(name, ".") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// And lists words the Norwegian way: «a», «a og b», «a, b og c».
func (p *Pack) And(words []string) string { return p.join(words, p.T("list.and")) }

// Or lists words with «eller»: «a», «a eller b», «a, b eller c».
func (p *Pack) Or(words []string) string { return p.join(words, p.T("list.or")) }

func (p *Pack) join(words []string, last string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + last + " " + words[len(words)-1]
}

// Month is the name of month m, 1 for January; "" outside 1–12.
func (p *Pack) Month(m int) string {
	names := p.lists["date.months"]
	if m < 1 || m > len(names) {
		return ""
	}
	return names[m-1]
}

// Weekday is the name of the weekday.
func (p *Pack) Weekday(d time.Weekday) string {
	names := p.lists["date.weekdays"]
	i := (int(d) + 6) % 7
	if i >= len(names) {
		return ""
	}
	return names[i]
}

// Date is the date in words, e.g. «18. september 2020»; "" for the zero time.
func (p *Pack) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return p.T("date.long", t.Day(), p.Month(int(t.Month())), t.Year())
}
