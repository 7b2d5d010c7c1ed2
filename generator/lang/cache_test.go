package lang

import (
	"crypto/sha256"
	"encoding/binary"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"samarbeid/templates"
)

var update = flag.Bool("update", false, "make the language pack caches templates/lang/*.bin again")

// builtinYAML is the built-in pack code's YAML and the pack parsed from it.
func builtinYAML(t *testing.T, code string) ([]byte, *Pack) {
	t.Helper()
	data, err := fs.ReadFile(templates.Files, Path(code))
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse(code, data)
	if err != nil {
		t.Fatal(err)
	}
	return data, p
}

// TestCacheIsCurrent fails when a built-in pack's cache was not made from
// its YAML as it is now (a pack was edited); -update makes it again.
func TestCacheIsCurrent(t *testing.T) {
	for _, code := range Codes {
		data, p := builtinYAML(t, code)
		want := encodeCache(p, sha256.Sum256(data))
		if *update {
			path := filepath.Join("..", "..", "templates", filepath.FromSlash(cachePath(code)))
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := fs.ReadFile(templates.LangCache, cachePath(code))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s is not made from %s as it is now; run «go test ./generator/lang -update» and commit it", cachePath(code), Path(code))
		}
	}
}

// TestCacheAsYAML checks that a pack read from its cache has exactly the
// texts and lists of the YAML.
func TestCacheAsYAML(t *testing.T) {
	for _, code := range Codes {
		data, want := builtinYAML(t, code)
		got := cached(code, data)
		if got == nil {
			t.Fatalf("%s: the cache is not used", code)
		}
		if !maps.Equal(got.texts, want.texts) || !maps.EqualFunc(got.lists, want.lists, slices.Equal) || got.code != code {
			t.Errorf("%s: the cache's pack differs from the YAML's", code)
		}
		if builtin := Builtin(code); !maps.Equal(builtin.texts, want.texts) {
			t.Errorf("%s: the built-in pack differs from the YAML's", code)
		}
	}
}

// TestStaleCacheIsPassedOver: a cache made from other YAML, or damaged, is
// not read; the YAML is.
func TestStaleCacheIsPassedOver(t *testing.T) {
	data, err := fs.ReadFile(templates.Files, Path("nb"))
	if err != nil {
		t.Fatal(err)
	}
	if cached("nb", append(slices.Clone(data), '\n')) != nil {
		t.Error("a cache was used for YAML it was not made from")
	}
	cache, err := fs.ReadFile(templates.LangCache, cachePath("nb"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	for name, d := range map[string][]byte{
		"truncated": cache[:len(cache)-3],
		"longer":    append(slices.Clone(cache), 0),
		"no magic":  cache[1:],
		"empty":     nil,
	} {
		if _, err := decodeCache("nb", d, sum); err == nil {
			t.Errorf("%s: a damaged cache was read", name)
		}
	}
}

// encodeCache is the cache of p, made from YAML with the given hash. Keys
// are written sorted, so the same pack gives the same bytes.
func encodeCache(p *Pack, sum [sha256.Size]byte) []byte {
	var b []byte
	b = append(b, cacheMagic...)
	b = append(b, sum[:]...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	keys := slices.Sorted(maps.Keys(p.texts))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		str(k)
		str(p.texts[k])
	}
	keys = slices.Sorted(maps.Keys(p.lists))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		str(k)
		b = binary.AppendUvarint(b, uint64(len(p.lists[k])))
		for _, v := range p.lists[k] {
			str(v)
		}
	}
	return b
}
