package model

import (
	"regexp"
	"testing"
)

// TestEventShapeAsRegexp: eventShape accepts what the regexp it replaced
// accepted, and nothing else.
func TestEventShapeAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`^\p{L}[\p{L} -]*$`)
	for _, s := range []string{"", " ", "-", "bosettingen", "oppstart i programmet", "ny-bosetting", "a", "é", "å-", "1 uke", "møte 2", " start", "-start", "start ", "start\t", "x\u00a0y", "ÆØÅ æøå", "a--b", "a  b"} {
		if got, want := eventShape(s), re.MatchString(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}
