package pdf

// Page geometry in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginLeft   = 25.0
	marginRight  = 25.0
	marginTop    = 22.0
	marginBottom = 25.0
	textW        = pageW - marginLeft - marginRight
	contentTop   = marginTop
	contentBot   = pageH - marginBottom
	footerRuleY  = pageH - 17.0
	footerTextY  = pageH - 12.0
)

// Type sizes in points and spacing in millimetres.
const (
	bodySize     = 10.5
	leading      = 1.38 // line height as a multiple of the type size
	smallSize    = 8.5
	tableSize    = 9.5
	codeScale    = 0.9
	parSpace     = 2.6
	listIndent   = 6.5
	itemSpace    = 1.0
	quoteIndent  = 6.0
	cellPadX     = 1.8
	cellPadY     = 1.3
	titleSize    = 20.0
	subtitleSize = 12.0
)

// rgb is a colour.
type rgb struct{ r, g, b int }

var (
	colText    = rgb{25, 25, 25}
	colHeading = rgb{22, 52, 92}
	colMuted   = rgb{95, 99, 104}
	colLink    = rgb{20, 70, 150}
	colRule    = rgb{175, 182, 190}
	colLight   = rgb{215, 220, 226}
	colShade   = rgb{233, 238, 244}
	colQuote   = rgb{60, 64, 70}
)

// headingStyle is how a heading level is set.
type headingStyle struct {
	size          float64
	font          fontID
	before, after float64
}

var headingStyles = [5]headingStyle{
	1: {size: 17, font: fontBold, before: 9, after: 3.5},
	2: {size: 13.5, font: fontBold, before: 7.5, after: 2.6},
	3: {size: 11.5, font: fontBold, before: 5, after: 1.8},
	4: {size: 10.5, font: fontBoldItalic, before: 4, after: 1.2},
}

// Signatures, in millimetres.
const (
	sigSpace  = 14.0 // room to sign above the rule
	sigGap    = 14.0 // between the two columns
	sigRowGap = 7.0
)

// minTextW is the narrowest a nested block gets; deeper nesting stops
// indenting rather than squeezing text into a sliver.
const minTextW = 60.0

// footerTitleW is the room for the document title in the footer.
const footerTitleW = 88.0

// Line breaking.

// Costs of the line breaker, in the units of a line's squared emptiness.
const (
	emptyCost       = 1000.0 // × (empty share of the line)²
	lineCost        = 10.0   // every line, so a paragraph does not grow
	hyphenCost      = 60.0
	plainCost       = 30.0
	emergencyCost   = 5000.0
	twoHyphensCost  = 150.0
	shortLastCost   = 40.0 // a last line of under shortLast of the width
	shortLast       = 0.12
	minHyphenLetter = 5 // shortest run of letters worth hyphenating
)

// tolerance is the share of a line that may stay empty before the
// paragraph is set again with hyphenation.
const tolerance = 0.22

// Page breaking.

// maxKeptLines is the most lines of a block kept whole with its neighbour.
const maxKeptLines = 6

// squeeze is how much of the space between blocks the last two pages may
// give up so that a fragment does not stand alone on the last page.
const squeeze = 0.5
