// Package render fills the Markdown templates from the model. Every value
// from the input is escaped on its way into Markdown, so it stays text.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"text/template"
	"time"

	"samarbeid/generator/internal/memo"
	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// overlay opens files from a user's directory first and falls back to the
// built-in files, so a user overrides a template by giving its name.
type overlay struct {
	user fs.FS
	base fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.user.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	return f, err
}

// Files are the built-in templates, overridden by those in dir when dir is
// not empty.
func Files(dir string) fs.FS {
	if dir == "" {
		return templates.Files
	}
	return overlay{user: os.DirFS(dir), base: templates.Files}
}

// Renderer executes the templates of one source of files in one language.
type Renderer struct {
	files fs.FS
	lang  *lang.Pack
}

// New is a renderer for the given files (see Files) whose documents take
// their words from p.
func New(files fs.FS, p *lang.Pack) *Renderer { return &Renderer{files: files, lang: p} }

// Lang is the language pack the renderer writes in.
func (r *Renderer) Lang() *lang.Pack { return r.lang }

// ReadFile reads a file of the template source.
func (r *Renderer) ReadFile(name string) ([]byte, error) { return fs.ReadFile(r.files, name) }

// PartsFile holds the parts every template may use ({{template "…" .}}).
const PartsFile = "parts.md.tmpl"

// Execute fills the template name with data. a is the agreement whose ids
// the template functions resolve.
func (r *Renderer) Execute(name string, a *model.Agreement, data any) ([]byte, error) {
	var t *template.Template
	var err error
	if r.files == templates.Files {
		t, err = builtin(name)
		if err == nil {
			t, err = t.Clone()
		}
	} else {
		t, err = parse(r.files, name)
	}
	if err != nil {
		return nil, err
	}
	t.Funcs(Funcs(a, r.lang))
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("malen «%s» kunne ikke fylles ut: %v", name, err)
	}
	return tidy(buf.Bytes()), nil
}

// parse parses the template name of files with the parts it may use. Its
// functions are placeholders, for Execute to replace: only their names
// matter to the parser.
func parse(files fs.FS, name string) (*template.Template, error) {
	text, err := fs.ReadFile(files, name)
	if err != nil {
		return nil, fmt.Errorf("malen «%s» finnes ikke: %w", name, err)
	}
	parts, err := fs.ReadFile(files, PartsFile)
	if err != nil {
		return nil, fmt.Errorf("malen «%s» finnes ikke: %w", PartsFile, err)
	}
	t := template.New(name).Option("missingkey=error").Funcs(Funcs(nil, lang.Builtin(lang.Default)))
	if _, err := t.New(PartsFile).Parse(string(parts)); err != nil {
		return nil, fmt.Errorf("malen «%s» har en feil: %v", PartsFile, err)
	}
	if _, err := t.Parse(string(text)); err != nil {
		return nil, fmt.Errorf("malen «%s» har en feil: %v", name, err)
	}
	return t, nil
}

// builtinTemplates holds the built-in templates, each parsed once per
// process; Execute fills a clone, which has its own functions.
var builtinTemplates memo.Map[string, *template.Template]

func builtin(name string) (*template.Template, error) {
	return builtinTemplates.Get(name, func() (*template.Template, error) { return parse(templates.Files, name) })
}

// Prepare parses the built-in template name, which Execute otherwise does
// the first time it fills it: a caller with a core to spare can have it
// parsed while it reads the input.
func Prepare(name string) { builtin(name) }

// tidy folds runs of blank lines into one and ends the text with one newline,
// so templates can be written for readability.
func tidy(md []byte) []byte {
	lines := strings.Split(string(md), "\n")
	var out []string
	blank := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// Counter numbers a document's sections as the template writes them, so a
// section the file leaves out leaves no gap.
type Counter struct{ n int }

// Next is the next section number.
func (c *Counter) Next() int { c.n++; return c.n }

// Letter is the next letter, a, b, c …, for sub-points.
func (c *Counter) Letter() string { c.n++; return string(rune('a' + (c.n-1)%26)) }

// Funcs are the functions every template can use; the words come from p.
func Funcs(a *model.Agreement, p *lang.Pack) template.FuncMap {
	name := func(id model.ID) string {
		if a == nil {
			return Inline(string(id))
		}
		return Inline(a.Name(id))
	}
	md := func(s string) string { return Inline(DocRefs(a, p, s)) }
	kind := model.KindAgreement
	if a != nil && a.Type != "" {
		kind = a.Type
	}
	return template.FuncMap{
		"md":   md,
		"cell": Inline,
		"name": name,
		"names": func(ids []model.ID) string {
			if a == nil {
				return p.And(mapSlice(ids, name))
			}
			return Inline(p.And(a.Names(ids)))
		},
		"mid": func(id model.ID) string {
			if a == nil {
				return Inline(string(id))
			}
			return Inline(a.MidName(id))
		},
		"list":     func(s []string) string { return p.And(mapSlice(s, Inline)) },
		"date":     func(v any) string { return formatDate(p, v) },
		"weekday":  func(t time.Time) string { return p.Weekday(t.Weekday()) },
		"month":    p.Month,
		"refs":     func(refs []model.LawRef) string { return Refs(a, p, refs) },
		"cite":     func(prefix, text string, refs []model.LawRef) string { return Cite(a, p, prefix, text, refs) },
		"counter":  func() *Counter { return &Counter{} },
		"capital":  model.Capital,
		"mentions": mentions,
		"said":     func(texts []string, key string) bool { return mentions(texts, p.List(key)...) },
		"add":      func(a, b int) int { return a + b },
		"nbsp":     func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") },
		"level":    func(l model.Level) string { return p.T("level." + string(l)) },
		"participants": func(m model.Meeting) string {
			if a == nil {
				return p.And(append(mapSlice(m.Participants, name), mapSlice(m.Others, Inline)...))
			}
			return Inline(p.And(a.Names(m.Participants, m.Others...)))
		},
		"t":       p.T,
		"lang":    func() *lang.Pack { return p },
		"holiday": func(id string) string { return p.T("holiday." + id) },
		"months": func(ms []model.Month) string {
			names := make([]string, len(ms))
			for i, m := range ms {
				names[i] = p.Month(int(m))
			}
			return p.And(names)
		},
		"kind":     func(word string) string { return p.T("kind." + string(kind) + "." + word) },
		"deadline": func(d model.Deadline) string { return d.In(p) },
		"act":      func(act law.Act) string { return p.T("law.act." + act.Key() + ".name") },
		"actTitle": func(act law.Act) string { return p.T("law.act." + act.Key() + ".title") },
		"refTopic": func(r law.Ref) string { return p.T("law.ref." + r.ID) },
	}
}

// mentions reports whether any of texts contains any of the phrases,
// ignoring case: whether the file already states a fact in its own words.
func mentions(texts []string, phrases ...string) bool {
	for _, t := range texts {
		t = strings.ToLower(t)
		for _, p := range phrases {
			if strings.Contains(t, p) {
				return true
			}
		}
	}
	return false
}

func mapSlice[T any](in []T, f func(T) string) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// DocRefs replaces each {ref:ID} in the file's text with the document's
// title, and for an annex its number: «Kjøpsavtale (vedlegg 1)».
func DocRefs(a *model.Agreement, p *lang.Pack, s string) string {
	if a == nil || !strings.Contains(s, "{ref:") {
		return s
	}
	return model.DocPlaceholder.ReplaceAllStringFunc(s, func(m string) string {
		id := model.ID(model.DocPlaceholder.FindStringSubmatch(m)[1])
		n := 0
		for _, d := range a.References {
			if d.Kind == model.DocAnnex {
				n++
			}
			if d.ID != id {
				continue
			}
			if d.Kind == model.DocAnnex {
				return p.T("doc.annex", d.Title, n)
			}
			return d.Title
		}
		return m
	})
}

// Refs writes legal references as a lawyer would, in the words of p, e.g.
// «integreringsloven §§ 15 og 16», leaving out those the agreement a may
// not cite: another Act than its participants fall under, or a section not
// yet in force on its date. A nil agreement keeps them all.
func Refs(a *model.Agreement, p *lang.Pack, refs []model.LawRef) string {
	return Inline(law.Cite(citable(a, "", refs), p))
}

// citable is the references a may cite that text does not already cite.
func citable(a *model.Agreement, text string, refs []model.LawRef) []law.Ref {
	var out []law.Ref
	for _, lr := range refs {
		r := lr.Ref()
		if (a == nil || a.Cites(r)) && !law.Cited(text, r) {
			out = append(out, r)
		}
	}
	return out
}

// Cite is the parenthesis after a text that cites refs: « (integreringsloven
// § 15)», with the prefix, e.g. «jf. », or empty when there is nothing to
// add to what the text already says.
func Cite(a *model.Agreement, p *lang.Pack, prefix, text string, refs []model.LawRef) string {
	rs := citable(a, text, refs)
	if len(rs) == 0 {
		return ""
	}
	return " (" + prefix + Inline(law.Cite(rs, p)) + ")"
}

// RefText is a reference as running text, e.g. «integreringsloven § 10».
// The space after § and inside «13 b» is a no-break space, so the
// reference never breaks across lines.
func RefText(p *lang.Pack, r law.Ref) string {
	return p.T("law.act."+r.Act.Key()+".name") + " " + strings.ReplaceAll(r.Section, " ", "\u00a0")
}

func formatDate(p *lang.Pack, v any) string {
	switch d := v.(type) {
	case model.Date:
		return p.Date(d.Time)
	case time.Time:
		return p.Date(d)
	case *model.Date:
		if d == nil {
			return ""
		}
		return p.Date(d.Time)
	}
	return fmt.Sprint(v)
}
