package pdf

import (
	"fmt"
	"time"
	"unicode/utf8"

	"samarbeid/generator/hyphen"
	"samarbeid/generator/lang"
	"samarbeid/generator/mdtree"
)

// Attachment is a file embedded in the PDF, such as the input YAML.
type Attachment struct {
	Name        string
	Content     []byte
	Description string
	// Later, when not nil, gives Content at the end of drawing, so that a
	// caller can make the content while the document is laid out.
	Later func() ([]byte, error)
}

// Document describes the document around the Markdown body.
type Document struct {
	Title    string   // title block, footer and PDF Title
	Subtitle string   // optional line under the title
	Parties  []string // optional, listed in the title block
	// PartiesLabel is the heading over Parties: «Avtaleparter» for an
	// agreement, «Parter» for a routine.
	PartiesLabel string
	Version      string    // e.g. "1.2", shown as "Versjon 1.2"
	Date         time.Time // document date; also the PDF creation and modification date
	Author       string    // PDF Author: the municipality
	Subject      string    // PDF Subject
	Keywords     string    // PDF Keywords
	Source       string    // template name, used in error messages
	TOC          bool      // include a table of contents
	Wheel        *Wheel    // a year-plan wheel drawn on a page of its own before the text
	// Lang gives the words the typesetter adds (contents, footer, title
	// block), its language tag and its hyphenation; nil is bokmål.
	Lang        *lang.Pack
	Attachments []Attachment
	// Draft is the word that marks a draft («UTKAST») on every page, as a
	// diagonal watermark and in the footer; empty for a final document.
	Draft string
}

// fallbackDate stands in for a missing Document.Date so that output never
// depends on the clock.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Render typesets markdown as a PDF.
func Render(markdown []byte, doc Document) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: intern feil i PDF-oppsettet: %v", doc.Source, r)
		}
	}()
	l, err := layout(markdown, doc)
	if err != nil {
		return nil, err
	}
	return draw(l)
}

// laidOut is a document broken into pages, ready to draw.
type laidOut struct {
	fs       *fontSet
	doc      Document
	pages    [][]placement
	headings []*heading
	root     *sElem // the structure tree
}

// layout measures, breaks and paginates the document: everything but the
// drawing.
func layout(markdown []byte, doc Document) (*laidOut, error) {
	if doc.Lang == nil {
		doc.Lang = lang.Builtin(lang.Default)
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	hy, err := hyphen.For(doc.Lang.Code())
	if err != nil {
		return nil, err
	}
	src := &sourceErrors{name: doc.Source, src: markdown}
	if err := checkSource(src, markdown); err != nil {
		return nil, err
	}
	if err := checkMetadata(doc); err != nil {
		return nil, err
	}
	// The title block replaces the document's H1 and the lines under it
	// that it shows.
	top := mdtree.Split(mdtree.Parse(markdown), doc.Subtitle, versionLine(doc))
	if doc.Title == "" {
		doc.Title = top.Title
	}
	body := &builder{fs: fs, hy: newHyphenator(hy), src: src, lang: doc.Lang, tags: newTagger()}
	children := top.Body
	body.planTables(children, bodyFrame().w)
	body.blocks(children, bodyFrame())
	body.flushSignatures(bodyFrame())
	if n := len(body.items); n > 0 {
		body.items[n-1].keep = false
	}

	front := frontMatter(body, doc, 3)
	if doc.TOC && height(front.items) > contentBot-contentTop {
		// A contents list that would spill onto a page of its own lists
		// the main sections only, so it stays on the title page.
		front = frontMatter(body, doc, 2)
	}
	if err := src.err(); err != nil {
		return nil, err
	}
	if len(body.items) > 0 {
		body.items[0].before = 4
		if doc.TOC && len(body.headings) > 0 {
			body.items[0].breakFrom = true
		}
	}
	items := append(front.items, body.items...)
	pages := paginate(items, body.headings)
	// The structure tree reads the front matter first, then the body.
	root := front.tags.root
	for _, k := range body.tags.root.kids {
		if e, ok := k.(*sElem); ok {
			e.parent = root
		}
		root.kids = append(root.kids, k)
	}
	return &laidOut{fs: fs, doc: doc, pages: pages, headings: body.headings, root: root}, nil
}

// versionLine is how the document's version line starts, «Versjon 1.0»;
// "" without a version.
func versionLine(doc Document) string {
	if doc.Version == "" {
		return ""
	}
	return doc.Lang.T("doc.version") + " " + doc.Version
}

// frontMatter is the title block and, when the document asks for one, the
// table of contents down to maxLevel.
func frontMatter(body *builder, doc Document, maxLevel int) *builder {
	front := &builder{fs: body.fs, hy: body.hy, src: body.src, lang: doc.Lang, tags: newTagger()}
	front.titleBlock(doc)
	if doc.TOC {
		front.toc(body.headings, maxLevel)
	}
	return front
}

// checkSource rejects input that is not UTF-8, naming the line.
func checkSource(src *sourceErrors, md []byte) error {
	if utf8.Valid(md) {
		return nil
	}
	line := 1
	for i := 0; i < len(md); {
		r, n := utf8.DecodeRune(md[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	src.errs = append(src.errs, posError{line: line, msg: "teksten er ikke gyldig UTF-8"})
	return src.err()
}

// checkMetadata rejects document fields fpdf cannot encode.
func checkMetadata(doc Document) error {
	fields := []string{doc.Title, doc.Subtitle, doc.Version, doc.Author, doc.Subject, doc.Keywords}
	fields = append(fields, doc.Parties...)
	for _, a := range doc.Attachments {
		fields = append(fields, a.Name, a.Description)
	}
	for _, f := range fields {
		if !utf8.ValidString(f) {
			return fmt.Errorf("%s: dokumentfeltet %q er ikke gyldig UTF-8", doc.Source, f)
		}
		for _, r := range f {
			if r > 0xFFFF {
				return fmt.Errorf("%s: %s", doc.Source, charError(r))
			}
		}
	}
	return nil
}
