package memo

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// Callers asking for a key at once get one value, made once; another key
// gets its own, and an error is kept like a value.
func TestMapMakesEachKeyOnce(t *testing.T) {
	var m Map[string, int]
	var made atomic.Int32
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Go(func() {
			got[i], _ = m.Get("a", func() (int, error) { return int(made.Add(1)), nil })
		})
	}
	wg.Wait()
	for _, v := range got {
		if v != 1 {
			t.Fatalf("got %v, want every caller to get the one value", got)
		}
	}
	if b, _ := m.Get("b", func() (int, error) { return 7, nil }); b != 7 {
		t.Errorf("key b: got %d, want 7", b)
	}
	bad := errors.New("feil")
	m.Get("c", func() (int, error) { return 0, bad })
	if _, err := m.Get("c", func() (int, error) { return 1, nil }); err != bad {
		t.Errorf("key c: got error %v, want the first call's", err)
	}
}
