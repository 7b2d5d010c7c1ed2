// Package schema derives the JSON Schema of the input from the model's types.
//
// The schema is built by walking model.Agreement with reflection, the same
// way the decoder walks it, so a field added to the model appears in the
// schema without anyone remembering to add it. What reflection cannot see —
// the values a scalar type accepts and a Norwegian description of each field —
// lives in tables here, and the tests hold those tables in step with the
// decoder.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"samarbeid/generator/lang"
	"samarbeid/generator/law"
	"samarbeid/generator/model"
)

// Draft is the JSON Schema dialect the schema is written in.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// ID is the schema's $id, the file name the starter files point at.
const ID = "samarbeid.schema.json"

// Generate gives the JSON Schema of the input file as indented JSON, the
// same bytes every time.
func Generate() ([]byte, error) {
	root, err := Build()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Build gives the schema as an ordered JSON object.
func Build() (Object, error) {
	w := &walker{defs: map[string]Object{}}
	agreement := reflect.TypeFor[model.Agreement]()
	body, err := w.object(agreement)
	if err != nil {
		return nil, err
	}
	root := Object{
		{"$schema", Draft},
		{"$id", ID},
		{"title", "Samarbeidsavtale om introduksjonsprogrammet (samarbeid)"},
		{"description", typeDescriptions["Agreement"]},
	}
	root = append(root, body...)
	defs := Object{}
	for _, name := range w.order {
		defs = append(defs, Member{name, w.defs[name]})
	}
	root = append(root, Member{"$defs", defs})
	return root, nil
}

// Member is one key of a JSON object.
type Member struct {
	Key   string
	Value any
}

// Object is a JSON object that keeps its keys in the order they were added,
// so the schema reads top-down like the input file.
type Object []Member

// MarshalJSON writes the members in order.
func (o Object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encode(&b, m.Key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encode(&b, m.Value); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func encode(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode ends with a newline
	return nil
}

// walker collects the object types under $defs, in the order first met.
type walker struct {
	defs  map[string]Object
	order []string
}

// locType is the position record every object type of the model embeds;
// a struct without it is a scalar written as one value.
var locType = reflect.TypeFor[model.Loc]()

func isObject(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("Loc")
	return ok && f.Type == locType && f.Anonymous
}

// object gives the keywords of an object type: type, properties,
// additionalProperties and required.
func (w *walker) object(t reflect.Type) (Object, error) {
	props := Object{}
	var required []string
	for _, f := range model.Fields(t) {
		key := f.Key
		desc, ok := FieldDescriptions[t.Name()+"."+key]
		if !ok {
			return nil, fmt.Errorf("schema: the field %s.%s has no description; add one to FieldDescriptions", t.Name(), key)
		}
		s, err := w.value(t.Field(f.Index).Type, t.Name()+"."+key)
		if err != nil {
			return nil, err
		}
		props = append(props, Member{key, append(Object{{"description", desc}}, s...)})
		if f.Required {
			required = append(required, key)
		}
	}
	out := Object{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if len(required) > 0 {
		out = append(out, Member{"required", required})
	}
	return out, nil
}

// value gives the schema of a field's type, without its description.
func (w *walker) value(t reflect.Type, field string) (Object, error) {
	if values, ok := Enums()[t]; ok {
		return Object{{"type", "string"}, {"enum", values}}, nil
	}
	if s, ok := scalars[t]; ok {
		return s(), nil
	}
	if isObject(t) {
		return w.ref(t)
	}
	switch t.Kind() {
	case reflect.Pointer:
		return w.value(t.Elem(), field)
	case reflect.Slice:
		item, err := w.value(t.Elem(), field)
		if err != nil {
			return nil, err
		}
		list := Object{{"type", "array"}, {"items", item}}
		if t.Elem().Kind() == reflect.Struct {
			return list, nil
		}
		// The decoder takes a single value where a list of values is
		// allowed, as a list of one.
		return Object{{"anyOf", []Object{item, list}}}, nil
	}
	if t.PkgPath() != "" {
		return nil, fmt.Errorf("schema: %s (%s) has type %s, which the schema does not know; add it to the scalar table", field, t.Kind(), t)
	}
	switch t.Kind() {
	case reflect.String:
		// Any scalar is text: «version: 1.0» is read as «1.0».
		return Object{{"type", []string{"string", "number", "boolean"}}}, nil
	case reflect.Bool:
		return Object{{"anyOf", []Object{
			{{"type", "boolean"}},
			{{"type", "string"}, {"enum", []string{"ja", "nei", "Ja", "Nei", "JA", "NEI"}}},
		}}}, nil
	case reflect.Int:
		if field == "CalendarPlan.year" {
			return Object{{"type", "integer"}, {"minimum", model.MinYear}, {"maximum", model.MaxYear}}, nil
		}
		return Object{{"type", "integer"}}, nil
	}
	return nil, fmt.Errorf("schema: %s has type %s, which the schema does not know", field, t)
}

// ref puts an object type under $defs and points at it.
func (w *walker) ref(t reflect.Type) (Object, error) {
	name := t.Name()
	if _, ok := w.defs[name]; !ok {
		w.defs[name] = nil // a placeholder, for types that contain themselves
		w.order = append(w.order, name)
		body, err := w.object(t)
		if err != nil {
			return nil, err
		}
		if d, ok := typeDescriptions[name]; ok {
			body = append(Object{{"description", d}}, body...)
		}
		w.defs[name] = body
	}
	return Object{{"$ref", "#/$defs/" + name}}, nil
}

// Patterns of the scalar types that are not enumerations. They say what the
// decoder accepts; the tests probe the decoder with values on both sides.
const (
	IDPattern        = `^[a-z0-9æøå][a-z0-9æøå_-]*$`
	DatePattern      = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
	ClockTimePattern = `^([01]?[0-9]|2[0-3]):[0-5][0-9]$`
	DeadlinePattern  = `^(innen |senest )?[0-9]+ (dag|dager|uke|uker|måned|måneder) (før|etter)( [[:alpha:]æøåÆØÅ].*)?$`
)

// Enums are the values each enumerated scalar type of the model accepts.
// The model keeps most of them unexported; the tests check every value here
// against the decoder, and that a value not here is refused. They are
// made when a schema is first written, not when the program starts.
var Enums = sync.OnceValue(func() map[reflect.Type][]string {
	return map[reflect.Type][]string{
		reflect.TypeFor[model.Kind]():        {"avtale", "rutine"},
		reflect.TypeFor[model.Language]():    lang.Codes,
		reflect.TypeFor[model.Status]():      {"utkast", "endelig"},
		reflect.TypeFor[model.LegalBasis]():  {"integreringsloven", "introduksjonsloven"},
		reflect.TypeFor[model.PartyKind]():   {"kommune", "nav", "fylkeskommune", "annen"},
		reflect.TypeFor[model.RoleKind]():    model.RoleKinds,
		reflect.TypeFor[model.TextMode]():    {"behold", "utvid", "erstatt", "utelat"},
		reflect.TypeFor[model.Level]():       {"leder", "saksbehandler", "individ"},
		reflect.TypeFor[model.Topic]():       model.Topics,
		reflect.TypeFor[model.Phase]():       {"før", "under", "etter"},
		reflect.TypeFor[model.Month]():       model.MonthNames(),
		reflect.TypeFor[model.Weekday]():     model.WeekdayNames(),
		reflect.TypeFor[model.HolidayRule](): {"flyttes", "utgår"},
		reflect.TypeFor[model.DocKind]():     {"vedlegg", "referanse"},
	}
})

// Frequencies are phrases the decoder reads as a frequency; the schema
// lists them in the description and as examples. «… eller ved behov» may
// follow any of them but «ved behov» itself.
var Frequencies = []string{
	"hver uke", "ukentlig", "annenhver uke", "hver 14. dag", "hver 3. uke",
	"to ganger i måneden", "månedlig", "en gang i måneden", "første tirsdag i måneden",
	"annenhver måned", "kvartalsvis", "hvert kvartal", "tre ganger i året",
	"halvårlig", "halvårlig (vår og høst)", "vår og høst", "to ganger i året", "hvert semester",
	"årlig", "minst en gang i året", "hver høst", "årlig innen april", "innen april",
	"faste møter", "ved behov", "hver 14. dag eller ved behov",
}

func pattern(p string, examples ...string) func() Object {
	return func() Object {
		return Object{{"type", "string"}, {"pattern", p}, {"examples", examples}}
	}
}

// scalars gives the schema of each scalar type of the model that is not an
// enumeration: the types the decoder reads from one YAML value with their
// own parser.
var scalars = map[reflect.Type]func() Object{
	reflect.TypeFor[model.ID]():        pattern(IDPattern, "nav-kontoret", "programradgiver"),
	reflect.TypeFor[model.Date]():      pattern(DatePattern, "2025-01-01"),
	reflect.TypeFor[model.ClockTime](): pattern(ClockTimePattern, "09:00"),
	reflect.TypeFor[model.Deadline]():  pattern(DeadlinePattern, "senest 2 uker før", "innen 3 måneder etter"),
	reflect.TypeFor[model.LawRef](): func() Object {
		return Object{{"type", "string"}, {"enum", append(law.Keys(), law.IDs()...)}}
	},
	reflect.TypeFor[model.Period](): func() Object {
		return Object{{"type", "string"}, {"examples", []string{"uke 28–31", "uke 9", "23. desember–1. januar", "påske"}}}
	},
	reflect.TypeFor[model.Frequency](): func() Object {
		return Object{{"type", "string"}, {"examples", Frequencies}}
	},
}

// FrequencyHelp is the description of every frequency field, with the
// phrases the decoder reads.
var FrequencyHelp = "Hvor ofte, skrevet på norsk, for eksempel «" + strings.Join(Frequencies, "», «") +
	"». Dokumentene skriver hyppigheten slik filen skriver den. En hyppighet årshjulet ikke kan gjøre om til datoer, gir en advarsel."
