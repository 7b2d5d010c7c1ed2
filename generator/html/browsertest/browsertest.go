// Package browsertest starts headless chromium for tests and runs axe-core
// in it: the accessibility harness shared by the HTML documents' test and
// the editor's browser test. Without chromium or axe-core a test is
// skipped, except on CI (CI=true), where it fails.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WCAGTags are the axe-core rule tags of WCAG 2.1 level A and AA.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Need skips a test when a tool is missing, except on CI, where it fails.
func Need(t testing.TB, what, hint string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s mangler: %s", what, hint)
	}
	t.Skipf("%s is missing: %s", what, hint)
}

// Chromium returns the browser to run, from $CHROMIUM or the PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	Need(t, "chromium", "installer Debian-pakken chromium")
	return ""
}

// AxeSource is axe-core's axe.min.js, from $AXE_CORE or where .ci/run
// installs it; root is the repository's top folder, relative to the test.
func AxeSource(t testing.TB, root string) string {
	t.Helper()
	path := os.Getenv("AXE_CORE")
	if path == "" {
		path = filepath.Join(root, ".ci", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		Need(t, "axe-core", "kjør npm install --prefix .ci/axe axe-core (som .ci/run gjør)")
	}
	return string(data)
}

// Browser starts a headless chromium and returns a context for one tab.
func Browser(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium starter ikke: %v", err)
	}
	return ctx
}

// AxeResult is what axe.run reports.
type AxeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// AxeRun is the script that runs axe-core's WCAG 2.1 A and AA rules on the
// document, once axe.min.js is loaded.
func AxeRun() string {
	tags, _ := json.Marshal(WCAGTags)
	return fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})`, tags)
}
