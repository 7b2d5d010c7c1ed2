// Package checklist merges the built-in checklist items with a file's own
// changes into the bundle's checklists.
package checklist

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"samarbeid/generator/law"
	"samarbeid/generator/model"
)

// File is the name of the built-in checklists among the templates; a user
// overrides it with --templates like any template.
const File = "checklists.yaml"

// MeetingList is the built-in list whose items apply to every meeting body;
// the bundle has one checklist per meeting, with id MeetingPrefix + the
// meeting's id.
const (
	MeetingList   = "mote"
	MeetingPrefix = "mote-"
)

// The roles a meeting item may name besides a role function: the meeting's
// convener, the one who sets the agenda and the one who writes the minutes.
const (
	RoleConvener = "innkaller"
	RoleAgenda   = "saksliste"
	RoleMinutes  = "referent"
	// RoleEvaluation is who the agreement makes responsible for the
	// evaluation, in the evaluation list; the leader when it names no one.
	RoleEvaluation = "evalueringsansvarlig"
)

// EvaluationList is the built-in list of the annual evaluation.
const EvaluationList = "evaluering"

// Meeting kinds that get items of their own («meeting:» of a built-in
// item). The first two are recognised by a word in the meeting's id or
// name, from the language packs (read.meeting.<kind>, in any målform).
const (
	kindThreeWay = "trekantsamtale"
	kindHandover = "overføringsmøte"
)

// meetingKinds recognise the meetings that get items of their own.
var meetingKinds = map[string]func(m *model.Meeting) bool{
	kindThreeWay: func(m *model.Meeting) bool { return nameHas(m, kindThreeWay) },
	kindHandover: func(m *model.Meeting) bool { return nameHas(m, kindHandover) },
	"ledermøte":  func(m *model.Meeting) bool { return m.Level == model.LevelLeader },
	"eskalering": func(m *model.Meeting) bool { return m.EscalatesTo != "" },
}

// nameHas reports whether the meeting's id or name holds a word that
// names the kind in a built-in pack.
func nameHas(m *model.Meeting, kind string) bool {
	s := strings.ToLower(string(m.ID) + " " + m.Name)
	for _, w := range model.BuiltinVocabulary().Union("read.meeting." + kind) {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Builtin is the built-in checklists: the lists, their items and the
// generic names of the role functions.
type Builtin struct {
	// Roles names each role function when the file has no role with it.
	Roles map[model.RoleKind]string `yaml:"roles"`
	// Phases are the default headings for the items before, during and after.
	Phases map[model.Phase]string `yaml:"phases"`
	Lists  []ListDef              `yaml:"lists"`
	Items  []ItemDef              `yaml:"items"`
}

// ListDef is a built-in checklist.
type ListDef struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Intro string `yaml:"intro"`
	// Event is what the deadlines count from, e.g. «bosettingen», so a
	// deadline reads «innen 1 uke etter bosettingen».
	Event  string                 `yaml:"event"`
	Phases map[model.Phase]string `yaml:"phases"`
}

// ItemDef is a built-in checklist item.
type ItemDef struct {
	ID    string      `yaml:"id"`
	List  string      `yaml:"list"`
	Phase model.Phase `yaml:"phase"`
	Text  string      `yaml:"text"`
	// Role is a role function, or for meeting items RoleConvener,
	// RoleAgenda or RoleMinutes.
	Role     string             `yaml:"role"`
	Deadline Deadline           `yaml:"deadline"`
	Refs     []model.LawRef     `yaml:"refs"`
	Basis    []model.LegalBasis `yaml:"basis"`
	Meeting  string             `yaml:"meeting"`
}

// Deadline is a deadline as the built-in file writes it, e.g. «senest 2 uker
// før»; it reads into a model.Deadline.
type Deadline struct{ model.Deadline }

// UnmarshalYAML reads «N enhet før|etter», as the agreement file does.
func (d *Deadline) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("linje %d: en frist skal være en tekst, for eksempel «2 uker før»", n.Line)
	}
	dl, err := model.ParseDeadline(n.Value)
	if err != nil {
		return fmt.Errorf("linje %d: %v", n.Line, err)
	}
	d.Deadline = dl
	return nil
}

// LoadFS reads the built-in checklists from the template files, e.g.
// render.Files(dir).
func LoadFS(fsys fs.FS) (*Builtin, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, fmt.Errorf("de innebygde sjekklistene (%s) finnes ikke: %w", File, err)
	}
	return Parse(data)
}

// Parse reads the built-in checklists strictly: an unknown key, role,
// phase, list or law reference is an error that names the file.
func Parse(data []byte) (*Builtin, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var b Builtin
	if err := dec.Decode(&b); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v", File, err)
	}
	if err := b.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", File, err)
	}
	return &b, nil
}

// check reports the first problem of the built-in file and normalises the
// law references.
func (b *Builtin) check() error {
	lists := map[string]bool{}
	for _, l := range b.Lists {
		if l.ID == "" || l.Title == "" || lists[l.ID] {
			return fmt.Errorf("sjekklisten «%s» mangler id eller tittel, eller id-en er brukt før", l.ID)
		}
		lists[l.ID] = true
	}
	ids := map[string]bool{}
	for i := range b.Items {
		it := &b.Items[i]
		if it.ID == "" || ids[it.ID] {
			return fmt.Errorf("punktet «%s» mangler id, eller id-en er brukt før", it.ID)
		}
		ids[it.ID] = true
		if err := b.checkItem(it, lists); err != nil {
			return fmt.Errorf("punktet «%s»: %w", it.ID, err)
		}
	}
	return nil
}

func (b *Builtin) checkItem(it *ItemDef, lists map[string]bool) error {
	switch {
	case !lists[it.List]:
		return fmt.Errorf("sjekklisten «%s» finnes ikke", it.List)
	case strings.TrimSpace(it.Text) == "":
		return errors.New("teksten mangler")
	case it.Phase != "" && !slices.Contains([]model.Phase{model.PhaseBefore, model.PhaseDuring, model.PhaseAfter}, it.Phase):
		return fmt.Errorf("«phase: %s» skal være før, under eller etter", it.Phase)
	case !b.knownRole(it):
		return fmt.Errorf("«role: %s» er ikke en rollefunksjon (%s)", it.Role, strings.Join(model.RoleKinds, ", "))
	case it.Meeting != "" && (it.List != MeetingList || meetingKinds[it.Meeting] == nil):
		return fmt.Errorf("«meeting: %s» gjelder bare punkter i «%s» og skal være trekantsamtale, overføringsmøte, ledermøte eller eskalering", it.Meeting, MeetingList)
	}
	for i, r := range it.Refs {
		ref, ok := law.Lookup(string(r))
		if !ok {
			return fmt.Errorf("lovhenvisningen «%s» finnes ikke i lovtabellen", r)
		}
		it.Refs[i] = model.LawRef(ref.Key())
	}
	for _, l := range it.Basis {
		if l != model.Integreringsloven && l != model.Introduksjonsloven {
			return fmt.Errorf("«basis: %s» skal være integreringsloven eller introduksjonsloven", l)
		}
	}
	return nil
}

func (b *Builtin) knownRole(it *ItemDef) bool {
	if it.List == MeetingList && (it.Role == RoleConvener || it.Role == RoleAgenda || it.Role == RoleMinutes) {
		return true
	}
	if it.List == EvaluationList && it.Role == RoleEvaluation {
		return true
	}
	return slices.Contains(model.RoleKinds, it.Role) && b.Roles[model.RoleKind(it.Role)] != ""
}

// list is the built-in list with the given id, or nil.
func (b *Builtin) list(id string) *ListDef {
	for i := range b.Lists {
		if b.Lists[i].ID == id {
			return &b.Lists[i]
		}
	}
	return nil
}

// item is the built-in item with the given id, or nil.
func (b *Builtin) item(id string) *ItemDef {
	for i := range b.Items {
		if b.Items[i].ID == id {
			return &b.Items[i]
		}
	}
	return nil
}
