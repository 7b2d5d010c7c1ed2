package pdf

import (
	"encoding/binary"
	"errors"
	"math"
)

// missing marks a rune the font has no glyph for in a width table.
const missing = math.MaxUint16

// readMeasures reads a face's measures with one walk of its cmap: the
// advance width of every BMP rune in thousandths of an em, rounded the way
// fpdf rounds them, so our measurements match what fpdf writes into /W
// (missing for runes without a glyph), and its kerning.
func readMeasures(data []byte) (*measures, error) {
	t, err := readWidthTables(data)
	if err != nil {
		return nil, err
	}
	advance := func(gid int) uint16 {
		if gid >= t.numH {
			gid = t.numH - 1
		}
		w := float64(binary.BigEndian.Uint16(t.hmtx[4*gid:]))
		return uint16(math.Round(w * 1000 / t.unitsPerEm))
	}
	widths := make([]uint16, 1<<16)
	for i := range widths {
		widths[i] = missing
	}
	glyphs := make([]uint16, 1<<16) // for kerning, which never reaches across a space
	err = eachMapping(t.cmap, func(r rune, gid int) {
		if gid != 0 {
			widths[r] = advance(gid)
		}
		if r != ' ' && r != '\u00a0' {
			glyphs[r] = uint16(gid)
		}
	})
	return &measures{widths: widths, kern: readKerning(t, glyphs)}, err
}

// widthTables are the parts of a font its measures are read from.
type widthTables struct {
	unitsPerEm float64
	numH       int    // long horizontal metrics
	hmtx       []byte // the metrics
	cmap       []byte // the Unicode BMP subtable
	kern       []byte // the kern table; nil when there is none
}

// readWidthTables finds the tables readMeasures reads and checks that they
// hold what it needs, without reading the widths.
func readWidthTables(data []byte) (widthTables, error) {
	tables, err := ttfTables(data)
	if err != nil {
		return widthTables{}, err
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 20 || len(hhea) < 36 || cmap == nil {
		return widthTables{}, errors.New("ufullstendig TrueType-skrift")
	}
	t := widthTables{unitsPerEm: float64(binary.BigEndian.Uint16(head[18:])), numH: int(binary.BigEndian.Uint16(hhea[34:])), hmtx: hmtx, kern: tables["kern"]}
	if t.unitsPerEm == 0 || t.numH == 0 || len(hmtx) < 4*t.numH {
		return widthTables{}, errors.New("ugyldige mål i TrueType-skrift")
	}
	if t.cmap, err = cmapFormat4(cmap); err != nil {
		return widthTables{}, err
	}
	return t, nil
}

// ttfTables indexes the font's table directory by tag.
func ttfTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("for kort TrueType-skrift")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("skadet tabellkatalog i TrueType-skrift")
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		length := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, errors.New("skadet tabell i TrueType-skrift")
		}
		tables[tag] = data[off : off+length]
	}
	return tables, nil
}

// cmapFormat4 finds the Unicode BMP subtable (format 4) in a cmap table.
func cmapFormat4(cmap []byte) ([]byte, error) {
	if len(cmap) < 4 {
		return nil, errors.New("skadet cmap-tabell")
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) || binary.BigEndian.Uint16(cmap[off:]) != 4 {
			continue
		}
		if (platform == 3 && encoding == 1) || platform == 0 {
			length := int(binary.BigEndian.Uint16(cmap[off+2:]))
			if off+length > len(cmap) {
				return nil, errors.New("skadet cmap-tabell")
			}
			return cmap[off : off+length], nil
		}
	}
	return nil, errors.New("skriften mangler Unicode-tegntabell")
}

// eachMapping calls fn for every rune mapped by a format 4 subtable.
func eachMapping(sub []byte, fn func(r rune, gid int)) error {
	if len(sub) < 14 {
		return errors.New("skadet cmap-tabell")
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	rangeOffs := deltas + 2*segs
	if rangeOffs+2*segs > len(sub) {
		return errors.New("skadet cmap-tabell")
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(sub[off:])) }
	for s := range segs {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(rangeOffs+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			gid := 0
			if ro == 0 {
				gid = (c + delta) & 0xFFFF
			} else {
				at := rangeOffs + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue
				}
				if g := u16(at); g != 0 {
					gid = (g + delta) & 0xFFFF
				}
			}
			fn(rune(c), gid)
		}
	}
	return nil
}
