package generator_test

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"samarbeid/generator"
	"samarbeid/generator/model"
)

// TestInputInEitherMålform: a file may write its frequencies, breaks and
// deadlines in either målform. A nynorsk phrase in a bokmål file, or a
// bokmål phrase in a nynorsk one, reads as the same agreement and gets the
// same dates in the year plan as the file's own phrase.
func TestInputInEitherMålform(t *testing.T) {
	starts := regexp.MustCompile(`(?m)^DTSTART.*$`)
	for _, c := range []struct{ sample, written, other string }{
		{"volda", "frequency: kvar månad", "frequency: hver måned"},
		{"volda", "frequency: årleg, innan desember", "frequency: årlig, innen desember"},
		{"volda", "frequency: halvårleg (vår og haust)", "frequency: halvårlig (høst og vår)"},
		{"volda", "when: veke 28–31", "when: uker 28 til 31"},
		{"kristiansand", "frequency: hver 14. dag eller ved behov", "frequency: annakvar veke, elles ved behov"},
		{"kristiansand", "frequency: årlig innen april", "frequency: ein gong i året, innan april"},
		{"kristiansand", "frequency: kvartalsvis", "frequency: fire gonger i året"},
		{"lillestrom-rutine", "deadline: innen 2 uker etter bosettingen", "deadline: innan 2 veker etter bosettingen"},
	} {
		t.Run(c.sample+"/"+c.other, func(t *testing.T) {
			data, err := os.ReadFile("../samples/" + c.sample + ".yaml")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), c.written) {
				t.Fatalf("%s.yaml no longer has %q", c.sample, c.written)
			}
			own := loadText(t, c.sample, data)
			other := loadText(t, c.sample, []byte(strings.Replace(string(data), c.written, c.other, 1)))
			_, want, err := generator.Calendar(own, generator.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, got, err := generator.Calendar(other, generator.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if w, g := starts.FindAllString(string(want), -1), starts.FindAllString(string(got), -1); len(w) < 5 || !slices.Equal(w, g) {
				t.Errorf("planned on\n%v\nnot on\n%v", g, w)
			}
			for _, a := range []*model.Agreement{own, other} {
				for i := range a.Meetings {
					a.Meetings[i].Frequency.Text = ""
				}
			}
			if !reflect.DeepEqual(own, other) {
				t.Error("the file reads differently")
			}
		})
	}
}

func loadText(t *testing.T, sample string, data []byte) *model.Agreement {
	t.Helper()
	a, diags := model.Load(sample+".yaml", data)
	if a == nil {
		t.Fatal(diags)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "årshjulet kan ikke") {
			t.Error(d)
		}
	}
	return a
}
