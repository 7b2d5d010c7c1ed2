package generator

import (
	"fmt"
	"strings"

	"samarbeid/generator/internal/memo"
	"samarbeid/generator/lang"
	"samarbeid/generator/model"
	"samarbeid/templates"
)

// readStandard reads the standard texts of p's målform with read.
func readStandard(read func(string) ([]byte, error), p *lang.Pack) (*model.Standard, error) {
	file := p.T("meta.standard")
	data, err := read(file)
	if err != nil {
		return nil, fmt.Errorf("standardtekstene (%s) finnes ikke: %w", file, err)
	}
	std, diags := model.LoadStandard(file, data)
	if len(diags) > 0 {
		return nil, diags
	}
	return std, nil
}

// builtinStandards holds the built-in standard texts of each målform, read
// once per process. They are only read after that:
// render.NewAgreementView copies what it changes.
var builtinStandards memo.Map[string, *model.Standard]

func builtinStandard(p *lang.Pack) (*model.Standard, error) {
	return builtinStandards.Get(p.Code(), func() (*model.Standard, error) {
		return readStandard(templates.Files.ReadFile, p)
	})
}

// guessLanguage is the code of the målform a top-level «language:» line of
// data names, or the default one. It is read before the file is parsed,
// so that what depends on the målform (standard texts, hyphenation) can be
// read beside the parsing; a wrong guess costs only that reading.
func guessLanguage(data []byte) string {
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "language:"); ok {
			v, _, _ = strings.Cut(v, "#")
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return lang.Default
}
