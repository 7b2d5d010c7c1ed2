package pdf

import (
	"fmt"
	"strings"
	"time"
)

// metadata is the document information, written both as the information
// dictionary and as XMP, which PDF/A wants to agree.
type metadata struct {
	title, author, subject, keywords string
	creator, producer                string
	date                             time.Time
	lang                             string
	part                             int // PDF/A part: 2, or 3 with an attachment
}

// info is the document information dictionary.
func (m metadata) info() string {
	var b strings.Builder
	b.WriteString("<<")
	for _, f := range []struct{ key, value string }{
		{"Title", m.title}, {"Author", m.author}, {"Subject", m.subject}, {"Keywords", m.keywords},
		{"Creator", m.creator}, {"Producer", m.producer},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "\n/%s %s", f.key, textString(f.value))
		}
	}
	d := asciiString(pdfDate(m.date))
	fmt.Fprintf(&b, "\n/CreationDate %s\n/ModDate %s\n>>", d, d)
	return b.String()
}

// xmp is the XMP metadata packet: Dublin Core, XMP basic, PDF, the PDF/A
// identification (part, conformance level u) and the PDF/UA identification.
func (m metadata) xmp() string {
	date := m.date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
`)
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	if m.title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlText(m.title))
	}
	if m.author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlText(m.author))
	}
	if m.subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlText(m.subject))
	}
	if m.lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlText(m.lang))
	}
	if m.keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlText(m.keywords))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmlText(m.producer))
	fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlText(m.creator))
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	fmt.Fprintf(&b, "<pdfaid:part>%d</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n", m.part)
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n")
	b.WriteString(uaExtension)
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.String()
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlText(s string) string { return xmlEscaper.Replace(s) }

// uaExtension declares the PDF/UA identification schema, which is not one
// of the schemas PDF/A predefines, as a PDF/A extension schema.
const uaExtension = `<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the document conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`
