package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/internal/pdftest"
	"samarbeid/generator/model"
)

// TestSourceAttachmentHasNoComments: the YAML attached to the agreement
// is the file without its comments, byte for byte the same every time,
// and it makes the same documents as the file itself.
func TestSourceAttachmentHasNoComments(t *testing.T) {
	data, err := os.ReadFile("../samples/andoy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const secret = "privat mobil 99 88 77 66, sykmeldt til mars"
	data = append([]byte("# "+secret+"\n"), data...)
	data = bytes.Replace(data, []byte("\nparties:\n"), []byte("\nparties: # "+secret+"\n"), 1)
	in := generator.Input{File: "andøy 😀.yaml", Data: data}
	b, err := generator.Generate(in, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := pdftest.Write(t, "samarbeidsavtale.pdf", file(t, b, "samarbeidsavtale.pdf"))
	if list := pdftest.Run(t, "pdfdetach", "-list", path); !strings.Contains(list, "andøy _.yaml") {
		t.Errorf("attachment: %s", list)
	}
	pdftest.Run(t, "pdfdetach", "-saveall", "-o", dir, path)
	attached, err := os.ReadFile(filepath.Join(dir, "andøy _.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(attached, []byte("privat mobil")) || bytes.Contains(attached, []byte("#")) {
		t.Errorf("the attachment carries comments:\n%s", attached)
	}
	again, _ := model.WithoutComments(data)
	if !bytes.Equal(again, attached) {
		t.Error("two encodings differ")
	}
	// The attachment is a faithful source: it makes the same documents
	// (the content check names lines, which moved).
	from, err := generator.Generate(generator.Input{File: in.File, Data: attached}, generator.Options{})
	if err != nil {
		t.Fatalf("the attachment does not load: %v", err)
	}
	for _, f := range b.Files {
		if strings.HasSuffix(f.Path, ".md") && f.Path != "innholdskontroll.md" && !bytes.Equal(f.Data, file(t, from, f.Path)) {
			t.Errorf("%s differs when made from the attachment", f.Path)
		}
	}

	b, err = generator.Generate(in, generator.Options{NoSource: true})
	if err != nil {
		t.Fatal(err)
	}
	path = pdftest.Write(t, "uten.pdf", file(t, b, "samarbeidsavtale.pdf"))
	if list := pdftest.Run(t, "pdfdetach", "-list", path); !strings.Contains(list, "0 embedded files") {
		t.Errorf("NoSource still attaches: %s", list)
	}
}

// TestCheckAndGenerateAgree: a file check refuses, generate refuses with
// the same messages, and a file check accepts, generate makes.
func TestCheckAndGenerateAgree(t *testing.T) {
	data, err := os.ReadFile("../samples/afjord.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, edit := range []struct{ old, new string }{
		{"title: ", "title: 😀 "},
		{"version: ", "version: ሰ"},
		{"municipality: ", "municipality: \"\\u202e\""},
	} {
		bad := generator.Input{File: "a.yaml", Data: bytes.Replace(data, []byte(edit.old), []byte(edit.new), 1)}
		_, _, checkErr := generator.Check(bad, generator.Options{})
		_, genErr := generator.Generate(bad, generator.Options{})
		if checkErr == nil || genErr == nil || checkErr.Error() != genErr.Error() {
			t.Errorf("%s: check says %v, generate says %v", edit.new, checkErr, genErr)
		}
		if checkErr != nil && !strings.HasPrefix(checkErr.Error(), "a.yaml:") {
			t.Errorf("not at a YAML position: %v", checkErr)
		}
	}
}

// TestOtherScriptsPrint: Greek, Cyrillic and Sami names come out of the
// PDF as written.
func TestOtherScriptsPrint(t *testing.T) {
	data, err := os.ReadFile("../samples/andoy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Γιώργος Παπαδόπουλος", "Олена Шевченко", "Áillohaš Ŋuolja"}
	var add string
	for _, n := range names {
		add += "  - name: " + n + "\n    unit: voi\n    phone: \"12 34 56 78\"\n"
	}
	text := strings.Replace(string(data), "\ncontacts:\n", "\ncontacts:\n"+add, 1)
	b, err := generator.Generate(generator.Input{File: "a.yaml", Data: []byte(text)}, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := pdftest.Write(t, "samarbeidsavtale.pdf", file(t, b, "samarbeidsavtale.pdf"))
	all := strings.Join(pdftest.Pages(t, path), "")
	for _, n := range names {
		for _, word := range strings.Fields(n) { // a table cell may wrap the name
			if !strings.Contains(all, word) {
				t.Errorf("%s is not in the PDF", word)
			}
		}
	}
}
