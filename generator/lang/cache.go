package lang

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"

	"samarbeid/templates"
)

// A built-in pack is read from its cache, templates/lang/<code>.bin, when
// the cache was made from the same YAML: parsing both packs' YAML was a
// tenth of the time it takes to make the agreement alone, and every run
// needs both (the reader understands either målform). A cache that is
// missing or stale (the YAML was edited since) is passed over and the YAML
// parsed as before; TestCacheIsCurrent says so, and
// `go test ./generator/lang -update` makes the caches again.
//
// Layout: the magic line, the SHA-256 of the YAML, then the texts and the
// lists as uvarint-prefixed strings: count, then key and value for each
// text; count, then key, number of items and the items for each list.
const cacheMagic = "samarbeid language pack cache 1\n"

func cachePath(code string) string { return "lang/" + code + ".bin" }

// cached reads the cache of the pack with the given code, or nil when it
// is missing, stale or damaged.
func cached(code string, yamlData []byte) *Pack {
	data, err := fs.ReadFile(templates.LangCache, cachePath(code))
	if err != nil {
		return nil
	}
	p, err := decodeCache(code, data, sha256.Sum256(yamlData))
	if err != nil {
		return nil
	}
	return p
}

var errCache = errors.New("damaged language pack cache")

func decodeCache(code string, data []byte, sum [sha256.Size]byte) (*Pack, error) {
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(rest) < sha256.Size || !bytes.Equal(rest[:sha256.Size], sum[:]) {
		return nil, errCache
	}
	// One string holds every key and text; the pack's strings are cut
	// from it.
	s := string(rest[sha256.Size:])
	r := cacheReader{s: s}
	p := &Pack{code: code}
	n := r.count()
	p.texts = make(map[string]string, n)
	for range n {
		k := r.str()
		p.texts[k] = r.str()
	}
	n = r.count()
	p.lists = make(map[string][]string, n)
	for range n {
		k := r.str()
		list := make([]string, r.count())
		for i := range list {
			list[i] = r.str()
		}
		p.lists[k] = list
	}
	if r.bad || r.at != len(s) {
		return nil, errCache
	}
	return p, nil
}

type cacheReader struct {
	s   string
	at  int
	bad bool
}

func (r *cacheReader) count() int {
	if r.bad {
		return 0
	}
	var v uint64
	for shift := 0; r.at < len(r.s) && shift < 64; shift += 7 {
		c := r.s[r.at]
		r.at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if v > uint64(len(r.s)) {
				break
			}
			return int(v)
		}
	}
	r.bad = true
	return 0
}

func (r *cacheReader) str() string {
	l := r.count()
	if r.bad || r.at+l > len(r.s) {
		r.bad = true
		return ""
	}
	s := r.s[r.at : r.at+l]
	r.at += l
	return s
}
