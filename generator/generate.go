// Package generator turns one agreement file into the whole bundle of
// documents, in memory; the caller writes it.
package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"samarbeid/generator/checklist"
	"samarbeid/generator/content"
	"samarbeid/generator/html"
	"samarbeid/generator/hyphen"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/generator/pdf"
	"samarbeid/generator/render"
)

// Input is an agreement file as read from disk.
type Input struct {
	File string // the name diagnostics and attachments use
	Data []byte
	// Dir is the folder of the file, where the files it attaches
	// («references: file:») are read from; nil when there is none.
	Dir fs.FS
}

// Options tune the bundle.
type Options struct {
	// Templates is a directory whose files override the built-in templates
	// by name; empty for the built-in ones only.
	Templates string
	// Year is the year of the year plan; 0 takes it from the file.
	Year int
	// AgreementOnly makes the agreement's files alone, without routine
	// sheets, checklists, year plan and content check.
	AgreementOnly bool
	// NoSource leaves the source file out of the agreement's PDF.
	NoSource bool
}

// File is one file of the bundle, by its path relative to the bundle root.
type File struct {
	Path string
	Data []byte
}

// Bundle is every file generate writes, sorted by path, and the warnings
// that did not stop it.
type Bundle struct {
	Files    []File
	Warnings model.Diagnostics
	// Draft says why the documents are a draft and marked as one; empty
	// when they are ready to sign.
	Draft model.Diagnostics
	// Summary is the content check's closing line, e.g. «Innholdskontroll:
	// 9 av 9 påkrevde punkter dekket.»
	Summary string
}

// document is one Markdown document of the bundle, typeset as PDF beside it
// unless MarkdownOnly.
type document struct {
	path         string // without extension
	markdown     []byte
	pdf          pdf.Document
	markdownOnly bool
	web          bool // also published as an HTML page
}

// Load reads and validates an agreement with the input words of the
// built-in language packs. The error, when there is one, is
// model.Diagnostics.
func Load(in Input) (*model.Agreement, model.Diagnostics, error) {
	return LoadWith(in, Options{})
}

// LoadWith is Load with the input words of the language packs in
// opt.Templates over the built-in ones. The error, when there is one, is
// model.Diagnostics or names a broken language pack.
func LoadWith(in Input, opt Options) (*model.Agreement, model.Diagnostics, error) {
	l, err := load(in, opt)
	return l.a, l.diags, err
}

// Words is what the reader understands in a file: the input words of every
// known language pack, from opt.Templates over the built-in packs.
func Words(opt Options) (*model.Vocabulary, error) {
	if opt.Templates == "" {
		return model.BuiltinVocabulary(), nil
	}
	fsys := render.Files(opt.Templates)
	var packs []*lang.Pack
	for _, code := range lang.Codes {
		p, err := lang.Load(fsys, code)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // a known code whose pack is nowhere; a file that asks for it is told so
		case err != nil:
			return nil, err
		}
		packs = append(packs, p)
	}
	return model.NewVocabulary(packs), nil
}

// loaded is an agreement as load read it.
type loaded struct {
	a     *model.Agreement
	diags model.Diagnostics
	words *model.Vocabulary // the words it was read with
	tree  *model.Tree       // its parsed YAML; nil when read with --templates
}

func load(in Input, opt Options) (loaded, error) {
	var l loaded
	if opt.Templates == "" {
		// The built-in words are asked for after the parsing, which
		// Generate has them built beside.
		l.a, l.diags, l.tree = model.LoadTree(in.File, in.Data)
		l.words = model.BuiltinVocabulary()
	} else {
		var err error
		if l.words, err = Words(opt); err != nil {
			return loaded{}, err
		}
		l.a, l.diags = model.LoadWith(in.File, in.Data, l.words)
	}
	if errs := l.diags.Errors(); len(errs) > 0 {
		return loaded{diags: l.diags}, errs
	}
	if errs := checkAttachments(in, l.a); len(errs) > 0 {
		diags := append(l.diags, errs...).Sort()
		return loaded{diags: diags}, diags.Errors()
	}
	return l, nil
}

// checkAttachments reports an attached file that cannot be read from the
// agreement file's folder, at its «file:» line.
func checkAttachments(in Input, a *model.Agreement) model.Diagnostics {
	r := &model.Reporter{File: in.File}
	for _, d := range a.References {
		if d.File == "" {
			continue
		}
		_, err := readAttachment(in, d.File)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			r.Errorf(d.At("file"), "vedlegget «%s» finnes ikke i mappen til avtalefilen; sjekk navnet, eller legg filen der", d.File)
		case err != nil:
			r.Errorf(d.At("file"), "vedlegget «%s» kan ikke leses; sjekk at filen ligger i mappen til avtalefilen og at du har tilgang til den", d.File)
		}
	}
	return r.Diags
}

func readAttachment(in Input, file string) ([]byte, error) {
	if in.Dir == nil {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(in.Dir, model.AttachmentPath(file))
}

// Check loads an agreement and also validates what depends on the built-in
// files, such as changes to built-in checklist items. The error, when there
// is one, is model.Diagnostics or names the broken built-in file.
func Check(in Input, opt Options) (*model.Agreement, model.Diagnostics, error) {
	l, err := load(in, opt)
	a, diags := l.a, l.diags
	if err != nil {
		return nil, diags, err
	}
	g, err := newBuilder(in, opt, a, l.words)
	if err != nil {
		return nil, diags, err
	}
	if _, err := g.checklists(); err != nil {
		return nil, diags, err
	}
	return a, append(diags, g.warnings...).Sort(), nil
}

// Generate builds the bundle for one agreement file. On bad input the error
// is model.Diagnostics; on a broken template it names the template.
func Generate(in Input, opt Options) (*Bundle, error) {
	// Beside the main line, on another core, in the order it needs them:
	// the reader's words, the agreement's template and standard texts,
	// the fonts' measures and the hyphenation patterns for layout, the
	// fonts for drawing, and the input without its comments for the
	// agreement's attachment. The målform is guessed from the file before
	// it is parsed.
	bg := startBackground()
	defer close(bg)
	code := guessLanguage(in.Data)
	guessed := lang.Builtin(code)
	if opt.Templates == "" {
		bg <- func() { model.BuiltinVocabulary() }
		bg <- func() { render.Prepare(agreementTemplate) }
		if guessed != nil {
			bg <- func() { builtinStandard(guessed) }
		}
	}
	bg <- pdf.ReadMeasures
	if guessed != nil {
		bg <- func() { hyphen.For(code) }
	}
	bg <- pdf.ParseFaces
	l, err := load(in, opt)
	if err != nil {
		return nil, err
	}
	a, diags := l.a, l.diags
	g, err := newBuilder(in, opt, a, l.words)
	if err != nil {
		return nil, err
	}
	// The input without comments is made from the tree the reader parsed,
	// which nothing reads any more.
	if !opt.NoSource {
		g.source = newStripped(in, l.tree)
		bg <- g.source.make
	}
	if c := g.lang.Code(); c != code {
		bg <- func() { hyphen.For(c) }
	}
	// Whether it is a draft (which reads the starter files) is made
	// beside the filling; the typesetting needs it.
	draft := make(chan model.Diagnostics, 1)
	go func() { draft <- g.draftReasons() }()
	docs, err := g.documents()
	if err != nil {
		return nil, err
	}
	b := &Bundle{Warnings: append(diags.Warnings(), g.warnings...).Sort()}
	b.Draft = <-draft
	if len(b.Draft) > 0 {
		for i := range docs {
			docs[i].markdown = markDraft(docs[i].markdown, g.lang.T("doc.version")+" "+a.Version, g.lang.T("draft.note"))
			docs[i].pdf.Draft = g.lang.T("draft.word")
		}
	}
	// The content check's summary, printed at the end, is the last job.
	summary := make(chan string, 1)
	bg <- func() { summary <- content.Check(in.File, a).Summary() }
	typeset := typesetAll(docs)
	b.Summary = <-summary
	for i, d := range docs {
		b.Files = append(b.Files, File{Path: d.path + ".md", Data: d.markdown})
		if err := typeset[i].err; err != nil {
			return nil, err
		}
		b.Files = append(b.Files, typeset[i].files...)
	}
	b.Files = append(b.Files, g.extra...)
	slices.SortFunc(b.Files, func(x, y File) int { return strings.Compare(x.Path, y.Path) })
	return b, nil
}

// typeset is what typesetting one document gave.
type typeset struct {
	files []File
	err   error
}

// maxTypesetters bounds how many documents are typeset at once. Each holds
// about 2 MB while it is typeset (a zlib compressor is half of it); past
// four the bundle is hardly faster, since the agreement alone is a good
// part of the work, but a machine with many cores would pass the 40 MiB a
// run may use.
const maxTypesetters = 4

// typesetAll typesets the documents side by side, on as many goroutines as
// Go runs at once (at most maxTypesetters), since each is independent of
// the others. The result for docs[i] is at index i, so the files and the
// first error in document order are the same as when typesetting them one
// after another.
func typesetAll(docs []document) []typeset {
	out := make([]typeset, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), maxTypesetters, len(docs)) {
		wg.Go(func() {
			for i := range next {
				out[i].files, out[i].err = typesetOne(docs[i])
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// typesetOne makes a document's PDF and, for the web documents, its HTML
// page; the error names the file.
func typesetOne(d document) ([]File, error) {
	if d.markdownOnly {
		return nil, nil
	}
	// The web page is made beside the PDF; it needs none of it.
	var page []byte
	var pageErr error
	var web sync.WaitGroup
	if d.web {
		web.Go(func() { page, pageErr = html.Render(d.markdown, webDocument(d.pdf)) })
	}
	data, err := pdf.Render(d.markdown, d.pdf)
	web.Wait()
	if err != nil {
		return nil, fmt.Errorf("%s.pdf: %w", d.path, err)
	}
	files := []File{{Path: d.path + ".pdf", Data: data}}
	if d.web {
		if pageErr != nil {
			return nil, fmt.Errorf("%s.html: %w", d.path, pageErr)
		}
		files = append(files, File{Path: d.path + ".html", Data: page})
	}
	return files, nil
}

// builder holds what the documents of one bundle share.
type builder struct {
	in    Input
	opt   Options
	a     *model.Agreement
	r     *render.Renderer
	lang  *lang.Pack // the words of the file's målform
	extra []File     // files that are not Markdown documents, e.g. the iCalendar
	view  *render.AgreementView
	lists []checklist.List
	// warnings found while building, beside the file's own
	warnings model.Diagnostics
	// the input without its comments, for the agreement's attachment
	source *stripped
}

// stripped is the input without its comments, re-encoded from the tree
// the reader parsed (or parsed again when there is none), made once: by the
// background job make, or when result asks first.
type stripped struct {
	in   Input
	tree *model.Tree
	once sync.Once
	data []byte
	err  error
}

// newStripped is the stripped input in, made from tree when it is not nil.
func newStripped(in Input, tree *model.Tree) *stripped { return &stripped{in: in, tree: tree} }

func (s *stripped) make() {
	s.once.Do(func() {
		if s.tree != nil {
			s.data, s.err = s.tree.WithoutComments()
		} else {
			s.data, s.err = model.WithoutComments(s.in.Data)
		}
	})
}

func (s *stripped) result() ([]byte, error) {
	s.make()
	return s.data, s.err
}

// newBuilder is the builder of a's bundle, in a's language, with the
// templates and language pack of opt.Templates over the built-in ones.
// words, when not nil, is the vocabulary a was read with, whose packs are
// those of opt.Templates.
func newBuilder(in Input, opt Options, a *model.Agreement, words *model.Vocabulary) (*builder, error) {
	p, ok := words.PackOf(string(a.Language))
	if !ok {
		var err error
		if p, err = Language(a, opt); err != nil {
			return nil, err
		}
	}
	return &builder{in: in, opt: opt, a: a, r: render.New(render.Files(opt.Templates), p), lang: p}, nil
}

// Language is the language pack of a's målform, from opt.Templates over
// the built-in packs.
func Language(a *model.Agreement, opt Options) (*lang.Pack, error) {
	return lang.Load(render.Files(opt.Templates), string(a.Language))
}

func (g *builder) documents() ([]document, error) {
	builds := []func() ([]document, error){g.agreement, g.routineSheets, g.checklistDocs, g.yearPlan, g.contentReport}
	if g.opt.AgreementOnly {
		builds = builds[:1]
	}
	var docs []document
	for _, build := range builds {
		d, err := build()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

// pdfDocument is the PDF metadata shared by the bundle's documents.
func (g *builder) pdfDocument(title, subject, template string) pdf.Document {
	parties := make([]string, len(g.a.Parties))
	for i, p := range g.a.Parties {
		parties[i] = p.Name
	}
	return pdf.Document{
		Title:        title,
		Parties:      parties,
		PartiesLabel: g.lang.T("kind." + string(g.a.Type) + ".parties"),
		Version:      g.a.Version,
		Date:         render.DocumentDate(g.a).Time,
		Author:       strings.Join(g.a.MunicipalParties(), " · "),
		Subject:      subject,
		Keywords:     g.keywords(),
		Source:       template,
		Lang:         g.lang,
	}
}

// keywords are the PDF's keywords: the kind of document and the Acts its
// participants have their programme under, in the file's målform.
func (g *builder) keywords() string {
	acts := make([]string, len(g.a.LegalBasis))
	for i, b := range g.a.LegalBasis {
		acts[i] = g.lang.T("law.act." + string(b) + ".name")
	}
	return g.lang.T("agreement.keywords", g.lang.T("kind."+string(g.a.Type)+".name"), strings.Join(acts, ", "))
}

// webDocument is the HTML page's description of a document: the same
// title block as its PDF.
func webDocument(d pdf.Document) html.Document {
	p := d.Lang
	return html.Document{
		Title:    d.Title,
		Subtitle: d.Subtitle,
		Parties:  d.Parties,
		Version:  d.Version,
		Date:     d.Date,
		Author:   d.Author,
		Lang:     p.Code(),
		TOC:      d.TOC,
		Words: html.Words{
			Skip:     p.T("html.skip"),
			Contents: p.T("pdf.contents"),
			Parties:  d.PartiesLabel,
			Version:  p.T("pdf.version"),
			Table:    p.T("html.table"),
			Date:     p.Date,
		},
	}
}

// agreementView is the agreement with the standard texts resolved; the
// agreement and the routine sheets share it, so it is built once.
func (g *builder) agreementView() (render.AgreementView, error) {
	if g.view != nil {
		return *g.view, nil
	}
	var std *model.Standard
	var err error
	if g.opt.Templates == "" {
		std, err = builtinStandard(g.lang)
	} else {
		std, err = readStandard(g.r.ReadFile, g.lang)
	}
	if err != nil {
		return render.AgreementView{}, err
	}
	view, err := render.NewAgreementView(g.a, std, g.lang)
	if err != nil {
		return render.AgreementView{}, err
	}
	g.view = &view
	return view, nil
}

// agreementTemplate makes the agreement, and a routine.
const agreementTemplate = "samarbeidsavtale.md.tmpl"

func (g *builder) agreement() ([]document, error) {
	view, err := g.agreementView()
	if err != nil {
		return nil, err
	}
	md, err := g.r.Execute(agreementTemplate, g.a, view)
	if err != nil {
		return nil, err
	}
	meta := g.pdfDocument(g.a.Title, g.lang.T("agreement.subject"), agreementTemplate)
	meta.Subtitle = g.a.Subtitle
	meta.TOC = true
	if !g.opt.NoSource {
		if g.source == nil {
			g.source = newStripped(g.in, nil)
		}
		meta.Attachments = []pdf.Attachment{{
			Name:        sourceName(g.in.File),
			Later:       g.source.result,
			Description: g.lang.T("agreement.source", g.lang.T("kind."+string(g.a.Type)+".doc")),
		}}
	}
	for _, d := range g.a.References {
		if d.File == "" {
			continue
		}
		data, err := readAttachment(g.in, d.File)
		if err != nil {
			return nil, fmt.Errorf("vedlegget %s: %w", d.File, err)
		}
		meta.Attachments = append(meta.Attachments, pdf.Attachment{Name: path.Base(model.AttachmentPath(d.File)), Content: data, Description: d.Title})
	}
	return []document{{path: agreementPath(g.a), markdown: md, pdf: meta, web: true}}, nil
}

// agreementPath is the agreement's file name without extension:
// samarbeidsavtale, or samarbeidsrutine for a routine. File names are the
// same in every language, so scripts that read a bundle need not know it.
func agreementPath(a *model.Agreement) string {
	if a.Type == model.KindRoutine {
		return "samarbeidsrutine"
	}
	return "samarbeidsavtale"
}

// sourceName is the attached file's name: the input's, with what a PDF
// viewer could not show replaced.
func sourceName(file string) string {
	name := []rune(strings.ToValidUTF8(filepath.Base(file), "_"))
	for i, r := range name {
		if !model.Printable(r) {
			name[i] = '_'
		}
	}
	return string(name)
}

// EvaluationDue warns when the agreement's next evaluation date has passed
// by today, so the leader who runs check is reminded to revise it.
func EvaluationDue(file string, a *model.Agreement, today time.Time) model.Diagnostics {
	next := a.Dates.NextEvaluation
	if next.IsZero() || !next.Before(today) {
		return nil
	}
	r := &model.Reporter{File: file}
	r.Warnf(a.Dates.At("next_evaluation"), "neste evaluering skulle vært %s og har passert; evaluer samarbeidet og %s, og skriv ny dato i «next_evaluation» og en ny versjon i «revisions»", next.Norwegian(), words(a))
	return r.Diags
}

// words is «avtalen» or «rutinen», in bokmål like every message.
func words(a *model.Agreement) string {
	return lang.Builtin(lang.Default).T("kind." + string(a.Type) + ".doc")
}
