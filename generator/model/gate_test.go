package model_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"samarbeid/generator/model"
)

// TestGate: what the documents cannot show, or a value that is there but
// empty or impossible, is refused at the value's position, with a message
// that says what to write instead.
func TestGate(t *testing.T) {
	cases := []struct {
		name, old, new, want string
	}{
		{"emoji", "name: Ledermøte", "name: Ledermøte 😀",
			"avtale.yaml:25:11: «name»: tegnet «😀» (U+1F600) kan ikke vises i dokumentene, som kan vise latinsk, gresk og kyrillisk skrift og vanlige tegn; skriv det med ord, eller slett det"},
		{"Ge'ez", "name: Kari Nordmann", "name: ሰላም ገብሩ",
			"avtale.yaml:31:11: «name»: tegnet «ሰ» (U+1230, etiopisk skrift (ge'ez)) kan ikke vises i dokumentene, som kan vise latinsk, gresk og kyrillisk skrift; skriv navnet med latinske bokstaver (translitterert)"},
		{"Arabic", "name: Kari Nordmann", "name: أحمد",
			"avtale.yaml:31:11: «name»: tegnet «أ» (U+0623, arabisk skrift) kan ikke vises i dokumentene, som kan vise latinsk, gresk og kyrillisk skrift; skriv navnet med latinske bokstaver (translitterert)"},
		{"private use", "name: Kari Nordmann", "name: Kari \ue000",
			"avtale.yaml:31:11: «name»: tegnet U+E000 er fra et privat tegnområde og kan ikke vises i dokumentene; slett det"},
		{"direction override", "name: Programrådgiver", "name: \"NAV-\u202eredielev\"",
			"avtale.yaml:21:11: «name»: teksten inneholder et usynlig tegn som snur skriveretningen (U+202E), så redigeringsprogrammet og dokumentet viser forskjellige ord; slett tegnet"},
		{"isolate", "name: Programrådgiver", "name: \"a\u2066b\"",
			"U+2066"},
		{"terminal escape", "name: Programrådgiver", `name: "\e[31mrød"`,
			"avtale.yaml:21:11: «name»: teksten inneholder kontrolltegnet U+001B, som ikke kan skrives ut; slett det"},
		{"zero width space", "name: Programrådgiver", "name: \"Program\u200brådgiver\"",
			"avtale.yaml:21:11: «name»: teksten inneholder et usynlig tegn (U+200B); slett det"},
		{"blank title", "title: Samarbeidsavtale", `title: "  "`,
			"avtale.yaml:2:8: «title» er tom, men må fylles ut; skriv en verdi etter «title:»"},
		{"blank party name", "name: NAV Eksempel", `name: ""`,
			"avtale.yaml:13:11: «name» er tom, men må fylles ut; skriv en verdi etter «name:»"},
		{"blank version", `version: "1.0"`, `version: ''`,
			"avtale.yaml:4:10: «version» er tom, men må fylles ut"},
		{"blank list item", "participants: [flyktningtjenesten, nav]", `participants: [flyktningtjenesten, ""]`,
			"avtale.yaml:29:40: tomt punkt i listen «participants»"},
		{"year 0", "valid_from: 2027-01-01", "valid_from: 0000-01-01",
			"avtale.yaml:6:15: «valid_from»: året i «0000-01-01» går ikke; skriv en dato fra år 1900 til 2200"},
		{"year 1", "valid_from: 2027-01-01", "valid_from: 0001-01-01",
			"året i «0001-01-01» går ikke"},
		{"calendar year 0", "signatories:", "calendar:\n  year: 0\nsignatories:",
			"avtale.yaml:31:9: «year»: året 0 går ikke; skriv et år fra 1900 til 2200, for eksempel 2027"},
		{"calendar year 99999", "signatories:", "calendar:\n  year: 99999\nsignatories:",
			"«year»: året 99999 går ikke"},
		{"duration 0", "participants: [flyktningtjenesten, nav]", "participants: [flyktningtjenesten, nav]\n    schedule:\n      duration_minutes: 0",
			"avtale.yaml:31:25: «duration_minutes: 0» må være fra 1 til 600 minutter"},
		{"day 0", "participants: [flyktningtjenesten, nav]", "participants: [flyktningtjenesten, nav]\n    schedule:\n      day: 0",
			"«day: 0» må være fra 1 til 28"},
		{"binary tag", "name: Programrådgiver", "name: !!binary UHJvZ3JhbXLDpWRnaXZlcg==",
			"avtale.yaml:21:11: «name»: YAML-merkelappen «!!binary» brukes ikke i avtalefilen; slett den og skriv verdien som vanlig tekst"},
		{"python tag", "name: Programrådgiver", "name: !!python/object:os.system ls",
			"YAML-merkelappen «!!python/object:os.system» brukes ikke"},
		{"local tag", "name: Programrådgiver", "name: !hemmelig Programrådgiver",
			"YAML-merkelappen «!hemmelig» brukes ikke"},
		{"long id", "id: programradgiver", "id: " + strings.Repeat("r", 65),
			"avtale.yaml:20:9: «id»: id-en er 65 tegn lang; en id blir del av filnavn og kan ha høyst 64 tegn – velg en kortere"},
		{"reserved id", "id: programradgiver", "id: con",
			"«con» kan ikke være en id, fordi Windows ikke tillater det som filnavn"},
		{"long value", "title: Samarbeidsavtale", "title: " + strings.Repeat("ord ", 1300),
			"avtale.yaml:2:8: «title» er 5199 tegn lang; en verdi kan ha høyst 5000 tegn – del teksten i flere avsnitt"},
		{"long list", "participants: [flyktningtjenesten, nav]", "participants: [" + strings.Repeat("nav, ", 501) + "nav]",
			"avtale.yaml:29:19: listen «participants» har 502 punkter; en liste kan ha høyst 500"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("base lacks %q", c.old)
			}
			data := strings.Replace(base, c.old, c.new, 1)
			a, diags := model.Load("avtale.yaml", []byte(data))
			if a != nil {
				t.Fatalf("accepted")
			}
			if !strings.Contains(diags.Error(), c.want) {
				t.Errorf("got:\n%s\nwant: %s", diags.Error(), c.want)
			}
		})
	}
}

// TestGateAccepts: the scripts the documents support, and tags that only
// say what YAML would have assumed, are fine.
func TestGateAccepts(t *testing.T) {
	for _, name := range []string{"Áillohaš Niillas Ŋuolja", "Γιώργος Παπαδόπουλος", "Олена Шевченко", "Nguyễn Thị Minh", "Zoë Ærø-Bråten"} {
		data := strings.Replace(base, "name: Kari Nordmann", "name: "+name, 1)
		data = strings.Replace(data, "name: Programrådgiver", "name: !!str Programrådgiver", 1)
		if a, diags := model.Load("avtale.yaml", []byte(data)); a == nil {
			t.Errorf("%s refused:\n%v", name, diags)
		}
	}
}

// TestMessagesAreSafeOnATerminal: what the file holds never reaches the
// terminal as a control sequence, not even in an unknown key.
func TestMessagesAreSafeOnATerminal(t *testing.T) {
	data := strings.Replace(base, "title: Samarbeidsavtale", "\"ti\\e]0;pwned\\atle\": x\ntitle: Samarbeidsavtale", 1)
	_, diags := model.Load("av\x1b[2Jtale.yaml", []byte(data))
	text := diags.Error()
	if strings.ContainsAny(text, "\x1b\x07") {
		t.Errorf("raw control characters in %q", text)
	}
	if !strings.Contains(text, `av\x1b[2Jtale.yaml:2:1: ukjent felt «ti\x1b]0;pwned\x07tle»`) {
		t.Errorf("got %q", text)
	}
}

// TestRefusedNumberOnce: a number the decoder refuses gets one message,
// with what the file says, not a second one about the 0 left in its place.
func TestRefusedNumberOnce(t *testing.T) {
	for _, c := range []struct{ new, want string }{
		{"calendar:\n  year: 99999999999999999999999\nsignatories:",
			"avtale.yaml:31:9: «year» skal være et helt tall, ikke «99999999999999999999999»"},
		{"calendar:\n  year: 2027.5\nsignatories:",
			"avtale.yaml:31:9: «year» skal være et helt tall, ikke «2027.5»"},
		{"participants: [flyktningtjenesten, nav]\n    schedule:\n      duration_minutes: 999999999999999999999",
			"avtale.yaml:31:25: «duration_minutes» skal være et helt tall, ikke «999999999999999999999»"},
		{"participants: [flyktningtjenesten, nav]\n    schedule:\n      day: første",
			"avtale.yaml:31:12: «day» skal være et helt tall, ikke «første»"},
	} {
		old := "signatories:"
		if strings.HasPrefix(c.new, "participants") {
			old = "participants: [flyktningtjenesten, nav]"
		}
		a, diags := model.Load("avtale.yaml", []byte(strings.Replace(base, old, c.new, 1)))
		if a != nil {
			t.Fatalf("%q accepted", c.new)
		}
		if got := diags.Errors().Error(); got != c.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
		}
	}
}

// The tree Load parsed gives, without its comments, what WithoutComments
// gives from the file's bytes: the attachment is the same either way.
func TestTreeWithoutComments(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "samples", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Also as Windows writes it: a byte-order mark and CR LF.
		windows := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
		for _, in := range [][]byte{data, windows} {
			sameWithoutComments(t, f, in)
		}
	}
}

func FuzzTreeWithoutComments(f *testing.F) {
	f.Add([]byte("title: Avtale # merknad\n# alene\nparties: []\n"))
	if data, err := os.ReadFile(filepath.Join("..", "..", "samples", "lillestrom-rutine.yaml")); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { sameWithoutComments(t, "fuzz.yaml", data) })
}

func sameWithoutComments(t *testing.T, name string, data []byte) {
	t.Helper()
	_, _, tree := model.LoadTree(name, data)
	if tree == nil {
		return // not an agreement; generate makes nothing from it
	}
	want, wantErr := model.WithoutComments(data)
	got, gotErr := tree.WithoutComments()
	if !bytes.Equal(got, want) || (gotErr == nil) != (wantErr == nil) {
		t.Errorf("%s: from the tree %q (%v), from the bytes %q (%v)", name, got, gotErr, want, wantErr)
	}
}
