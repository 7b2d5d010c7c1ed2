package hyphen

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"samarbeid/templates"
)

var update = flag.Bool("update", false, "rewrite templates/hyphen/hyph-no.table from hyph-no.tex")

// buildTable makes tableFile from hyph-no.tex: its leading comment block
// (the copyright notice and licence), then the patterns sorted by their
// letters, a later pattern with the same letters winning as in TeX's
// reading order, and the exceptions.
func buildTable(src string) ([]byte, error) {
	var out bytes.Buffer
	for _, line := range strings.SplitAfter(src, "\n") {
		if !strings.HasPrefix(line, "%") {
			break
		}
		out.WriteString(line)
	}
	if out.Len() == 0 {
		return nil, fmt.Errorf("hyph-no.tex has no copyright notice to carry")
	}
	out.WriteByte(0)
	out.WriteString(tableMagic)

	patterns := map[string][]uint8{}
	var exceptions []string
	readTeX(src, func(p string) {
		letters, values := splitPattern(p)
		patterns[letters] = values
	}, func(e string) { exceptions = append(exceptions, e) })
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range patterns {
			if !yield(k) {
				return
			}
		}
	})
	maxLen := 0
	var letterOffs, valueOffs []uint32
	var letters, values []byte
	for _, k := range keys {
		letterOffs = append(letterOffs, uint32(len(letters)))
		valueOffs = append(valueOffs, uint32(len(values)))
		letters = append(letters, k...)
		values = append(values, patterns[k]...)
		maxLen = max(maxLen, utf8.RuneCountInString(k))
	}
	letterOffs = append(letterOffs, uint32(len(letters)))
	valueOffs = append(valueOffs, uint32(len(values)))
	exc := strings.Join(exceptions, "\n") + "\n"

	le := binary.LittleEndian
	out.Write(le.AppendUint32(nil, uint32(len(keys))))
	out.Write(le.AppendUint32(nil, uint32(maxLen)))
	out.Write(le.AppendUint32(nil, uint32(len(exc))))
	for _, offs := range [][]uint32{letterOffs, valueOffs} {
		for _, o := range offs {
			out.Write(le.AppendUint32(nil, o))
		}
	}
	out.Write(letters)
	out.Write(values)
	out.WriteString(exc)
	return out.Bytes(), nil
}

// splitPattern splits a pattern such as «1ba2b» into its letters «bab»
// and the values between them 1 0 2 0 (a later digit of a run wins).
func splitPattern(p string) (string, []uint8) {
	var letters []rune
	values := []uint8{0}
	for _, r := range p {
		if r >= '0' && r <= '9' {
			values[len(values)-1] = uint8(r - '0')
			continue
		}
		letters = append(letters, r)
		values = append(values, 0)
	}
	return string(letters), values
}

// TestTableIsCurrent fails when hyph-no.table is not what hyph-no.tex
// gives, for instance after the patterns were updated; -update rewrites it.
func TestTableIsCurrent(t *testing.T) {
	src, err := templates.Hyphen.ReadFile("hyphen/hyph-no.tex")
	if err != nil {
		t.Fatal(err)
	}
	want, err := buildTable(string(src))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		path := filepath.Join("..", "..", "templates", filepath.FromSlash(tableFile))
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := templates.Hyphen.ReadFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is not what hyph-no.tex gives; run «go test ./generator/hyphen -update» and commit it", tableFile)
	}
}

func TestTableCarriesLicence(t *testing.T) {
	data, err := templates.Hyphen.ReadFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(data, []byte{0})
	for _, want := range []string{"Copyright (C) 2004, 2005 Rune Kleveland, Ole Michael Selberg", "Copying and distribution of this file, with or without modification, is permitted in any medium without royalty provided the copyright notice and this notice are preserved."} {
		if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(string(head), "%", "")), " "), want) {
			t.Errorf("the table's header lacks %q", want)
		}
	}
}

func TestDecodeTableRefusesDamage(t *testing.T) {
	data, err := templates.Hyphen.ReadFile(tableFile)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.IndexByte(data, 0)
	for name, d := range map[string][]byte{
		"empty":     nil,
		"no magic":  data[:i+1],
		"truncated": data[:len(data)-1],
		"longer":    append(slices.Clone(data), 'x'),
		"no counts": data[:i+1+len(tableMagic)+5],
	} {
		if _, err := decodeTable(d); err == nil {
			t.Errorf("%s: a damaged table was read", name)
		}
	}
}

// lookup gives the values of the pattern with exactly these letters, by
// a binary search over the whole table; the tests check Points against it.
func (t *table) lookup(letters string) ([]uint8, bool) {
	lo, hi := 0, t.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.key(m) < letters {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == t.n || t.key(lo) != letters {
		return nil, false
	}
	return t.values(lo), true
}
