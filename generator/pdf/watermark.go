package pdf

import "math"

// colWatermark is light enough for the text drawn over it to read as usual.
var colWatermark = rgb{228, 230, 234}

// watermark draws word large and diagonally across the page, before the
// page's content, as page decoration: it marks a draft on every page.
func (d *drawer) watermark(word string) {
	if word == "" {
		return
	}
	// An artifact for assistive technology, like the footer.
	d.end()
	d.pdf.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC")
	defer d.pdf.RawWriteStr("EMC")
	const size = 110.0
	angle := math.Atan2(pageH, pageW) * 180 / math.Pi
	w := d.fs.width(fontBold, size, word)
	cx, cy := pageW/2, pageH/2
	d.pdf.TransformBegin()
	d.pdf.TransformRotate(angle, cx, cy)
	d.setFont(fontBold, size)
	d.setColor(colWatermark)
	// the cap height of DejaVu is about 0.73 em; centre it on the page
	d.text(fontBold, size, cx-w/2, cy+size*0.3528*0.73/2, word)
	d.pdf.TransformEnd()
}
