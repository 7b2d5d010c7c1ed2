package editor

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"samarbeid/generator/diff"
	"samarbeid/generator/html/browsertest"
	"samarbeid/generator/model"
)

// js runs an expression in the editor's page.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor polls expr until it is true.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise)); err == nil && v {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waited in vain for %s (%s)", what, expr)
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// typeInto types text into the field with id, as a user would.
func typeInto(t *testing.T, ctx context.Context, id, text string) {
	t.Helper()
	sel := "#" + id
	run(t, ctx, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).select()`, id)),
		chromedp.SendKeys(chromedp.CSS(sel), kb.Delete+text),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new Event("change"))`, id)))
}

// choose picks value in the select with id.
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	run(t, ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event("change")); })()`, id, value)))
}

// previewHas is true when the preview shows text.
func previewHas(text string) string {
	return fmt.Sprintf(`fetch(document.getElementById("visning").src).then(r => r.text()).then(t => t.includes(%q))`, text)
}

// TestBrowser opens the editor on a copy of each sample in chromium and
// edits it as a user would: changes the municipality and sees it in the
// preview, adds a meeting (with the keyboard) and a duty, blanks a
// required field and sees the message at it, saves, and checks the saved
// file with the loader, diff and its comments. axe-core finds no WCAG 2.1
// A or AA violation in the editor. With EDITOR_SCREENSHOTS set to a
// folder, it writes screenshots at 1280×800 and on a phone (390×844).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	axe := browsertest.AxeSource(t, filepath.Join("..", "..", "..", ".."))
	ctx := browsertest.Browser(t)
	shots := os.Getenv("EDITOR_SCREENSHOTS")
	for _, sample := range samples(t) {
		name := strings.TrimSuffix(filepath.Base(sample), ".yaml")
		t.Run(name, func(t *testing.T) {
			s := open(t, sample)
			original, _ := os.ReadFile(s.file)
			run(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(s.base))
			waitFor(t, ctx, "the form and the preview", `document.querySelectorAll("#form details").length > 5 && document.getElementById("visning").src.includes("preview/")`)

			// axe on the editor as it opens
			run(t, ctx, chromedp.Evaluate[chromedp.Void](axe+";0"))
			res := js[browsertest.AxeResult](t, ctx, browsertest.AxeRun())
			for _, v := range res.Violations {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, n.HTML)
				}
				t.Errorf("axe: %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
			}

			// the municipality, seen in the preview
			typeInto(t, ctx, "f-municipality", "Nyby kommune")
			waitFor(t, ctx, "the new municipality in the preview", previewHas("Nyby kommune"))

			// a meeting, added with the keyboard
			n := js[int](t, ctx, `doc.meetings.length`)
			add := `[data-path="meetings"] > button`
			run(t, ctx, chromedp.Focus(chromedp.CSS(add)), chromedp.KeyEvent(kb.Enter))
			waitFor(t, ctx, "the new meeting's id to have focus", fmt.Sprintf(`document.activeElement.id === "f-meetings--%d--id"`, n))
			p := fmt.Sprintf("f-meetings--%d--", n)
			unit := js[string](t, ctx, `doc.units[0].id`)
			typeInto(t, ctx, p+"id", "nytt-samarbeidsmote")
			typeInto(t, ctx, p+"name", "Nytt samarbeidsmøte")
			choose(t, ctx, p+"level", "leder")
			typeInto(t, ctx, p+"frequency", "kvartalsvis")
			choose(t, ctx, p+"convener", unit)
			run(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-path="meetings.%d.participants"] input[value=%q]`, n, unit))))

			// a duty in the first group
			m := js[int](t, ctx, `doc.duties[0].items.length`)
			run(t, ctx, chromedp.Click(chromedp.CSS(`[data-path="duties.0.items"] > button`)))
			typeInto(t, ctx, fmt.Sprintf("f-duties--0--items--%d--text", m), "Sender månedlig oversikt over deltakerne.")
			waitFor(t, ctx, "the new duty in the preview", previewHas("Sender månedlig oversikt over deltakerne."))

			// a blank required field gets its message at the field
			version := js[string](t, ctx, `document.getElementById("f-version").value`)
			typeInto(t, ctx, "f-version", "")
			waitFor(t, ctx, "the message at the version field", `document.getElementById("f-version-melding").textContent.includes("version") && document.getElementById("f-version").getAttribute("aria-invalid") === "true"`)
			if shots != "" {
				screenshots(t, ctx, shots, name)
			}
			typeInto(t, ctx, "f-version", version)
			waitFor(t, ctx, "no error left", `document.querySelectorAll('[aria-invalid="true"]').length === 0 && !document.querySelector(".banner.error")`)

			// save with Ctrl+S's button
			run(t, ctx, chromedp.Click(chromedp.CSS("#lagre")))
			waitFor(t, ctx, "the file saved", `document.getElementById("lagret").textContent.startsWith("Lagret")`)
			saved, _ := os.ReadFile(s.file)
			newA, diags := model.Load(s.file, saved)
			if errs := diags.Errors(); len(errs) > 0 {
				t.Fatalf("the saved file does not load: %v", errs)
			}
			oldA, _ := model.Load(sample, original)
			got := diff.Compare(oldA, newA).Text()
			if n := strings.Count("\n"+got, "\n- "); n != 3 || !strings.Contains(got, "Nyby kommune") || !strings.Contains(got, "Nytt samarbeidsmøte") || !strings.Contains(got, "Sender månedlig oversikt") {
				t.Errorf("diff reports other changes than the three edits:\n%s", got)
			}
			after := Comments(saved)
			for c, k := range Comments(original) {
				if after[c] < k {
					t.Errorf("comment lost: %q", c)
				}
			}
		})
	}
}

func screenshots(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	for _, v := range []struct {
		w, h   int64
		mobile bool
		suffix string
	}{{1280, 800, false, "1280x800"}, {390, 844, true, "390x844"}} {
		run(t, ctx, chromedp.EmulateViewport(v.w, v.h, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
			p.Mobile = v.mobile
		}), chromedp.Sleep(300*time.Millisecond))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+v.suffix+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, ctx, chromedp.EmulateViewport(1280, 800))
}

// An edit not saved when the page goes away (the browser closed, the
// editor stopped) is kept in the browser and offered back next time.
func TestBrowserOffersUnsavedWorkBack(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	ctx := browsertest.Browser(t)
	s := open(t, "../../../../samples/kristiansand.yaml")
	before, _ := os.ReadFile(s.file)
	run(t, ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(s.base))
	waitFor(t, ctx, "the form", `document.querySelectorAll("#form details").length > 5`)
	typeInto(t, ctx, "f-place", "Nyby")
	waitFor(t, ctx, "the draft in local storage", `Object.keys(localStorage).some(k => localStorage.getItem(k).includes("Nyby"))`)
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`window.onbeforeunload = null; dirty = false`), chromedp.Navigate(s.base))
	waitFor(t, ctx, "the offer", `[...document.querySelectorAll(".banner button")].some(b => b.textContent === "Hent dem tilbake")`)
	if v := js[string](t, ctx, `document.getElementById("f-place").value`); v == "Nyby" {
		t.Fatal("the draft was applied before the user asked for it")
	}
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".banner button")].find(b => b.textContent === "Hent dem tilbake").click()`))
	waitFor(t, ctx, "the draft back in the form", `document.getElementById("f-place").value === "Nyby"`)
	if after, _ := os.ReadFile(s.file); !bytes.Equal(before, after) {
		t.Error("the file changed without a save")
	}
}
