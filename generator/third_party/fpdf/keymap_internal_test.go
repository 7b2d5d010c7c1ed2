// Not upstream: checks the faster untypedKeyMap.put against the original
// linear search for the next free int key.

package fpdf

import (
	"math/rand"
	"reflect"
	"testing"
)

// naivePut is upstream's put(nil, value).
func naivePut(pa *untypedKeyMap, value int) {
	var i int
	var key interface{}
	for n := 0; ; n++ {
		i = pa.getIndex(n)
		if i < 0 {
			key = n
			break
		}
	}
	pa.keySet = append(pa.keySet, key)
	pa.valueSet = append(pa.valueSet, value)
}

func TestUntypedKeyMapPut(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 500; round++ {
		var fast, slow untypedKeyMap
		for step := 0; step < 60; step++ {
			v := rng.Intn(5)
			switch op := rng.Intn(10); {
			case op < 5:
				fast.put(nil, v)
				naivePut(&slow, v)
			case op < 7:
				fast.put("interval", v)
				slow.put("interval", v)
			case op < 8:
				if len(fast.keySet) > 0 {
					fast.pop()
					slow.keySet = slow.keySet[:len(slow.keySet)-1]
					slow.valueSet = slow.valueSet[:len(slow.valueSet)-1]
				}
			case op < 9:
				fast.delete("interval")
				slow.delete("interval")
			default:
				k := rng.Intn(4)
				fast.delete(k)
				slow.delete(k)
			}
			if !reflect.DeepEqual(fast.keySet, slow.keySet) || !reflect.DeepEqual(fast.valueSet, slow.valueSet) {
				t.Fatalf("round %d step %d: keys %v, want %v", round, step, fast.keySet, slow.keySet)
			}
		}
		var other untypedKeyMap
		other.put(nil, 1)
		other.put("interval", 1)
		other.put(nil, 2)
		merged := arrayMerge(&fast, &other)
		slowOther := untypedKeyMap{keySet: []interface{}{0, "interval", 1}, valueSet: []int{1, 1, 2}}
		want := untypedKeyMap{keySet: append([]interface{}{}, slow.keySet...), valueSet: append([]int{}, slow.valueSet...)}
		for i, k := range slowOther.keySet {
			if k == "interval" {
				if want.getIndex("interval") < 0 {
					want.put("interval", slowOther.valueSet[i])
				}
			} else {
				naivePut(&want, slowOther.valueSet[i])
			}
		}
		if !reflect.DeepEqual(merged.keySet, want.keySet) || !reflect.DeepEqual(merged.valueSet, want.valueSet) {
			t.Fatalf("round %d merge: keys %v, want %v", round, merged.keySet, want.keySet)
		}
	}
}
