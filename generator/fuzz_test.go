package generator_test

import (
	"io/fs"
	"os"
	"testing"

	"samarbeid/generator"
	"samarbeid/templates"
)

// minimal is the smallest file check accepts, so the fuzzer spends its
// time on mutations rather than on typesetting long agreements.
const minimal = `title: T
municipality: K
version: "1"
parties:
  - id: k
    name: K
    kind: kommune
  - id: n
    name: N
    kind: nav
units:
  - id: u
    name: U
    party: k
roles:
  - id: r
    name: R
    unit: u
meetings:
  - id: m
    name: M
    level: leder
    frequency: månedlig
    convener: u
    participants: [u, n]
    schedule:
      weekday: tirsdag
      time: "09:00"
      duration_minutes: 60
calendar:
  year: 2027
dates:
  valid_from: 2027-01-01
signatories:
  - name: A
    title: B
    for: k
`

// FuzzGenerate is the promise check makes: for any input the loader
// accepts, generate succeeds. Run it with
//
//	go test ./generator -run '^$' -fuzz FuzzGenerate -parallel 1
func FuzzGenerate(f *testing.F) {
	f.Add([]byte(minimal))
	for _, name := range []string{"init-avtale.yaml", "init-rutine.yaml"} {
		if data, err := fs.ReadFile(templates.Files, name); err == nil {
			f.Add(data)
		}
	}
	if data, err := os.ReadFile("../samples/afjord.yaml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := generator.Input{File: "f.yaml", Data: data}
		if _, _, err := generator.Check(in, generator.Options{}); err != nil {
			return
		}
		b, err := generator.Generate(in, generator.Options{})
		if err != nil {
			t.Fatalf("check accepts the file, generate refuses it:\n%v", err)
		}
		for _, f := range b.Files {
			if !fs.ValidPath(f.Path) {
				t.Fatalf("bad path %q", f.Path)
			}
		}
	})
}
