package generator

import (
	"samarbeid/generator/content"
	"samarbeid/generator/model"
)

// contentReport builds innholdskontroll.md: the content check against the
// directorates' list, for the leader who drafts the agreement. It is a
// working note, not a document to sign, so it has no PDF.
func (g *builder) contentReport() ([]document, error) {
	const tmpl = "innholdskontroll.md.tmpl"
	data := struct {
		Agreement *model.Agreement
		Report    content.Report
	}{g.a, content.CheckIn(g.in.File, g.a, g.lang)}
	md, err := g.r.Execute(tmpl, g.a, data)
	if err != nil {
		return nil, err
	}
	return []document{{path: "innholdskontroll", markdown: md, markdownOnly: true}}, nil
}
