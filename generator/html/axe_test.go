package html_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"samarbeid/generator"
	"samarbeid/generator/html/browsertest"
)

// pages writes every HTML page of every sample bundle to a directory and
// returns their paths.
func pages(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var out []string
	names, err := filepath.Glob(filepath.Join("..", "..", "samples", "*.yaml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, name := range names {
		s := strings.TrimSuffix(filepath.Base(name), ".yaml")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := generator.Generate(generator.Input{File: "samples/" + s + ".yaml", Data: data, Dir: os.DirFS(filepath.Dir(name))}, generator.Options{})
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		for _, f := range b.Files {
			if !strings.HasSuffix(f.Path, ".html") {
				continue
			}
			path := filepath.Join(dir, s, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			out = append(out, path)
		}
	}
	if len(out) == 0 {
		t.Fatal("the samples have no HTML pages")
	}
	return dir, out
}

// TestAxe runs axe-core on every HTML page of every sample (every YAML
// file in samples/) in headless
// chromium and wants no violation of WCAG 2.1 A or AA, both in a desktop
// window and at 200 % zoom (a 640 px wide viewport at twice the pixel
// density). Set HTML_SCREENSHOTS to a directory to also get screenshots at
// 100 % and 200 % zoom, on a phone, and the print version as PDF.
func TestAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	axe := browsertest.AxeSource(t, filepath.Join("..", ".."))
	root, paths := pages(t)
	ctx := browsertest.Browser(t)
	shots := os.Getenv("HTML_SCREENSHOTS")
	run := browsertest.AxeRun()
	views := []struct {
		name          string
		width, height int64
		scale         float64
	}{{"100", 1280, 900, 1}, {"200", 640, 450, 2}}
	for _, path := range paths {
		rel, _ := filepath.Rel(root, path)
		name := strings.ReplaceAll(strings.TrimSuffix(filepath.ToSlash(rel), ".html"), "/", "-")
		for _, v := range views {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(v.width, v.height, chromedp.EmulateScale(v.scale)),
				chromedp.Navigate("file://"+path),
				chromedp.Evaluate[chromedp.Void](axe+";0"),
			)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			res, err := chromedp.Run(ctx, chromedp.Evaluate[browsertest.AxeResult](run, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: axe: %v", path, err)
			}
			for _, vi := range res.Violations {
				var where []string
				for _, n := range vi.Nodes {
					where = append(where, n.HTML)
				}
				t.Errorf("%s at %s %% zoom: %s (%s): %s\n  %s", name, v.name, vi.ID, vi.Impact, vi.Help, strings.Join(where, "\n  "))
			}
			if shots != "" {
				screenshot(t, ctx, filepath.Join(shots, name+"-"+v.name+".png"))
			}
		}
		if shots != "" {
			phone(t, ctx, path, filepath.Join(shots, name+"-phone.png"))
			printPDF(t, ctx, filepath.Join(shots, name+"-print.pdf"))
		}
	}
}

func screenshot(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func phone(t *testing.T, ctx context.Context, path, file string) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate("file://"+path),
	); err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, file)
}

func printPDF(t *testing.T, ctx context.Context, file string) {
	t.Helper()
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}
