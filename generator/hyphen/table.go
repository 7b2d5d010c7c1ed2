package hyphen

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"samarbeid/templates"
)

// tableFile is hyph-no.tex's patterns and exceptions in a form that needs
// no reading: the patterns sorted by their letters, with the offsets of
// each. TestTableIsCurrent builds it from hyph-no.tex and fails when it
// is stale; `go test ./generator/hyphen -update` rewrites it. Parsing the
// TeX file and building a map of its 27,000 patterns was a tenth of the
// time it takes to make the agreement alone.
//
// Layout: the patterns' copyright notice and licence as text (they must
// travel with any copy, modified or not), a NUL byte, then little-endian:
//
//	magic "hyph1", count n, longest pattern in runes, exceptions' length
//	(n+1) uint32: where the letters of pattern i start (the last: the end)
//	(n+1) uint32: where its values start
//	the letters of all patterns, sorted
//	the values of all patterns: one digit per gap, the first before the
//	first letter
//	the exceptions, one per line, with hyphens («ut-ta-le»)
const tableFile = "hyphen/hyph-no.table"

const tableMagic = "hyph1"

// table is the read-only view of tableFile.
type table struct {
	n          int
	maxLen     int // longest pattern, in runes
	letterOffs []byte
	valueOffs  []byte
	letters    string
	vals       []byte
	exceptions []string
}

var readTable = sync.OnceValues(func() (*table, error) {
	data, err := templates.Hyphen.ReadFile(tableFile)
	if err != nil {
		return nil, fmt.Errorf("orddelingstabellen %s mangler: %w", tableFile, err)
	}
	t, err := decodeTable(data)
	if err != nil {
		return nil, fmt.Errorf("orddelingstabellen %s: %w", tableFile, err)
	}
	return t, nil
})

var errTable = errors.New("tabellen er skadet; lag den på nytt med «go test ./generator/hyphen -update»")

func decodeTable(data []byte) (*table, error) {
	i := bytes.IndexByte(data, 0)
	if i < 0 || !bytes.HasPrefix(data[i+1:], []byte(tableMagic)) {
		return nil, errTable
	}
	data = data[i+1+len(tableMagic):]
	if len(data) < 12 {
		return nil, errTable
	}
	le := binary.LittleEndian
	n, maxLen, excLen := int(le.Uint32(data)), int(le.Uint32(data[4:])), int(le.Uint32(data[8:]))
	data = data[12:]
	offs := 4 * (n + 1)
	if n <= 0 || len(data) < 2*offs {
		return nil, errTable
	}
	t := &table{n: n, maxLen: maxLen, letterOffs: data[:offs], valueOffs: data[offs : 2*offs]}
	data = data[2*offs:]
	nl, nv := int(le.Uint32(t.letterOffs[4*n:])), int(le.Uint32(t.valueOffs[4*n:]))
	if len(data) != nl+nv+excLen {
		return nil, errTable
	}
	t.letters, t.vals = string(data[:nl]), data[nl:nl+nv]
	t.exceptions = strings.Fields(string(data[nl+nv:]))
	return t, nil
}

func (t *table) key(i int) string {
	le := binary.LittleEndian
	return t.letters[le.Uint32(t.letterOffs[4*i:]):le.Uint32(t.letterOffs[4*i+4:])]
}

// narrow gives the run of patterns in [lo, hi) that start with prefix,
// when every pattern in [lo, hi) starts with all but its last rune.
func (t *table) narrow(lo, hi int, prefix string) (int, int) {
	lo += sort.Search(hi-lo, func(i int) bool { return t.key(lo+i) >= prefix })
	hi = lo + sort.Search(hi-lo, func(i int) bool { return !strings.HasPrefix(t.key(lo+i), prefix) })
	return lo, hi
}

// values are the values of pattern i.
func (t *table) values(i int) []uint8 {
	le := binary.LittleEndian
	start, end := le.Uint32(t.valueOffs[4*i:]), le.Uint32(t.valueOffs[4*i+4:])
	return t.vals[start:end:end]
}
