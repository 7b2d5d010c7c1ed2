package pdf

import (
	"strings"

	"samarbeid/generator/lang"
)

// footer is the running footer: title, version and date, and "Side X av Y".
type footer struct {
	title, version string
	titleW         float64 // the room for the title; less on a draft, whose version line is longer
	lang           *lang.Pack
}

func newFooter(fs *fontSet, doc Document) footer {
	titleW := footerTitleW
	var parts []string
	if doc.Draft != "" {
		parts = append(parts, doc.Draft)
		titleW -= fs.width(fontRegular, smallSize, doc.Draft+" · ")
	}
	title := strings.Join(strings.Fields(doc.Title), " ")
	if fs.width(fontRegular, smallSize, title) > titleW {
		r := []rune(title)
		for len(r) > 0 && fs.width(fontRegular, smallSize, string(r)+"…") > titleW {
			r = r[:len(r)-1]
		}
		title = strings.TrimRight(string(r), " ,.;:–-") + "…"
	}
	f := footer{title: title, titleW: titleW, lang: doc.Lang}
	if doc.Version != "" {
		parts = append(parts, doc.Lang.T("pdf.version")+" "+doc.Version)
	}
	if !doc.Date.IsZero() {
		parts = append(parts, doc.Date.Format("02.01.2006"))
	}
	f.version = strings.Join(parts, " · ")
	return f
}

func (f footer) draw(d *drawer, n, total int) {
	d.op(op{kind: opLine, x: marginLeft, y: footerRuleY, w: textW, color: colLight, thick: 0.3}, 0)
	y := footerTextY
	right := marginLeft + textW
	d.op(op{kind: opText, x: marginLeft, y: y, font: fontRegular, size: smallSize, color: colMuted, text: f.title}, 0)
	if f.version != "" {
		x := marginLeft + f.titleW + 4
		d.op(op{kind: opText, x: x, y: y, font: fontRegular, size: smallSize, color: colMuted, text: f.version}, 0)
	}
	page := f.lang.T("pdf.page", n, total)
	d.op(op{kind: opText, x: right - d.fs.width(fontRegular, smallSize, page), y: y, font: fontRegular, size: smallSize, color: colMuted, text: page}, 0)
}
