package generator

import (
	"fmt"

	"samarbeid/generator/content"
	"samarbeid/generator/html"
	"samarbeid/generator/model"
)

// Page is one document of the bundle as an HTML page, for a preview.
type Page struct {
	Path  string // the document's path in the bundle, without extension
	Title string
	HTML  []byte
}

// PreviewResult is what an editor shows beside the form: every document
// of the bundle as a page, and what check and generate would say.
type PreviewResult struct {
	Pages    []Page
	Warnings model.Diagnostics
	Draft    model.Diagnostics
	Summary  string
}

// Preview renders every document of the bundle as an HTML page, without
// typesetting a PDF, so it is fast enough to run as the user types. The
// pages say what the bundle's documents say, with the draft note when the
// documents are a draft. On bad input the error is model.Diagnostics.
func Preview(in Input, opt Options) (*PreviewResult, error) {
	l, err := load(in, opt)
	if err != nil {
		return nil, err
	}
	a, diags := l.a, l.diags
	opt.NoSource = true // attachments are for the PDF only
	g, err := newBuilder(in, opt, a, l.words)
	if err != nil {
		return nil, err
	}
	docs, err := g.documents()
	if err != nil {
		return nil, err
	}
	res := &PreviewResult{
		Warnings: append(diags.Warnings(), g.warnings...).Sort(),
		Draft:    g.draftReasons(),
		Summary:  content.Check(in.File, a).Summary(),
	}
	for _, d := range docs {
		if len(res.Draft) > 0 {
			d.markdown = markDraft(d.markdown, a.Version, g.lang.T("draft.note"))
		}
		meta := d.pdf
		if meta.Lang == nil {
			meta.Lang = g.lang
		}
		page, err := html.Render(d.markdown, webDocument(meta))
		if err != nil {
			return nil, fmt.Errorf("%s.html: %w", d.path, err)
		}
		title := meta.Title
		if title == "" {
			title = d.path
		}
		res.Pages = append(res.Pages, Page{Path: d.path, Title: title, HTML: page})
	}
	return res, nil
}
