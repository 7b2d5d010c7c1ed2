package generator

import (
	"bytes"
	"slices"

	"samarbeid/generator/model"
)

// starterFiles are the files «samarbeid init» writes, whose example
// values mark a document that is still a draft.
var starterFiles = []string{"init-avtale.yaml", "init-rutine.yaml"}

// DraftReasons says why the documents of a are a draft, each at its
// position in the file; none when it is ready to sign.
func DraftReasons(in Input, opt Options, a *model.Agreement) (model.Diagnostics, error) {
	g, err := newBuilder(in, opt, a, nil)
	if err != nil {
		return nil, err
	}
	return g.draftReasons(), nil
}

func (g *builder) draftReasons() model.Diagnostics {
	var starters []*model.Agreement
	names := starterFiles
	for _, key := range []string{"meta.init_avtale", "meta.init_rutine"} {
		if n := g.lang.T(key); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, name := range names {
		data, err := g.r.ReadFile(name)
		if err != nil || !model.MayHoldExamples(data, g.a) {
			continue
		}
		if s, _ := model.Load(name, data); s != nil {
			starters = append(starters, s)
		}
	}
	return model.DraftReasons(g.in.File, g.a, starters...)
}

// markDraft puts the draft note at the top of a document, after its title
// and the version line under it, so the title block stays as it is.
func markDraft(md []byte, versionLine, note string) []byte {
	lines := bytes.SplitAfter(md, []byte("\n"))
	at := 0
	for i, l := range lines {
		if bytes.HasPrefix(l, []byte("# ")) {
			at = i + 1
			break
		}
	}
	for i := at; i < len(lines) && i < at+6; i++ {
		if bytes.HasPrefix(lines[i], []byte(versionLine)) {
			at = i + 1
			break
		}
	}
	var out bytes.Buffer
	for i, l := range lines {
		if i == at {
			out.WriteString("\n" + note + "\n")
		}
		out.Write(l)
	}
	if at >= len(lines) {
		out.WriteString("\n" + note + "\n")
	}
	return out.Bytes()
}
