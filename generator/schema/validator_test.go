package schema

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// validator checks an instance against the subset of JSON Schema that
// Generate writes: $ref to $defs, type, properties, additionalProperties,
// required, items, enum, pattern, anyOf and oneOf. It is small on purpose
// and refuses a keyword it does not know, so the schema cannot grow a
// keyword that goes untested.
type validator struct {
	root map[string]any
}

var annotations = []string{"$schema", "$id", "$defs", "title", "description", "examples"}

func (v *validator) validate(s map[string]any, x any, path string) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, path+": "+fmt.Sprintf(format, args...))
	}
	for key := range s {
		switch key {
		case "$ref", "type", "properties", "additionalProperties", "required", "items", "enum", "pattern", "anyOf", "oneOf", "minimum", "maximum":
		default:
			if !slices.Contains(annotations, key) {
				fail("the validator does not know the keyword %q", key)
			}
		}
	}
	if ref, ok := s["$ref"].(string); ok {
		name, found := strings.CutPrefix(ref, "#/$defs/")
		def, ok := v.root["$defs"].(map[string]any)[name].(map[string]any)
		if !found || !ok {
			fail("unresolved $ref %q", ref)
			return errs
		}
		errs = append(errs, v.validate(def, x, path)...)
	}
	if t, ok := s["type"]; ok && !hasType(t, x) {
		fail("%s is not of type %v", show(x), t)
		return errs
	}
	if e, ok := s["enum"].([]any); ok && !slices.Contains(e, x) {
		fail("%s is not one of %v", show(x), e)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, isStr := x.(string); isStr && !regexp.MustCompile(p).MatchString(str) {
			fail("%s does not match %s", show(x), p)
		}
	}
	if n, ok := x.(float64); ok {
		if lo, ok := s["minimum"].(float64); ok && n < lo {
			fail("%s is less than %v", show(x), lo)
		}
		if hi, ok := s["maximum"].(float64); ok && n > hi {
			fail("%s is more than %v", show(x), hi)
		}
	}
	if obj, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, key := range sortedKeys(obj) {
			if ps, ok := props[key].(map[string]any); ok {
				errs = append(errs, v.validate(ps, obj[key], path+"."+key)...)
			} else if s["additionalProperties"] == false {
				fail("unknown property %q", key)
			}
		}
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					fail("required property %q is missing", r)
				}
			}
		}
	}
	if arr, ok := x.([]any); ok {
		if items, ok := s["items"].(map[string]any); ok {
			for i, item := range arr {
				errs = append(errs, v.validate(items, item, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		matched := 0
		for _, sub := range anyOf {
			if len(v.validate(sub.(map[string]any), x, path)) == 0 {
				matched++
			}
		}
		if matched == 0 {
			fail("%s matches none of anyOf", show(x))
		}
	}
	if oneOf, ok := s["oneOf"].([]any); ok {
		matched := 0
		for _, sub := range oneOf {
			if len(v.validate(sub.(map[string]any), x, path)) == 0 {
				matched++
			}
		}
		if matched != 1 {
			fail("%s matches %d of oneOf, not exactly one", show(x), matched)
		}
	}
	return errs
}

func hasType(t any, x any) bool {
	if list, ok := t.([]any); ok {
		return slices.ContainsFunc(list, func(one any) bool { return hasType(one, x) })
	}
	switch t {
	case "string":
		_, ok := x.(string)
		return ok
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		f, ok := x.(float64)
		return ok && f == math.Trunc(f)
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "null":
		return x == nil
	}
	return false
}

func show(x any) string {
	if s, ok := x.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%v", x)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// instance turns YAML into the JSON value an editor's YAML language server
// validates: YAML 1.2 core types, so a date is a string.
func instance(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return fromNode(doc.Content[0])
}

func fromNode(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return fromNode(n.Alias)
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := fromNode(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := fromNode(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	switch n.ShortTag() {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		err := n.Decode(&b)
		return b, err
	case "!!int", "!!float":
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, err
		}
		return f, nil
	}
	return n.Value, nil
}
