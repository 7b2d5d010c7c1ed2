module samarbeid

go 1.26.8

require (
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/go-pdf/fpdf v0.9.0
	github.com/gomarkdown/markdown v0.0.0-20261107153045-a51d70be185e
	github.com/spf13/pflag v1.1.0
	golang.org/x/sys v0.38.0
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect

// A copy of fpdf v0.9.0 (archived upstream) that parses a TrueType face
// once per process; see generator/third_party/fpdf/README.md.
replace github.com/go-pdf/fpdf => ./generator/third_party/fpdf
