package editor

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The form edits the file as a JSON value: mappings as objects in the
// file's key order, sequences as arrays, every scalar as its text (null for
// an empty value). Saving merges the edited value into the file's yaml.v3
// node tree, so comments, key order and the style of every value the form
// did not change stay as they were.

// parseTree parses data into its node tree; the root is a mapping.
func parseTree(data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("filen er ikke en YAML-fil med felt: verdi øverst")
	}
	return &doc, nil
}

// toJSON writes n as the form's JSON value, keeping mapping key order.
func toJSON(w *bytes.Buffer, n *yaml.Node) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.DocumentNode:
		toJSON(w, n.Content[0])
	case yaml.MappingNode:
		w.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			w.Write(k)
			w.WriteByte(':')
			toJSON(w, n.Content[i+1])
		}
		w.WriteByte('}')
	case yaml.SequenceNode:
		w.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				w.WriteByte(',')
			}
			toJSON(w, c)
		}
		w.WriteByte(']')
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			w.WriteString("null")
			return
		}
		v, _ := json.Marshal(n.Value)
		w.Write(v)
	default:
		w.WriteString("null")
	}
}

// fromJSON reads the form's JSON value as a node tree, keeping the order
// of object keys.
func fromJSON(data []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("mer enn én verdi")
	}
	if n.Kind != yaml.MappingNode {
		return nil, errors.New("dokumentet må være et objekt")
	}
	return n, nil
}

const maxDepth = 64

func readValue(dec *json.Decoder, depth int) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, errors.New("for dypt")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, errors.New("nøkkel er ikke tekst")
				}
				v, err := readValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, v)
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for dec.More() {
				v, err := readValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
			_, err := dec.Token()
			return n, err
		}
		return nil, fmt.Errorf("uventet %v", t)
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(t)}, nil
	case json.Number:
		n := &yaml.Node{Kind: yaml.ScalarNode, Value: t.String()}
		n.Tag = n.ShortTag()
		return n, nil
	case string:
		return scalar(t), nil
	}
	return nil, fmt.Errorf("uventet verdi %v", tok)
}

// scalar is a new node for the text s: plain when YAML reads it back as
// the same text, quoted otherwise, and a literal block when it has lines.
func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: s}
	if tag := n.ShortTag(); tag != "!!str" {
		// a date, number or yes stays what it reads as; the loader
		// takes its text. Only an empty value would change meaning.
		if s == "" {
			n.Tag, n.Style = "!!str", yaml.DoubleQuotedStyle
			return n
		}
		n.Tag = tag
		return n
	}
	n.Tag = "!!str"
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// merge makes old say what new says, changing as few nodes as it can, and
// returns the node to keep in old's place.
func merge(old, new *yaml.Node) *yaml.Node {
	if old.Kind == yaml.AliasNode {
		if equalValue(old, new) {
			return old
		}
		return keepComments(old, new)
	}
	switch {
	case old.Kind == yaml.ScalarNode && new.Kind == yaml.ScalarNode:
		if old.Value == new.Value && (old.ShortTag() == "!!null") == (new.ShortTag() == "!!null") {
			return old
		}
		if new.ShortTag() == "!!null" {
			old.Value, old.Tag, old.Style = "", "!!null", 0
			return old
		}
		s := scalar(new.Value)
		old.Value, old.Tag = s.Value, s.Tag
		switch {
		case s.Style == yaml.DoubleQuotedStyle:
			old.Style = s.Style
		case strings.Contains(s.Value, "\n") && old.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.DoubleQuotedStyle) == 0:
			old.Style = yaml.LiteralStyle
		case old.Style&yaml.TaggedStyle != 0:
			old.Style &^= yaml.TaggedStyle
		}
		return old
	case old.Kind == yaml.ScalarNode && new.Kind == yaml.SequenceNode && len(new.Content) == 1 && equalValue(old, new.Content[0]):
		// «legal_basis: integreringsloven» is the list of one
		return old
	case old.Kind == yaml.MappingNode && new.Kind == yaml.MappingNode:
		mergeMapping(old, new)
		return old
	case old.Kind == yaml.SequenceNode && new.Kind == yaml.SequenceNode:
		mergeSequence(old, new)
		return old
	}
	return keepComments(old, new)
}

func keepComments(old, new *yaml.Node) *yaml.Node {
	new.HeadComment, new.LineComment, new.FootComment = old.HeadComment, old.LineComment, old.FootComment
	return new
}

func mergeMapping(old, new *yaml.Node) {
	oldAt := map[string]int{}
	for i := 0; i+1 < len(old.Content); i += 2 {
		oldAt[old.Content[i].Value] = i
	}
	newAt := map[string]int{}
	for i := 0; i+1 < len(new.Content); i += 2 {
		newAt[new.Content[i].Value] = i
	}
	var out []*yaml.Node
	for i := 0; i+1 < len(old.Content); i += 2 {
		k := old.Content[i].Value
		j, ok := newAt[k]
		if !ok {
			continue // removed in the form
		}
		out = append(out, old.Content[i], merge(old.Content[i+1], new.Content[j+1]))
	}
	// keys the form added go after the key the form has before them
	for j := 0; j+1 < len(new.Content); j += 2 {
		k := new.Content[j].Value
		if _, ok := oldAt[k]; ok {
			continue
		}
		at := 0
		for p := j - 2; p >= 0; p -= 2 {
			if idx := indexKey(out, new.Content[p].Value); idx >= 0 {
				at = idx + 2
				break
			}
		}
		out = append(out[:at], append([]*yaml.Node{new.Content[j], new.Content[j+1]}, out[at:]...)...)
	}
	old.Content = out
}

func indexKey(content []*yaml.Node, key string) int {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Value == key {
			return i
		}
	}
	return -1
}

// mergeSequence matches the form's items to the file's by id (or by the
// value of a scalar item), so an item moved in the form keeps its
// comments; an item the form changed the id of matches by position.
func mergeSequence(old, new *yaml.Node) {
	used := make([]bool, len(old.Content))
	match := make([]int, len(new.Content))
	for i, n := range new.Content {
		match[i] = -1
		key := identity(n)
		if key == "" {
			continue
		}
		for j, o := range old.Content {
			if !used[j] && identity(o) == key {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i := range new.Content {
		if match[i] < 0 && i < len(old.Content) && !used[i] && !idTaken(new, identity(old.Content[i])) {
			match[i], used[i] = i, true
		}
	}
	out := make([]*yaml.Node, len(new.Content))
	for i, n := range new.Content {
		if match[i] >= 0 {
			out[i] = merge(old.Content[match[i]], n)
		} else {
			out[i] = n
		}
	}
	old.Content = out
}

func idTaken(seq *yaml.Node, id string) bool {
	if id == "" {
		return false
	}
	for _, n := range seq.Content {
		if identity(n) == id {
			return true
		}
	}
	return false
}

// identity is what an item is known by: its id, or its text.
func identity(n *yaml.Node) string {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return "=" + n.Value
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
				return "#" + n.Content[i+1].Value
			}
		}
	}
	return ""
}

func equalValue(a, b *yaml.Node) bool {
	var x, y bytes.Buffer
	toJSON(&x, a)
	toJSON(&y, b)
	return bytes.Equal(x.Bytes(), y.Bytes())
}

// encode writes the tree as YAML with the indentation the samples use.
func encode(doc *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Render writes the edited tree as the file's new text. Every field and
// list item the form did not change keeps its text byte for byte, blank
// lines, line breaks and comments included; what changed is written by
// yaml.v3 at its place. When that splice would lose a comment or change a
// value, the whole file is written by yaml.v3 instead.
func Render(original []byte, edited *yaml.Node) ([]byte, error) {
	full, err := encode(edited)
	if err != nil {
		return nil, err
	}
	orig, err := parseTree(original)
	if err != nil {
		return full, nil
	}
	lines := strings.Split(string(original), "\n")
	out, ok := spliceUnits(lines, orig.Content[0], edited.Content[0], 0, len(lines))
	if spliced := []byte(strings.Join(out, "\n")); ok && sameDocument(spliced, full) {
		return spliced, nil
	}
	return full, nil
}

// unit is one pair of a block mapping or one item of a block sequence,
// with the lines of its text: [start, end), 0-based, the comments above it
// included.
type unit struct {
	key        string     // a pair's key
	key0, val  *yaml.Node // the pair's key and value, or the item (val)
	start, end int
}

// units splits the text of the block collection n, lines [start, end),
// into its pairs or items.
func units(lines []string, n *yaml.Node, start, end int) []unit {
	var out []unit
	add := func(key string, k, v, first *yaml.Node) {
		at := first.Line - 1
		for at > start && (strings.HasPrefix(strings.TrimSpace(lines[at-1]), "#") || strings.TrimSpace(lines[at-1]) == "") {
			at--
		}
		for at < first.Line-1 && strings.TrimSpace(lines[at]) == "" {
			at++
		}
		out = append(out, unit{key: key, key0: k, val: v, start: at})
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			add(n.Content[i].Value, n.Content[i], n.Content[i+1], n.Content[i])
		}
	} else {
		for _, c := range n.Content {
			add("", nil, c, c)
		}
	}
	for i := range out {
		if i+1 < len(out) {
			out[i].end = out[i+1].start
		} else {
			out[i].end = end
		}
	}
	return out
}

// block reports whether n is a mapping or sequence written one entry a line.
func block(n *yaml.Node) bool {
	return (n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode) && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0
}

// trailingBlanks counts the blank lines that end lines.
func trailingBlanks(lines []string) int {
	n := 0
	for i := len(lines) - 1; i >= 0 && strings.TrimSpace(lines[i]) == ""; i-- {
		n++
	}
	return n
}

// encodeAt writes n (a one-pair mapping or a one-item sequence) as lines
// indented by indent spaces.
func encodeAt(n *yaml.Node, indent int) ([]string, bool) {
	text, err := encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{n}})
	if err != nil {
		return nil, false
	}
	out := strings.Split(strings.TrimSuffix(string(text), "\n"), "\n")
	for i, l := range out {
		if l != "" {
			out[i] = strings.Repeat(" ", indent) + l
		}
	}
	return out, true
}

// spliceUnits writes the edited collection in place of orig, whose text is
// lines [start, end), keeping the text of every unchanged pair or item.
func spliceUnits(lines []string, orig, edited *yaml.Node, start, end int) ([]string, bool) {
	if !block(orig) || orig.Kind != edited.Kind {
		return nil, false
	}
	us := units(lines, orig, start, end)
	out := append([]string{}, lines[start:us[0].start]...)
	indent := orig.Column - 1
	if orig.Kind == yaml.SequenceNode {
		// items are «- » at the column before their content
		indent = orig.Content[0].Column - 3
		if indent < 0 || !strings.HasPrefix(lines[orig.Content[0].Line-1][indent:], "- ") {
			return nil, false
		}
	}
	used := make([]bool, len(us))
	for i := 0; i < len(edited.Content); {
		var k, v *yaml.Node
		if edited.Kind == yaml.MappingNode {
			k, v = edited.Content[i], edited.Content[i+1]
			i += 2
		} else {
			v = edited.Content[i]
			i++
		}
		// the original unit this one is: same key, or an unchanged or
		// same-id item
		at := -1
		for j, u := range us {
			if used[j] {
				continue
			}
			if k != nil && u.key == k.Value || k == nil && unchanged(u.val, v) {
				at = j
				break
			}
		}
		if at < 0 && k == nil {
			for j, u := range us {
				if !used[j] && identity(u.val) != "" && identity(u.val) == identity(v) {
					at = j
					break
				}
			}
		}
		if idx := i - 1; at < 0 && k == nil && idx < len(us) && !used[idx] && !idTaken(edited, identity(us[idx].val)) {
			at = idx // an item without an id, or whose id changed: by position
		}
		var lines2 []string
		ok := false
		if at >= 0 {
			u := us[at]
			used[at] = true
			switch {
			case (k == nil || unchanged(u.key0, k)) && unchanged(u.val, v):
				lines2, ok = lines[u.start:u.end], true
			case k != nil && unchanged(u.key0, k) && block(u.val) && u.val.Line > k.Line:
				// the value's own lines after the key's line
				var inner []string
				if inner, ok = spliceUnits(lines, u.val, v, k.Line, u.end); ok {
					lines2 = append(append([]string{}, lines[u.start:k.Line]...), inner...)
				}
			case k == nil && block(u.val) && u.val.Kind == yaml.MappingNode:
				lines2, ok = spliceUnits(lines, u.val, v, u.start, u.end)
			}
			if !ok {
				// written anew, unless it shares its first line with the
				// item around it
				first := u.val
				if k != nil {
					first = u.key0
				}
				if k != nil && strings.TrimSpace(lines[first.Line-1][:min(first.Column-1, len(lines[first.Line-1]))]) != "" {
					return nil, false
				}
				var enc []string
				if enc, ok = encodeAt(wrap(k, v), indent); !ok {
					return nil, false
				}
				lines2 = enc
				for range trailingBlanks(lines[u.start:u.end]) {
					lines2 = append(lines2, "")
				}
			}
		} else {
			enc, ok := encodeAt(wrap(k, v), indent)
			if !ok {
				return nil, false
			}
			// before the blank lines that end what is written so far
			n := trailingBlanks(out)
			tail := append([]string{}, out[len(out)-n:]...)
			lines2 = append(enc, tail...)
			out = out[:len(out)-n]
		}
		out = append(out, lines2...)
	}
	return out, true
}

// wrap is the one-pair mapping or one-item sequence that writes k: v or v.
func wrap(k, v *yaml.Node) *yaml.Node {
	if k != nil {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{k, v}}
	}
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{v}}
}

// unchanged reports whether the edited node is the original one untouched.
func unchanged(orig, edited *yaml.Node) bool {
	var x, y bytes.Buffer
	if err := dump(&x, orig); err != nil {
		return false
	}
	if err := dump(&y, edited); err != nil {
		return false
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}

// dump is the node's value, style and comments, for comparing.
func dump(w *bytes.Buffer, n *yaml.Node) error {
	fmt.Fprintf(w, "(%d %q %q %d %q %q %q", n.Kind, n.Tag, n.Value, n.Style, n.HeadComment, n.LineComment, n.FootComment)
	if n.Kind == yaml.AliasNode {
		fmt.Fprintf(w, "*%q", n.Value)
	}
	for _, c := range n.Content {
		if err := dump(w, c); err != nil {
			return err
		}
	}
	w.WriteString(")")
	return nil
}

// sameDocument reports whether two texts hold the same values and the same
// comments.
func sameDocument(a, b []byte) bool {
	var x, y any
	if yaml.Unmarshal(a, &x) != nil || yaml.Unmarshal(b, &y) != nil {
		return false
	}
	if !reflect.DeepEqual(x, y) {
		return false
	}
	return reflect.DeepEqual(commentLines(a), commentLines(b))
}

// commentLines counts the comments of a text, by their words.
func commentLines(data []byte) map[string]int {
	tree, err := parseTree(data)
	if err != nil {
		return nil
	}
	out := map[string]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out[l]++
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(tree)
	return out
}

// Comments lists every comment of a YAML text, for tests and checks.
func Comments(data []byte) map[string]int { return commentLines(data) }

// pathAt is the form path ("meetings.2.frequency") of the value at line
// and col of data: the node starting there, or the nearest one before.
func pathAt(tree *yaml.Node, line, col int) string {
	best, bestLine, bestCol := "", 0, 0
	var walk func(n *yaml.Node, path string)
	consider := func(n *yaml.Node, path string) {
		if n.Line < line || n.Line == line && n.Column <= col {
			if n.Line > bestLine || n.Line == bestLine && n.Column >= bestCol {
				best, bestLine, bestCol = path, n.Line, n.Column
			}
		}
	}
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := join(path, n.Content[i].Value)
				consider(n.Content[i], p)
				walk(n.Content[i+1], p)
			}
		case yaml.SequenceNode:
			consider(n, path)
			for i, c := range n.Content {
				walk(c, join(path, strconv.Itoa(i)))
			}
		default:
			consider(n, path)
		}
	}
	walk(tree, "")
	return best
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
