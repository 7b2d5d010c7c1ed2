package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"samarbeid/generator"
)

// BenchmarkBundle generates Kristiansand's whole bundle, as
// «samarbeid generate» does, without writing it. Beside ns/op and the
// allocations it reports the PDF pages per second over the bundle.
func BenchmarkBundle(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "samples", "kristiansand.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	in := generator.Input{File: "samples/kristiansand.yaml", Data: data}
	bundle, err := generator.Generate(in, generator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	for _, f := range bundle.Files {
		if strings.HasSuffix(f.Path, ".pdf") {
			pages += bytes.Count(f.Data, []byte("/Type /Page\n"))
		}
	}
	if pages == 0 {
		b.Fatal("the bundle has no PDF pages")
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if _, err := generator.Generate(in, generator.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*b.N)/time.Since(start).Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages")
}
