package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"samarbeid/generator/model"
)

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	data, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	return s
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, _ := Generate()
		if !bytes.Equal(a, b) {
			t.Fatal("two runs gave different schemas")
		}
	}
	s := loadSchema(t)
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", s["$schema"])
	}
	if !bytes.Contains(a, []byte("\n  \"properties\": {\n")) {
		t.Error("the schema is not indented")
	}
	if bytes.Contains(a, []byte(`\u00`)) || !bytes.Contains(a, []byte("møte")) {
		t.Error("æ, ø and å should be written as they are")
	}
}

// modelFields walks the model's object types the way the decoder does and
// gives, for each type, its keys and which are required.
func modelFields(t reflect.Type, out map[string]map[string]bool) {
	if !isObject(t) {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice:
			modelFields(t.Elem(), out)
		}
		return
	}
	if _, seen := out[t.Name()]; seen {
		return
	}
	keys := map[string]bool{}
	out[t.Name()] = keys
	for i := range t.NumField() {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		keys[key] = f.Tag.Get("required") == "true"
		modelFields(f.Type, out)
	}
}

func TestPropertiesAreTheDecodersKeys(t *testing.T) {
	s := loadSchema(t)
	want := map[string]map[string]bool{}
	modelFields(reflect.TypeFor[model.Agreement](), want)
	objects := map[string]map[string]any{"Agreement": s}
	for name, def := range s["$defs"].(map[string]any) {
		objects[name] = def.(map[string]any)
	}
	for name, obj := range objects {
		keys, ok := want[name]
		if !ok {
			t.Errorf("$defs has %s, which the model does not use", name)
			continue
		}
		if obj["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties should be false", name)
		}
		props := obj["properties"].(map[string]any)
		var got, exp []string
		for k := range props {
			got = append(got, k)
		}
		var req []string
		for k, r := range keys {
			exp = append(exp, k)
			if r {
				req = append(req, k)
			}
		}
		sort.Strings(got)
		sort.Strings(exp)
		if !slices.Equal(got, exp) {
			t.Errorf("%s: schema properties %v, decoder keys %v", name, got, exp)
		}
		var gotReq []string
		if r, ok := obj["required"].([]any); ok {
			for _, k := range r {
				gotReq = append(gotReq, k.(string))
			}
		}
		sort.Strings(gotReq)
		sort.Strings(req)
		if !slices.Equal(gotReq, req) {
			t.Errorf("%s: schema requires %v, decoder requires %v", name, gotReq, req)
		}
	}
	for name := range want {
		if _, ok := objects[name]; !ok {
			t.Errorf("the model type %s is missing from the schema", name)
		}
	}
}

func TestEveryFieldHasADescription(t *testing.T) {
	fields := map[string]map[string]bool{}
	modelFields(reflect.TypeFor[model.Agreement](), fields)
	known := map[string]bool{}
	for typ, keys := range fields {
		for key := range keys {
			name := typ + "." + key
			known[name] = true
			if strings.TrimSpace(FieldDescriptions[name]) == "" {
				t.Errorf("%s has no Norwegian description; add it to FieldDescriptions", name)
			}
		}
		if typeDescriptions[typ] == "" {
			t.Errorf("the type %s has no description; add it to typeDescriptions", typ)
		}
	}
	for name := range FieldDescriptions {
		if !known[name] {
			t.Errorf("FieldDescriptions has %s, which is not a field of the model", name)
		}
	}
}

// minimal is the smallest valid file, with a unit and a role for the
// probes to refer to.
const minimal = `title: T
municipality: K
version: "1"
parties:
  - id: p
    name: P
    kind: kommune
units:
  - id: u
    name: U
    party: p
roles:
  - id: r
    name: R
    unit: u
`

// probes put a value of each enumerated type where the decoder reads it.
var probes = map[reflect.Type]string{
	reflect.TypeFor[model.Kind]():        "type: %s\n",
	reflect.TypeFor[model.Language]():    "language: %s\n",
	reflect.TypeFor[model.Status]():      "status: %s\n",
	reflect.TypeFor[model.LegalBasis]():  "legal_basis: [%s]\n",
	reflect.TypeFor[model.PartyKind]():   "", // the party's kind in the minimal file
	reflect.TypeFor[model.RoleKind]():    "", // the role's kind in the minimal file
	reflect.TypeFor[model.TextMode]():    "standard_texts:\n  nav:\n    mode: %s\n",
	reflect.TypeFor[model.Level]():       "levels:\n  - level: %s\n    items:\n      - text: x\n",
	reflect.TypeFor[model.Topic]():       "duties:\n  - owner: u\n    items:\n      - text: x\n        topics: [%s]\n",
	reflect.TypeFor[model.Phase]():       "checklists:\n  items:\n    - list: l\n      phase: %s\n      text: x\n      role: r\n",
	reflect.TypeFor[model.Month]():       "meetings:\n  - id: m\n    name: M\n    level: leder\n    frequency: årlig\n    convener: r\n    participants: [r]\n    schedule:\n      months: [%s]\n",
	reflect.TypeFor[model.HolidayRule](): "calendar:\n  on_holiday: %s\n",
	reflect.TypeFor[model.Weekday]():     "meetings:\n  - id: m\n    name: M\n    level: leder\n    frequency: årlig\n    convener: r\n    participants: [r]\n    schedule:\n      weekday: %s\n",
	reflect.TypeFor[model.DocKind]():     "references:\n  - id: d\n    title: D\n    kind: %s\n",
}

// probe loads the minimal file with the value put in, and reports whether
// the decoder refused the value itself.
func probe(t *testing.T, typ reflect.Type, value string) bool {
	t.Helper()
	doc := minimal
	switch typ {
	case reflect.TypeFor[model.PartyKind]():
		doc = strings.Replace(doc, "kind: kommune", "kind: "+value, 1)
	case reflect.TypeFor[model.RoleKind]():
		doc += "    kind: " + value + "\n"
	default:
		doc += fmt.Sprintf(probes[typ], value)
	}
	_, diags := model.Load("probe.yaml", []byte(doc))
	for _, d := range diags.Errors() {
		if strings.Contains(d.Message, "«"+value+"» er ikke") {
			return false
		}
		if strings.Contains(d.Message, "ukjent felt") {
			t.Fatalf("the probe for %s is wrong: %s\n%s", typ, d, doc)
		}
	}
	return true
}

func TestEnumsAreWhatTheDecoderAccepts(t *testing.T) {
	for typ, values := range Enums() {
		if _, ok := probes[typ]; !ok {
			t.Errorf("no probe for %s; add one to probes", typ)
			continue
		}
		for _, v := range values {
			if !probe(t, typ, v) {
				t.Errorf("%s: the schema allows «%s», the decoder refuses it", typ, v)
			}
		}
		if probe(t, typ, "ugyldig-verdi") {
			t.Errorf("%s: the decoder accepts «ugyldig-verdi», which the schema refuses", typ)
		}
	}
}

// TestPatternsAreWhatTheDecoderAccepts holds the patterns to the decoder on
// values on both sides of the line.
func TestPatternsAreWhatTheDecoderAccepts(t *testing.T) {
	cases := []struct {
		pattern string
		doc     string // the minimal file plus this, %s for the value
		values  []string
		refused []string
	}{
		{IDPattern, "meetings:\n  - id: %s\n    name: M\n    level: leder\n    frequency: årlig\n    convener: r\n    participants: [r]\n",
			[]string{"nav-kontoret", "åfjord-kommune", "m2", "a_b"}, []string{"Nav", "-nav", "nav kontoret"}},
		{DatePattern, "dates:\n  valid_from: \"%s\"\n", []string{"2025-01-01", "2024-02-29"}, []string{"1.1.2025", "2025-1-1"}},
		{ClockTimePattern, "meetings:\n  - id: m\n    name: M\n    level: leder\n    frequency: årlig\n    convener: r\n    participants: [r]\n    schedule:\n      time: \"%s\"\n",
			[]string{"09:00", "9:30", "23:59"}, []string{"24:00", "9.30", "kl 9"}},
		{DeadlinePattern, "checklists:\n  items:\n    - list: l\n      text: x\n      role: r\n      deadline: %s\n",
			[]string{"senest 2 uker før", "innen 3 måneder etter", "1 dag før"}, []string{"2 uker", "om 2 uker"}},
	}
	for _, c := range cases {
		re := regexp.MustCompile(c.pattern)
		for _, v := range c.values {
			if !re.MatchString(v) {
				t.Errorf("%s does not match «%s», which the decoder accepts", c.pattern, v)
			}
			if _, diags := model.Load("p.yaml", []byte(minimal+fmt.Sprintf(c.doc, v))); len(diags.Errors()) > 0 {
				t.Errorf("the decoder refuses «%s»: %v", v, diags)
			}
		}
		for _, v := range c.refused {
			if re.MatchString(v) {
				t.Errorf("%s matches «%s», which the decoder refuses", c.pattern, v)
			}
			if _, diags := model.Load("p.yaml", []byte(minimal+fmt.Sprintf(c.doc, v))); len(diags.Errors()) == 0 {
				t.Errorf("the decoder accepts «%s»", v)
			}
		}
	}
}

func TestFrequencyExamplesParse(t *testing.T) {
	for _, f := range Frequencies {
		if _, err := model.ParseFrequency(f); err != nil {
			t.Errorf("«%s» is listed but does not parse: %v", f, err)
		}
	}
}

func validateFile(t *testing.T, s map[string]any, name string, data []byte) []string {
	t.Helper()
	x, err := instance(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return (&validator{root: s}).validate(s, x, name)
}

func TestSamplesAndStartersValidate(t *testing.T) {
	s := loadSchema(t)
	files, _ := filepath.Glob("../../samples/*.yaml")
	starters, _ := filepath.Glob("../../templates/init-*.yaml")
	if len(files) == 0 || len(starters) != 4 { // avtale and rutine, in bokmål and nynorsk
		t.Fatalf("found samples %v and starters %v", files, starters)
	}
	for _, f := range append(files, starters...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, diags := model.Load(f, data); len(diags.Errors()) > 0 {
			t.Logf("%s does not load, skipped: %v", f, diags.Errors())
			continue
		}
		for _, e := range validateFile(t, s, filepath.Base(f), data) {
			t.Error(e)
		}
	}
}

func TestSchemaRefuses(t *testing.T) {
	s := loadSchema(t)
	cases := map[string]string{
		"unknown top-level key": minimal + "partis: []\n",
		"misspelt nested key":   minimal + "dates:\n  valid_fron: 2025-01-01\n",
		"bad enum":              minimal + "type: avtal\n",
		"bad id":                strings.Replace(minimal, "id: p\n", "id: P P\n", 1),
		"missing required":      strings.Replace(minimal, "title: T\n", "", 1),
		"bad date":              minimal + "dates:\n  valid_from: 1.1.2025\n",
		"object for text":       minimal + "place:\n  name: x\n",
	}
	if errs := validateFile(t, s, "minimal", []byte(minimal)); len(errs) > 0 {
		t.Fatalf("the minimal file does not validate: %v", errs)
	}
	for name, doc := range cases {
		if len(validateFile(t, s, name, []byte(doc))) == 0 {
			t.Errorf("%s: the schema accepts\n%s", name, doc)
		}
	}
	// A single value where a list is allowed, as the decoder takes it.
	if errs := validateFile(t, s, "single", []byte(minimal+"legal_basis: introduksjonsloven\npurpose: Én setning.\n")); len(errs) > 0 {
		t.Errorf("a single value for a list is refused: %v", errs)
	}
}
