package pdf

import (
	"encoding/binary"
	"math"
)

// kerning holds a face's kerning pairs that tighten (negative values), in
// thousandths of an em. Pairs that would widen are left out, so text drawn
// with kerning is never wider than text measured piece by piece. Kerning
// never reaches across a space.
type kerning struct {
	left  []bool           // left[r]: r starts some pair
	pairs map[uint32]int16 // (left<<16 | right) → adjustment
}

// adjust returns the kerning between a and b, 0 if none.
func (k *kerning) adjust(a, b rune) int {
	if k.left == nil || a < 0 || b < 0 || a >= 0x10000 || b >= 0x10000 || !k.left[a] {
		return 0
	}
	return int(k.pairs[uint32(a)<<16|uint32(b)])
}

// ttfKerning reads the horizontal pairs of a TrueType font's kern table
// (format 0). A font without one has no kerning.
func ttfKerning(data []byte) kerning {
	tables, err := ttfTables(data)
	if err != nil {
		return kerning{}
	}
	kern, head, cmap := tables["kern"], tables["head"], tables["cmap"]
	if len(kern) < 4 || len(head) < 20 || binary.BigEndian.Uint16(kern) != 0 {
		return kerning{}
	}
	unitsPerEm := float64(binary.BigEndian.Uint16(head[18:]))
	sub, err := cmapFormat4(cmap)
	if err != nil || unitsPerEm == 0 {
		return kerning{}
	}
	runes := map[int][]rune{} // glyph → the runes drawn with it
	_ = eachMapping(sub, func(r rune, gid int) {
		if gid != 0 && r != ' ' && r != '\u00a0' {
			runes[gid] = append(runes[gid], r)
		}
	})
	k := kerning{left: make([]bool, 1<<16), pairs: map[uint32]int16{}}
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
			pairs := int(binary.BigEndian.Uint16(kern[p+6:]))
			for i := range pairs {
				at := p + 14 + 6*i
				if at+6 > len(kern) {
					break
				}
				l := int(binary.BigEndian.Uint16(kern[at:]))
				r := int(binary.BigEndian.Uint16(kern[at+2:]))
				v := int16(binary.BigEndian.Uint16(kern[at+4:]))
				adj := int16(math.Round(float64(v) * 1000 / unitsPerEm))
				if adj >= 0 {
					continue
				}
				for _, a := range runes[l] {
					for _, b := range runes[r] {
						k.left[a] = true
						k.pairs[uint32(a)<<16|uint32(b)] = adj
					}
				}
			}
		}
		if length < 6 {
			break
		}
		p += length
	}
	return k
}
