package model

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"samarbeid/generator/lang"
)

// TimeUnit is a unit of time in a frequency, a deadline or a break. Its code
// names the unit's words in a language pack: read.unit.<code> for the
// words the reader accepts, deadline.unit.<code> for the words a document
// writes.
type TimeUnit string

// The units of time.
const (
	UnitDay      TimeUnit = "day"
	UnitWeek     TimeUnit = "week"
	UnitMonth    TimeUnit = "month"
	UnitQuarter  TimeUnit = "quarter"
	UnitHalfYear TimeUnit = "half_year"
	UnitYear     TimeUnit = "year"
	UnitSpring   TimeUnit = "spring" // «hver vår»: once a year, in spring
	UnitAutumn   TimeUnit = "autumn"
)

var units = []TimeUnit{UnitDay, UnitWeek, UnitMonth, UnitQuarter, UnitHalfYear, UnitYear, UnitSpring, UnitAutumn}

// phraseKinds are the frequencies a whole phrase can be
// (read.frequency.<key>), and the unit the same word is when it follows a
// count: «to ganger årlig» is twice per year.
var phraseKinds = []struct {
	key  string
	freq Frequency
	unit TimeUnit
}{
	{"as_needed", Frequency{Kind: FreqAsNeeded}, ""},
	{"regular", Frequency{Kind: FreqRegular}, ""},
	{"weekly", Frequency{Kind: FreqWeeks, Weeks: 1}, UnitWeek},
	{"monthly", Frequency{Kind: FreqMonthly}, UnitMonth},
	{"quarterly", Frequency{Kind: FreqQuarterly}, UnitQuarter},
	{"twice_yearly", Frequency{Kind: FreqTwiceYearly}, UnitHalfYear},
	{"yearly", Frequency{Kind: FreqYearly}, UnitYear},
}

// lastNumber is the key of «siste» among read.number's values.
const lastNumber = "last"

type set map[string]bool

// Vocabulary is every word the reader understands in a file's free
// phrases (frequencies, deadlines, breaks, month and weekday names), taken
// from the read.* lists of the language packs. It is the union of all the
// packs it is made from, so a file may write its phrases in any målform;
// where two packs give one word different meanings, the first pack's wins.
type Vocabulary struct {
	packs map[string]*lang.Pack
	order []*lang.Pack

	phrases  map[string]Frequency
	adverbs  map[string]TimeUnit // a whole-phrase frequency after a count
	units    map[string]TimeUnit
	numbers  map[string]int
	months   map[string]int // 0 for January
	weekdays map[string]int // 0 for Monday

	every, everyOther, times, the set
	per, by, definite, hedges     []string
	also, seasons                 []string // with their separators, longest first

	deadlineBy, before, after, easter set
	dashes                            *strings.Replacer

	// words are each pack's words, for suggestions; known is their union.
	words map[string][]string
	known set

	// code is the målform of the file being read: the examples in a
	// message are in its pack.
	code string
}

// In is the vocabulary for reading a file in the målform with the given
// code: the same words, with messages whose examples are in that målform.
func (w *Vocabulary) In(code string) *Vocabulary {
	c := *w
	c.code = code
	return &c
}

// example is the example with the given key (under read.example) in the
// file's målform.
func (w *Vocabulary) example(key string) string { return w.Pack(w.code).T("read.example." + key) }

// examples are the examples with the given key (under read.example) in
// the file's målform, quoted and joined with «eller».
func (w *Vocabulary) examples(key string) string {
	return OrList(w.Pack(w.code).List("read.example." + key))
}

// NewVocabulary is the vocabulary of the given packs.
func NewVocabulary(packs []*lang.Pack) *Vocabulary {
	w := &Vocabulary{
		packs: map[string]*lang.Pack{}, phrases: map[string]Frequency{}, adverbs: map[string]TimeUnit{},
		units: map[string]TimeUnit{}, numbers: map[string]int{}, months: map[string]int{}, weekdays: map[string]int{},
		every: set{}, everyOther: set{}, times: set{}, the: set{},
		deadlineBy: set{}, before: set{}, after: set{}, easter: set{},
		words: map[string][]string{}, known: set{},
	}
	dashes := []string{"–", "-", "—", "-"}
	for _, p := range packs {
		w.packs[p.Code()] = p
		w.order = append(w.order, p)
		list := func(key string) []string {
			words := p.List(key)
			for _, phrase := range words {
				for _, word := range strings.Fields(phrase) {
					w.addWord(p.Code(), word)
				}
			}
			return words
		}
		for _, k := range phraseKinds {
			for _, s := range list("read.frequency." + k.key) {
				first(w.phrases, s, k.freq)
				if k.unit != "" {
					first(w.adverbs, s, k.unit)
				}
			}
		}
		for _, u := range units {
			for _, s := range list("read.unit." + string(u)) {
				first(w.units, s, u)
			}
		}
		for _, key := range p.Keys("read.number") {
			n, err := strconv.Atoi(key)
			if key == lastNumber {
				n, err = -1, nil
			}
			if err != nil {
				continue
			}
			for _, s := range list("read.number." + key) {
				first(w.numbers, s, n)
			}
		}
		for i, s := range list("date.months") {
			first(w.months, s, i)
		}
		for i, s := range list("date.weekdays") {
			first(w.weekdays, s, i)
		}
		add(w.every, list("read.frequency.every"))
		add(w.everyOther, list("read.frequency.every_other"))
		add(w.times, list("read.frequency.times"))
		add(w.the, list("read.frequency.the"))
		w.per = appendNew(w.per, list("read.frequency.per"))
		w.by = appendNew(w.by, list("read.frequency.by"))
		add(w.deadlineBy, list("read.deadline.by"))
		add(w.before, list("read.deadline.before"))
		add(w.after, list("read.deadline.after"))
		add(w.easter, list("read.period.easter"))
		w.definite = appendNew(w.definite, list("read.definite"))
		w.hedges = append(w.hedges, list("read.frequency.hedges")...)
		for _, s := range list("read.frequency.also_as_needed") {
			w.also = append(w.also, ", "+s, " "+s)
		}
		for _, s := range list("read.frequency.seasons") {
			w.seasons = append(w.seasons, " ("+s+")", ", "+s, " "+s)
		}
		for _, s := range list("read.period.to") {
			dashes = append(dashes, s, "-")
		}
	}
	// The longest ending is tried first, so «, og ved behov» is cut whole
	// rather than leave a comma behind as « og ved behov» would.
	for _, l := range [][]string{w.also, w.seasons} {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	w.dashes = strings.NewReplacer(dashes...)
	return w
}

func first[V any](m map[string]V, key string, v V) {
	if _, ok := m[key]; !ok {
		m[key] = v
	}
}

func add(s set, words []string) {
	for _, w := range words {
		s[w] = true
	}
}

func appendNew(l, words []string) []string {
	for _, s := range words {
		if !slices.Contains(l, s) {
			l = append(l, s)
		}
	}
	return l
}

func (w *Vocabulary) addWord(code, word string) {
	if strings.IndexFunc(word, unicode.IsDigit) >= 0 {
		return
	}
	w.known[word] = true
	if !slices.Contains(w.words[code], word) {
		w.words[code] = append(w.words[code], word)
	}
}

// BuiltinVocabulary is the vocabulary of the built-in packs, made once per
// process on first use.
func BuiltinVocabulary() *Vocabulary { return builtinVocabulary() }

var builtinVocabulary = sync.OnceValue(func() *Vocabulary {
	var packs []*lang.Pack
	for _, code := range lang.Codes {
		if p := lang.Builtin(code); p != nil {
			packs = append(packs, p)
		}
	}
	return NewVocabulary(packs)
})

// Pack is the pack with the given code, or the built-in one; the default
// pack when there is neither.
func (w *Vocabulary) Pack(code string) *lang.Pack {
	if p := w.packs[code]; p != nil {
		return p
	}
	if p := lang.Builtin(code); p != nil {
		return p
	}
	return lang.Builtin(lang.Default)
}

// PackOf is the pack with the given code that the vocabulary is made
// from; false when it has none, or the vocabulary is nil.
func (w *Vocabulary) PackOf(code string) (*lang.Pack, bool) {
	if w == nil {
		return nil, false
	}
	p, ok := w.packs[code]
	return p, ok
}

// Union is the list with the given key of every pack, each form once, in
// the order of the packs.
func (w *Vocabulary) Union(key string) []string {
	var out []string
	for _, p := range w.order {
		out = appendNew(out, p.List(key))
	}
	return out
}

// number reads «3», «3.», «tre» or «tredje»; «siste» is -1.
func (w *Vocabulary) number(s string) (int, bool) {
	if n, ok := w.numbers[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(strings.TrimSuffix(s, "."))
	return n, err == nil && n > 0
}

// month is the month named s (0 for January), -1 for none.
func (w *Vocabulary) month(s string) int {
	if i, ok := w.months[s]; ok {
		return i
	}
	return -1
}

// weekday is the weekday named s (0 for Monday), also in its definite
// form («tirsdagen»), -1 for none.
func (w *Vocabulary) weekday(s string) int {
	if i, ok := w.weekdays[s]; ok {
		return i
	}
	for _, end := range w.definite {
		if i, ok := w.weekdays[strings.TrimSuffix(s, end)]; ok && strings.HasSuffix(s, end) {
			return i
		}
	}
	return -1
}

// perUnit reads «i måneden», «per år» or «pr.år»: a word of read.frequency.per
// and a unit.
func (w *Vocabulary) perUnit(s string) (TimeUnit, bool) {
	for _, p := range w.per {
		rest, ok := strings.CutPrefix(s, p)
		if !ok {
			continue
		}
		if u, ok := w.units[strings.TrimPrefix(rest, " ")]; ok {
			return u, true
		}
	}
	return "", false
}

// cutWord splits s into its first word and the rest, without the spaces
// between them.
func cutWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// maxSuggestWords is the longest phrase Suggest corrects; the longest
// frequency the reader understands has about ten words.
const maxSuggestWords = 12

// Suggest is what a frequency the year plan cannot place was likely meant
// to be: each word no pack knows replaced by the nearest word of the pack
// with the given code (of any pack when that one has none near), when the
// result is a frequency the reader understands. "" when there is none.
func (w *Vocabulary) Suggest(s, code string) string {
	fields := strings.Fields(s)
	if len(fields) > maxSuggestWords {
		return "" // prose, not a misspelt frequency
	}
	changed := false
	for i, f := range fields {
		core := strings.Trim(f, "(),")
		if core == "" || w.known[strings.ToLower(core)] || strings.IndexFunc(core, unicode.IsDigit) >= 0 {
			continue
		}
		near := Closest(strings.ToLower(core), w.words[code])
		if near == "" {
			near = Closest(strings.ToLower(core), w.allWords())
		}
		if near == "" {
			return ""
		}
		if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
			near = Capital(near)
		}
		fields[i] = strings.Replace(f, core, near, 1)
		changed = true
	}
	if !changed {
		return ""
	}
	out := strings.Join(fields, " ")
	if f := w.frequency(out); f.Kind == FreqUnplaced {
		return ""
	}
	// The words another målform's pack gave («kvar» in a bokmål file) are
	// said in the file's: «kvar manad» → «hver måned», not «kvar måned».
	for i, f := range fields {
		core := strings.Trim(f, "(),")
		lower := strings.ToLower(core)
		if core == "" || slices.Contains(w.words[code], lower) {
			continue
		}
		if t := w.inPack(lower, code); t != "" {
			if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
				t = Capital(t)
			}
			fields[i] = strings.Replace(f, core, t, 1)
		}
	}
	if same := strings.Join(fields, " "); w.frequency(same).Kind != FreqUnplaced {
		out = same
	}
	return out
}

// wordLists are the lists of the packs whose forms stand for the same
// meaning in every pack, one form a word.
var wordLists = []string{"read.frequency", "read.unit", "read.number", "read.deadline", "read.period"}

// inPack is word in the pack with the given code: a form another pack
// lists for a meaning becomes the form in the same place of that pack's
// list for it, or its first; "" when word is no such form or the pack's
// form is more than a word.
func (w *Vocabulary) inPack(word, code string) string {
	target := w.packs[code]
	if target == nil {
		return ""
	}
	for _, p := range w.order {
		if p == target {
			continue
		}
		var keys []string
		for _, prefix := range wordLists {
			for _, k := range p.Keys(prefix) {
				keys = append(keys, prefix+"."+k)
			}
		}
		keys = append(keys, "date.months", "date.weekdays")
		for _, key := range keys {
			forms := target.List(key)
			for i, form := range p.List(key) {
				if form != word || len(forms) == 0 {
					continue
				}
				t := forms[min(i, len(forms)-1)]
				if key == "date.months" || key == "date.weekdays" {
					t = forms[i%len(forms)]
				}
				if strings.ContainsRune(t, ' ') {
					return ""
				}
				return t
			}
		}
	}
	return ""
}

func (w *Vocabulary) allWords() []string {
	out := make([]string, 0, len(w.known))
	for k := range w.known {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
