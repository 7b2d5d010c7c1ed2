package model

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"samarbeid/generator/internal/memo"
)

// maxNodes bounds the work the decoder does, so that a file built from
// nested aliases cannot make it run for ever.
const maxNodes = 200000

// Load reads an agreement from the YAML in data, with the input words of
// the built-in language packs. file names the input in diagnostics. It
// returns the agreement and every problem found, sorted by position; the
// agreement is nil when there are errors.
//
// The built-in words are asked for only once the file is parsed, so a
// caller that starts building them beside (BuiltinVocabulary, in the
// background) has them built while the parser works.
func Load(file string, data []byte) (*Agreement, Diagnostics) {
	a, diags, _ := load(file, data, BuiltinVocabulary)
	return a, diags
}

// LoadTree is Load that also returns the file's parsed YAML, so that the
// caller can make the file without its comments (Tree.WithoutComments)
// without parsing it again. The tree is nil when there are errors.
func LoadTree(file string, data []byte) (*Agreement, Diagnostics, *Tree) {
	a, diags, doc := load(file, data, BuiltinVocabulary)
	if a == nil {
		return nil, diags, nil
	}
	return a, diags, &Tree{doc: doc}
}

// LoadWith is Load with the input words of words, e.g. those of the packs
// a --templates folder overrides or adds.
func LoadWith(file string, data []byte, words *Vocabulary) (*Agreement, Diagnostics) {
	a, diags, _ := load(file, data, func() *Vocabulary { return words })
	return a, diags
}

func load(file string, data []byte, vocabulary func() *Vocabulary) (*Agreement, Diagnostics, *yaml.Node) {
	if len(data) > MaxFileBytes {
		r := &Reporter{File: file}
		r.Errorf(Pos{1, 1}, "filen er større enn %d kB, grensen for en avtalefil (en avtale er sjelden over 100 kB); sjekk at det er riktig fil", MaxFileBytes/1024)
		return nil, r.Diags, nil
	}
	var a Agreement
	r, words, doc := decodeFile(file, data, &a, vocabulary)
	if doc == nil {
		return nil, r.Diags.Sort(), nil
	}
	a.applyDefaults()
	validate(r, &a, words)
	checkLimits(r, &a, len(data))
	diags := r.Diags.Sort()
	if len(diags.Errors()) > 0 {
		return nil, diags, nil
	}
	return &a, diags, doc
}

// Normalize turns what editors on Windows write into what the parser
// expects: no byte-order mark, LF line endings.
func Normalize(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return data
}

// parseYAML parses data and returns its document node and the mapping at
// its top, both nil when the file is not one agreement's mapping.
func parseYAML(r *Reporter, data []byte) (*yaml.Node, *yaml.Node) {
	data = Normalize(data)
	if !utf8.Valid(data) {
		r.Errorf(invalidUTF8Pos(data), "filen er ikke lagret som UTF-8 (æ, ø og å blir feil); lagre den på nytt med tegnkoding UTF-8")
		return nil, nil
	}
	if bytes.ContainsRune(data, 0) {
		r.Errorf(Pos{1, 1}, "filen inneholder binære data og er ikke en tekstfil; skriv avtalen som YAML-tekst")
		return nil, nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			r.Errorf(Pos{1, 1}, "filen er tom; skriv avtalen som YAML, for eksempel «title: Samarbeidsavtale …» (se «samarbeid init»)")
			return nil, nil
		}
		reportSyntax(r, err, data)
		return nil, nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		r.Errorf(Pos{extra.Line, extra.Column}, "filen har mer enn ett YAML-dokument (en linje med «---»); én fil skal beskrive én avtale")
		return nil, nil
	}
	if len(doc.Content) == 0 {
		r.Errorf(Pos{1, 1}, "filen er tom; skriv avtalen som YAML, for eksempel «title: Samarbeidsavtale …» (se «samarbeid init»)")
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.Errorf(Pos{root.Line, root.Column}, "filen skal bestå av felt som «title: …» og «parties: …», ikke en enkelt verdi eller liste")
		return nil, nil
	}
	return &doc, root
}

func invalidUTF8Pos(data []byte) Pos {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return Pos{line, col}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return Pos{line, col}
}

var syntaxLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxMessages puts the YAML parser's messages into Norwegian, with what
// usually causes them.
var syntaxMessages = []struct{ english, norwegian string }{
	{"found character that cannot start any token", "tegn som ikke kan stå her – ofte et tabulatortegn i innrykket; bruk mellomrom til innrykk"},
	{"mapping values are not allowed in this context", "et kolon der det ikke kan stå; sett teksten i anførselstegn (\"…\") eller rett innrykket"},
	{"did not find expected key", "innrykket stemmer ikke med linjene over; rett innrykket så feltene står under hverandre"},
	{"did not find expected '-' indicator", "listen brytes av en linje med feil innrykk; hvert punkt skal begynne med «- » på samme innrykk"},
	{"could not find expected ':'", "et felt mangler kolon; skriv «navn: verdi»"},
	{"found unexpected end of stream", "filen slutter midt i en verdi; sjekk at alle anførselstegn og klammer er lukket"},
	{"found unknown escape character", "ukjent escape-tegn med \\ i en tekst i doble anførselstegn; bruk enkle anførselstegn eller skriv \\\\"},
	{"found unexpected document indicator", "uventet «---» eller «...»; én fil skal beskrive én avtale"},
	{"did not find expected node content", "en verdi mangler her; skriv en tekst, en liste eller felt"},
	{"did not find expected alphabetic or numeric character", "et anker eller alias (& eller *) uten navn; sett teksten i anførselstegn"},
	{"found undefined alias", "et alias (*navn) som ikke er definert; sett teksten i anførselstegn hvis den begynner med *"},
	{"did not find expected comment or line break", "uventet tekst etter en verdi; sett teksten i anførselstegn"},
	{"found a tab character", "tabulatortegn i innrykket; bruk mellomrom"},
	{"already defined", "feltet står to ganger; slett det ene"},
	{"control characters are not allowed", "filen inneholder kontrolltegn som ikke er tillatt; fjern dem"},
}

func reportSyntax(r *Reporter, err error, data []byte) {
	text := err.Error()
	pos := Pos{1, 1}
	if m := syntaxLine().FindStringSubmatch(text); m != nil {
		line, _ := strconv.Atoi(m[1])
		pos = Pos{line, 1}
		text = m[2]
	} else {
		text = strings.TrimPrefix(text, "yaml: ")
	}
	if line := firstBadLine(data); line > 0 {
		pos = Pos{line, 1}
	}
	// A quote left open swallows the lines below it, and the parser then
	// complains about what follows («did not find expected key»); the
	// line that no longer parses is the one with the open quote.
	if lines := bytes.Split(data, []byte("\n")); pos.Line <= len(lines) {
		if col := openQuote(string(lines[pos.Line-1])); col > 0 {
			r.Errorf(Pos{pos.Line, col}, "ugyldig YAML: anførselstegnet som begynner her, blir ikke lukket; skriv det samme anførselstegnet på slutten av verdien")
			return
		}
	}
	for _, s := range syntaxMessages {
		if strings.Contains(text, s.english) {
			r.Errorf(pos, "ugyldig YAML: %s", s.norwegian)
			return
		}
	}
	r.Errorf(pos, "ugyldig YAML (%s); sjekk innrykk, kolon og anførselstegn på denne linjen og linjen over", text)
}

// openQuote is the column of a quote that starts a value on line and is
// not closed on it, or 0.
func openQuote(line string) int {
	m := quotedValue().FindStringSubmatchIndex(line)
	if m == nil {
		return 0
	}
	start := m[2]
	q := line[start]
	rest := line[start+1:]
	for i := 0; i < len(rest); i++ {
		switch {
		case q == '"' && rest[i] == '\\':
			i++ // an escaped character
		case rest[i] == q && q == '\'' && i+1 < len(rest) && rest[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case rest[i] == q:
			return 0
		}
	}
	return utf8.RuneCountInString(line[:start]) + 1
}

// quotedValue finds a value that starts with a quote: after «key: », after
// «- », or as a list item in brackets.
var quotedValue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(?:-\s+)*(?:[^\s"'#:][^:#]*:\s+)?(?:\[[^\]"']*,\s*)?(["'])`)
})

// firstBadLine finds the line a syntax error really stands on. The YAML
// parser names the line where the enclosing block starts, which can be far
// above the mistake; the first prefix of the file that no longer parses ends
// at the line the user must fix. Returns 0 if no prefix fails.
func firstBadLine(data []byte) int {
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		var node yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &node)
		return err != nil
	}
	if !fails(len(lines)) {
		return 0
	}
	lo, hi := 1, len(lines) // fails(hi) holds
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return hi
}

type decoder struct {
	r     *Reporter
	nodes int
	words *Vocabulary
}

var (
	scalarType = reflect.TypeFor[scalar]()
	wordedType = reflect.TypeFor[worded]()
)

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, key string) {
	d.nodes++
	if d.nodes > maxNodes {
		if d.nodes == maxNodes+1 {
			d.r.Errorf(pos(n), "filen er for stor eller bruker for mange alias (*navn); skriv verdiene ut")
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		d.value(n.Alias, v, key)
		return
	}
	if !d.checkTag(n, key) {
		return
	}
	if isNull(n) {
		return // an empty value is the same as a missing one
	}
	if n.Kind == yaml.ScalarNode && !d.checkText(n, key, n.Value) {
		return
	}
	if v.CanAddr() && (v.Addr().Type().Implements(scalarType) || v.Addr().Type().Implements(wordedType)) {
		if n.Kind != yaml.ScalarNode {
			d.r.Errorf(pos(n), "«%s» skal være en enkelt verdi, ikke %s", key, kindWord(n))
			return
		}
		var err error
		switch x := v.Addr().Interface().(type) {
		case worded:
			err = x.read(n.Value, d.words)
		case scalar:
			err = x.parse(n.Value)
		}
		if err != nil {
			d.r.Errorf(pos(n), "«%s»: %v", key, err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), key)
	case reflect.Struct:
		d.mapping(n, v, key)
	case reflect.Slice:
		d.sequence(n, v, key)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.r.Errorf(pos(n), "«%s» skal være en tekst, ikke %s", key, kindWord(n))
			return
		}
		v.SetString(strings.TrimSpace(n.Value))
	case reflect.Bool:
		switch strings.ToLower(n.Value) {
		case "true", "ja":
			v.SetBool(true)
		case "false", "nei":
			v.SetBool(false)
		default:
			d.r.Errorf(pos(n), "«%s» skal være ja eller nei (true eller false), ikke «%s»", key, n.Value)
		}
	case reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.r.Errorf(pos(n), "«%s» skal være et helt tall, ikke «%s»", key, n.Value)
			return
		}
		v.SetInt(int64(i))
	default:
		panic(fmt.Sprintf("model: field %s has unsupported type %s", key, v.Type()))
	}
}

// blank reports a scalar that is there but holds only spaces, like «""».
func blank(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && !isNull(n) && strings.TrimSpace(n.Value) == ""
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "en liste"
	case yaml.MappingNode:
		return "felt med underfelt"
	}
	return "en enkelt verdi"
}

// Field is a struct field as the input names it. The decoder and the JSON
// Schema both read the model's types through Fields, so they agree on keys.
type Field struct {
	Index    int    // the field's index in the struct
	Key      string // the key in the YAML file
	Required bool
}

// Fields lists the fields of a model struct type that the input can set.
// The list is shared: callers only read it.
func Fields(t reflect.Type) []Field { return fieldsOf(t).fields }

// fieldSet is what the decoder needs of a struct type: its fields and their
// keys, in order.
type fieldSet struct {
	fields []Field
	keys   []string
}

// fieldSets holds each struct type's fields, made once per process: the
// decoder asks for them at every mapping of the file.
var fieldSets memo.Map[reflect.Type, *fieldSet]

func fieldsOf(t reflect.Type) *fieldSet {
	s, _ := fieldSets.Get(t, func() (*fieldSet, error) {
		s := &fieldSet{}
		for i := range t.NumField() {
			f := t.Field(i)
			key := f.Tag.Get("yaml")
			if key == "" || key == "-" {
				continue
			}
			s.fields = append(s.fields, Field{Index: i, Key: key, Required: f.Tag.Get("required") == "true"})
			s.keys = append(s.keys, key)
		}
		return s, nil
	})
	return s
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.r.Errorf(pos(n), "«%s» skal ha underfelt (for eksempel «name: …» på egne linjer med innrykk), ikke %s", key, kindWord(n))
		return
	}
	loc := v.FieldByName("Loc").Addr().Interface().(*Loc)
	loc.Pos = pos(n)
	set := fieldsOf(v.Type())
	infos, known := set.fields, set.keys
	seen := map[string]bool{}
	misspelt := map[string]bool{} // known keys an unknown key was taken for
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name := k.Value
		idx := indexOf(known, name)
		if idx < 0 {
			misspelt[d.unknownKey(k, name, known)] = true
			continue
		}
		if seen[name] {
			d.r.Errorf(pos(k), "feltet «%s» står to ganger; slett det ene", name)
			continue
		}
		seen[name] = !isNull(val)
		if infos[idx].Required && blank(val) {
			d.r.Errorf(pos(val), "«%s» er tom, men må fylles ut; skriv en verdi etter «%s:»", name, name)
			seen[name] = true // reported here, not as missing
			continue
		}
		loc.record(name, pos(val))
		before := len(d.r.Diags)
		d.value(val, v.Field(infos[idx].Index), name)
		// A value the decoder refused is not set: its range is not checked
		// again on the zero value left in its place («duration_minutes: 0»
		// after «999999999999999999999» was refused).
		if !isNull(val) && len(d.r.Diags[before:].Errors()) == 0 {
			loc.record(name+".key", pos(k))
		}
		if val.Kind == yaml.SequenceNode {
			for j, item := range val.Content {
				loc.record(fmt.Sprintf("%s[%d]", name, j), pos(item))
			}
		}
	}
	for _, f := range infos {
		if f.Required && !seen[f.Key] && !misspelt[f.Key] {
			where := ""
			if key != "" {
				where = fmt.Sprintf(" i «%s»", key)
			}
			d.r.Errorf(loc.Pos, "påkrevd felt «%s» mangler%s; legg til «%s: …» på dette nivået", f.Key, where, f.Key)
		}
	}
}

// unknownKey reports a key the type does not have and returns the known key
// it was probably meant to be, or "".
func (d *decoder) unknownKey(k *yaml.Node, name string, known []string) string {
	if best := Closest(name, known); best != "" {
		d.r.Errorf(pos(k), "ukjent felt «%s» – mente du «%s»?", name, best)
		return best
	}
	d.r.Errorf(pos(k), "ukjent felt «%s»; gyldige felt her er %s", name, OrList(known))
	return ""
}

func (d *decoder) sequence(n *yaml.Node, v reflect.Value, key string) {
	elem := v.Type().Elem()
	if n.Kind == yaml.ScalarNode && elem.Kind() != reflect.Struct {
		// A single value where a list is allowed: a list of one.
		item := reflect.New(elem).Elem()
		d.value(n, item, key)
		v.Set(reflect.Append(v, item))
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.r.Errorf(pos(n), "«%s» skal være en liste, med hvert punkt på egen linje som begynner med «- »", key)
		return
	}
	if len(n.Content) > MaxListItems {
		d.r.Errorf(pos(n), "listen «%s» har %d punkter; en liste kan ha høyst %d", key, len(n.Content), MaxListItems)
		return
	}
	out := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for _, c := range n.Content {
		item := reflect.New(elem).Elem()
		if isNull(c) || blank(c) {
			d.r.Errorf(pos(c), "tomt punkt i listen «%s»; skriv noe etter «- » eller slett linjen", key)
			continue
		}
		d.value(c, item, key)
		out = reflect.Append(out, item)
	}
	v.Set(out)
}

// language is the «language:» the file's top level names, "" for none: a
// message about a phrase gives its examples in the file's målform, also
// for the phrases the decoder reads before it.
func language(root *yaml.Node) string {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "language" && v.Kind == yaml.ScalarNode {
			return v.Value
		}
	}
	return ""
}

// LoadStandard reads the built-in standard texts, which have the shape of a
// file's standard_texts.
func LoadStandard(file string, data []byte) (*Standard, Diagnostics) {
	var s Standard
	r, _, _ := decodeFile(file, data, &s, BuiltinVocabulary)
	if len(r.Diags) > 0 {
		return nil, r.Diags.Sort()
	}
	return &s, nil
}

// decodeFile parses data and decodes it into v, a pointer to a model
// struct and returns the parsed document, nil when the file could not be
// parsed at all; the problems are in the reporter either way.
// vocabulary gives the words to read with, once the file is parsed.
func decodeFile(file string, data []byte, v any, vocabulary func() *Vocabulary) (r *Reporter, words *Vocabulary, doc *yaml.Node) {
	r = &Reporter{File: file}
	doc, root := parseYAML(r, data)
	if root == nil {
		return r, nil, nil
	}
	words = vocabulary()
	(&decoder{r: r, words: words.In(language(root))}).value(root, reflect.ValueOf(v).Elem(), "")
	return r, words, doc
}
