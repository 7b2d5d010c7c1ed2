module samarbeid

go 1.26.8

require (
	github.com/go-pdf/fpdf v0.9.0 // indirect
	github.com/gomarkdown/markdown v0.0.0-20261107153045-a51d70be185e // indirect
	github.com/spf13/pflag v1.1.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
