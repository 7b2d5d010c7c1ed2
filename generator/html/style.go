package html

// css is the page's style sheet. The colours are the PDF's, each with a
// contrast of at least 4.5:1 on white (text #191919 18:1, headings #16345c
// 12:1, muted #5a5e63 6.5:1, links #14469a 9:1). Sizes are in rem and the
// column in ch, so the text reflows at 200 % zoom and on a phone; a wide
// table scrolls in its own region instead of widening the page.
const css = `:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #191919;
  font-family: "DejaVu Serif", Georgia, Cambria, "Times New Roman", serif;
  font-size: 1.0625rem; line-height: 1.55; }
header, nav, main { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; padding-bottom: 1rem; border-bottom: 0.2rem solid #16345c; }
h1, h2, h3, h4, h5, h6 { color: #16345c; line-height: 1.25; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; margin: 0.3rem 0 0.6rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.6rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
h4, h5, h6 { font-size: 1rem; font-style: italic; margin: 1.2rem 0 0.3rem; }
p, ul, ol, blockquote, pre { margin: 0 0 0.8rem; }
ul, ol { padding-left: 1.6rem; }
li { margin: 0.25rem 0; }
p, li, td, th { overflow-wrap: break-word; hyphens: auto; }
li > ul, li > ol { margin: 0.25rem 0 0; }
a { color: #14469a; text-decoration: underline; text-underline-offset: 0.15em; overflow-wrap: anywhere; }
a:hover { text-decoration-thickness: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 0.2rem solid #14469a; outline-offset: 0.15rem; }
main:focus { outline: none; }
.skip { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: #fff; color: #14469a; border: 0.15rem solid #14469a; z-index: 1; }
.skip:focus { top: 0.5rem; }
.owner, .label { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 0.8rem; font-weight: bold; letter-spacing: 0.05em; text-transform: uppercase; color: #5a5e63; margin: 0; }
.label { margin-top: 1rem; }
.subtitle { font-size: 1.15rem; font-style: italic; margin: 0 0 0.6rem; }
.parties { list-style: none; padding: 0; margin: 0.2rem 0 0.6rem; }
.parties li { margin: 0; }
.meta { color: #5a5e63; margin: 1rem 0 0; }
nav { padding-top: 0.5rem; padding-bottom: 1rem; border-bottom: 1px solid #d7dce2; }
nav h2 { margin-top: 1.2rem; }
nav ol { list-style: none; padding-left: 0; margin: 0; }
nav ol ol { padding-left: 1.5rem; font-size: 0.95rem; }
nav li { margin: 0.3rem 0; }
main { padding-top: 1rem; padding-bottom: 3rem; }
main > h2:first-child { margin-top: 1.5rem; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 0.25rem solid #d7dce2; color: #3c4046; font-style: italic; }
hr { border: 0; border-top: 1px solid #afb6be; margin: 1.5rem 0; }
code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
pre { background: #e9eef4; padding: 0.6rem 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.table { overflow-x: auto; margin: 1rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d7dce2; overflow-wrap: break-word; }
th { background: #e9eef4; border-bottom: 2px solid #afb6be; }
td.r, th.r { text-align: right; }
td.c, th.c { text-align: center; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.55rem; }
  h2 { font-size: 1.25rem; }
  header, nav, main { padding-left: 0.9rem; padding-right: 0.9rem; }
}
@media print {
  @page { size: A4; margin: 20mm 22mm 22mm; }
  body { font-size: 10.5pt; line-height: 1.4; }
  header, nav, main { max-width: none; padding-left: 0; padding-right: 0; }
  header { padding-bottom: 4mm; }
  .skip { display: none; }
  nav { border: 0; }
  nav li { margin: 0.1rem 0; }
  main { padding-top: 4mm; }
  h1 { font-size: 20pt; }
  h2 { font-size: 13.5pt; }
  h3 { font-size: 11.5pt; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
  tr, li, pre, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  a { color: inherit; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
}
`
