// Copyright ©2026 The samarbeid authors. Use of this source code is governed
// by the MIT-style license in the LICENSE file.

// This file is not part of upstream fpdf v0.9.0; see README.md.

package fpdf

import (
	"crypto/sha256"
	"errors"
	"sync"
)

// UTF8Font is a TrueType font parsed once, to be added to any number of
// documents with AddUTF8FontParsed, also from several goroutines at once.
// Parsing a face and computing its ID costs more than typesetting a page,
// and AddUTF8FontFromBytes does it again for every document.
//
// The bytes given to ParseUTF8Font must not be changed afterwards.
type UTF8Font struct {
	data   []byte
	parsed *utf8FontFile // metrics and widths; read-only once parsed
	cut    *cutBase      // what cutting a subset needs, whatever the runes

	mu  sync.Mutex
	ids map[string]string // font ID by font key
}

// cutBase is the part of GenerateCutFont that does not depend on the runes
// used: the table directory, the rune-to-glyph map and the glyph offsets.
// It is read-only once built.
type cutBase struct {
	tables         map[string]*tableDescription
	locaFormat     int
	metricsCount   int
	charSymbol     map[int]int
	symbolPosition []int
}

// ParseUTF8Font parses a TrueType font for AddUTF8FontParsed.
func ParseUTF8Font(data []byte) (*UTF8Font, error) {
	utf := newUTF8Font(&fileReader{array: data})
	if err := utf.parseFile(); err != nil {
		return nil, err
	}
	return &UTF8Font{data: data, parsed: utf, cut: utf.newCutBase(), ids: map[string]string{}}, nil
}

// AddUTF8FontParsed is AddUTF8FontFromBytes for a font parsed beforehand;
// the document it makes is the same byte for byte.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	if font == nil {
		f.err = errors.New("AddUTF8FontParsed: no font")
		return
	}
	f.addParsedUTF8Font(getFontKey(fontFamilyEscape(familyStr), styleStr), font)
}

// addParsedUTF8Font registers font under fontkey, as addFontFromBytes did
// after parsing the font itself.
func (f *Fpdf) addParsedUTF8Font(fontkey string, font *UTF8Font) {
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	def := font.def(fontkey)
	// Cutting the subset keeps state, so each document gets its own
	// cutter over the shared bytes and cut base.
	def.utf8File = &utf8FontFile{fileReader: &fileReader{array: font.data}, shared: font, psName: font.parsed.psName}
	if f.aliasNbPagesStr == "" {
		def.usedRunes = makeSubsetRange(57)
	} else {
		def.usedRunes = makeSubsetRange(32)
	}
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// ID is the font ID fpdf gives the face when it is added under family and
// style: generateFontID of its font definition, which JSON-encodes and
// hashes the 65,536-entry width table. It depends on the font's bytes and
// the font key only, so a program may compute it once, keep it, and give
// it back with SetID.
func (font *UTF8Font) ID(familyStr, styleStr string) string {
	fontkey := getFontKey(fontFamilyEscape(familyStr), styleStr)
	id, _ := generateFontID(font.def(fontkey))
	return id
}

// SetID gives the font ID of the face under family and style, as ID
// computed it, so that adding the face to a document does not compute it
// again. An ID that is not ID's names the font differently in the PDF.
func (font *UTF8Font) SetID(familyStr, styleStr, id string) {
	font.mu.Lock()
	defer font.mu.Unlock()
	font.ids[getFontKey(fontFamilyEscape(familyStr), styleStr)] = id
}

// def is the font definition of the face under fontkey, as
// addFontFromBytes made it, without what a document adds.
func (font *UTF8Font) def(fontkey string) fontDefType {
	utf8File := font.parsed
	return fontDefType{
		Tp:   "UTF8",
		Name: fontkey,
		Desc: FontDescType{
			Ascent:       int(utf8File.Ascent),
			Descent:      int(utf8File.Descent),
			CapHeight:    utf8File.CapHeight,
			Flags:        utf8File.Flags,
			FontBBox:     utf8File.Bbox,
			ItalicAngle:  utf8File.ItalicAngle,
			StemV:        utf8File.StemV,
			MissingWidth: round(utf8File.DefaultWidth),
		},
		Up: int(round(utf8File.UnderlinePosition)),
		Ut: round(utf8File.UnderlineThickness),
		// Read-only: fpdf only reads the width table.
		Cw: utf8File.CharWidths,
	}
}

// id is generateFontID(def), computed once per font key: it JSON-encodes
// the 65,536-entry width table.
func (font *UTF8Font) id(def fontDefType) string {
	font.mu.Lock()
	defer font.mu.Unlock()
	if id, ok := font.ids[def.Name]; ok {
		return id
	}
	id, _ := generateFontID(def)
	font.ids[def.Name] = id
	return id
}

// newCutBase reads what GenerateCutFont needs whatever the runes; nil when
// the font has no Unicode cmap. It reuses the rune-to-glyph map of
// parseFile when utf was parsed.
func (utf *utf8FontFile) newCutBase() *cutBase {
	utf.fileReader.readerPosition = 0
	utf.skip(4)
	utf.generateTableDescriptions()

	utf.SeekTable("head")
	utf.skip(50)
	locaFormat := utf.readUint16()

	utf.SeekTable("hhea")
	utf.skip(34)
	metricsCount := utf.readUint16()

	utf.SeekTable("maxp")
	utf.skip(4)
	numSymbols := utf.readUint16()

	if len(utf.charSymbolDictionary) == 0 && utf.generateCMAP() == nil {
		return nil
	}
	utf.parseLOCATable(locaFormat, numSymbols)
	return &cutBase{
		tables:         utf.tableDescriptions,
		locaFormat:     locaFormat,
		metricsCount:   metricsCount,
		charSymbol:     utf.charSymbolDictionary,
		symbolPosition: utf.symbolPosition,
	}
}

// SetSubsetFontNames names each embedded UTF-8 font subset the way PDF
// 32000-1 §9.6.4 asks: a tag of six capital letters, a plus sign and the
// font's PostScript name, e.g. "KQWZRB+DejaVuSerifCondensed-Bold". The tag
// is derived from the subset's bytes, so the same document gives the same
// names. Off by default, which keeps upstream's "utf8<family><style>".
func (f *Fpdf) SetSubsetFontNames(on bool) {
	f.subsetFontNames = on
}

// subsetFontName is the BaseFont of a UTF-8 font subset.
func (f *Fpdf) subsetFontName(font fontDefType, subset []byte) string {
	if !f.subsetFontNames || font.utf8File.psName == "" {
		return "utf8" + font.Name
	}
	sum := sha256.Sum256(subset)
	tag := make([]byte, 0, 7+len(font.utf8File.psName))
	for _, b := range sum[:6] {
		tag = append(tag, 'A'+b%26)
	}
	return string(append(append(tag, '+'), font.utf8File.psName...))
}

// cutFont is a UTF-8 font's subset, cut and compressed for putfonts.
type cutFont struct {
	stream      []byte     // the subset, uncompressed
	cidToGidMap *membuffer // compressed
	fontFile    *membuffer // the subset, compressed
}

// cutUTF8Fonts cuts and compresses the subsets of the document's UTF-8
// fonts side by side, one goroutine each, before putfonts writes them in
// order; upstream did it one font after another inside the loop, most of
// the time Output takes. Each font's cutter and used runes are the
// document's own, and the shared font is read-only, so the result is the
// same bytes. Not upstream.
func (f *Fpdf) cutUTF8Fonts(keys []string) map[string]*cutFont {
	out := make(map[string]*cutFont)
	var wg sync.WaitGroup
	for _, key := range keys {
		font := f.fonts[key]
		if font.Tp != "UTF8" {
			continue
		}
		c := &cutFont{}
		out[key] = c
		wg.Go(func() {
			usedRunes := font.usedRunes
			delete(usedRunes, 0)
			c.stream = font.utf8File.GenerateCutFont(usedRunes)
			codeSignDictionary := font.utf8File.CodeSymbolDictionary
			delete(codeSignDictionary, 0)
			cidToGidMap := make([]byte, 256*256*2)
			for cc, glyph := range codeSignDictionary {
				cidToGidMap[cc*2] = byte(glyph >> 8)
				cidToGidMap[cc*2+1] = byte(glyph & 0xFF)
			}
			c.cidToGidMap = xmem.compress(cidToGidMap)
			c.fontFile = xmem.compress(c.stream)
		})
	}
	wg.Wait()
	return out
}
