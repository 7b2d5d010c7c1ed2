package pdf

import (
	"cmp"
	"encoding/binary"
	"math"
	"slices"
)

// kerning holds a face's kerning pairs that tighten (negative values), in
// thousandths of an em. Pairs that would widen are left out, so text drawn
// with kerning is never wider than text measured piece by piece. Kerning
// never reaches across a space.
//
// The pairs are kept by glyph, as the font's kern table has them, rather
// than expanded to every pair of runes drawn with those glyphs: building a
// map of the rune pairs was a twentieth of the time of making the
// agreement alone.
type kerning struct {
	glyph []uint16 // rune → glyph; 0 for none, and for the spaces
	first []uint32 // first[g]: where the pairs with left glyph g start in right and adj; first[g+1] ends them
	right []uint16 // right glyph of each pair, increasing for each left glyph
	adj   []int16
}

// adjust returns the kerning between a and b, 0 if none.
func (k *kerning) adjust(a, b rune) int {
	if k.glyph == nil || a < 0 || b < 0 || a >= 0x10000 || b >= 0x10000 {
		return 0
	}
	l, r := int(k.glyph[a]), k.glyph[b]
	if l == 0 || r == 0 || l+1 >= len(k.first) {
		return 0
	}
	lo, hi := int(k.first[l]), int(k.first[l+1])
	if i, ok := slices.BinarySearch(k.right[lo:hi], r); ok {
		return int(k.adj[lo+i])
	}
	return 0
}

// readKerning reads the horizontal pairs of a TrueType font's kern table
// (format 0), by glyph; glyphs maps a rune to its glyph. A font without
// one has no kerning. Where the table gives a pair twice, the later value
// counts.
func readKerning(t widthTables, glyphs []uint16) kerning {
	kern := t.kern
	if len(kern) < 4 || binary.BigEndian.Uint16(kern) != 0 {
		return kerning{}
	}
	k := kerning{glyph: glyphs}
	type pair struct {
		key uint32 // left<<16 | right
		adj int16
	}
	var pairs []pair
	sorted := true
	n := int(binary.BigEndian.Uint16(kern[2:]))
	p := 4
	for range n {
		if p+14 > len(kern) {
			break
		}
		length := int(binary.BigEndian.Uint16(kern[p+2:]))
		coverage := binary.BigEndian.Uint16(kern[p+4:])
		// Format 0, horizontal, kerning values, not cross-stream.
		if coverage>>8 == 0 && coverage&0x7 == 1 {
			count := int(binary.BigEndian.Uint16(kern[p+6:]))
			for i := range count {
				at := p + 14 + 6*i
				if at+6 > len(kern) {
					break
				}
				v := int16(binary.BigEndian.Uint16(kern[at+4:]))
				adj := int16(math.Round(float64(v) * 1000 / t.unitsPerEm))
				if adj >= 0 {
					continue
				}
				key := binary.BigEndian.Uint32(kern[at:])
				if len(pairs) > 0 && key <= pairs[len(pairs)-1].key {
					sorted = false
				}
				pairs = append(pairs, pair{key, adj})
			}
		}
		if length < 6 {
			break
		}
		p += length
	}
	if len(pairs) == 0 {
		return kerning{}
	}
	if !sorted {
		// The format asks for sorted pairs; a font that breaks that (or
		// has several subtables) is sorted here, the later of equal
		// pairs kept.
		slices.SortStableFunc(pairs, func(x, y pair) int { return cmp.Compare(x.key, y.key) })
		kept := pairs[:0]
		for i, pr := range pairs {
			if i+1 < len(pairs) && pairs[i+1].key == pr.key {
				continue
			}
			kept = append(kept, pr)
		}
		pairs = kept
	}
	last := pairs[len(pairs)-1].key >> 16
	k.first = make([]uint32, last+2)
	k.right = make([]uint16, len(pairs))
	k.adj = make([]int16, len(pairs))
	for i, pr := range pairs {
		k.right[i], k.adj[i] = uint16(pr.key), pr.adj
	}
	g := 0
	for i, pr := range pairs {
		for ; g <= int(pr.key>>16); g++ {
			k.first[g] = uint32(i)
		}
	}
	for ; g < len(k.first); g++ {
		k.first[g] = uint32(len(pairs))
	}
	return k
}
