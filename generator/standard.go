package generator

import (
	"fmt"
	"strings"
	"sync"

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
var builtinStandards sync.Map // language code → func() (*model.Standard, error)

func builtinStandard(p *lang.Pack) (*model.Standard, error) {
	load, ok := builtinStandards.Load(p.Code())
	if !ok {
		load, _ = builtinStandards.LoadOrStore(p.Code(), sync.OnceValues(func() (*model.Standard, error) {
			return readStandard(templates.Files.ReadFile, p)
		}))
	}
	return load.(func() (*model.Standard, error))()
}

// preloadStandard starts reading, in the background, the built-in standard
// texts of the målform data names on a top-level «language:» line, or of
// the default one. It is a guess made before the file is parsed, so that
// the texts are read beside the parsing; a wrong guess costs only the
// reading.
func preloadStandard(data []byte) {
	code := lang.Default
	for line := range strings.Lines(string(data)) {
		if v, ok := strings.CutPrefix(line, "language:"); ok {
			v, _, _ = strings.Cut(v, "#")
			code = strings.Trim(strings.TrimSpace(v), `"'`)
			break
		}
	}
	if p := lang.Builtin(code); p != nil {
		go builtinStandard(p)
	}
}
