// Not upstream: unpackUint16Array and unpackUint32Array against upstream's
// reading through a bytes.Reader.

package fpdf

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"
)

func upstreamUnpack(data []byte, size int) []int {
	answer := make([]int, 1)
	r := bytes.NewReader(data)
	bs := make([]byte, size)
	c, e := r.Read(bs)
	for e == nil && c > 0 {
		if size == 2 {
			answer = append(answer, int(binary.BigEndian.Uint16(bs)))
		} else {
			answer = append(answer, int(binary.BigEndian.Uint32(bs)))
		}
		c, e = r.Read(bs)
	}
	return answer
}

func TestUnpackAsUpstream(t *testing.T) {
	data := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xff, 0xfe, 13}
	for n := 0; n <= len(data); n++ {
		if got, want := unpackUint16Array(data[:n]), upstreamUnpack(data[:n], 2); !slices.Equal(got, want) {
			t.Errorf("uint16 of %d bytes: %v, want %v", n, got, want)
		}
		if got, want := unpackUint32Array(data[:n]), upstreamUnpack(data[:n], 4); !slices.Equal(got, want) {
			t.Errorf("uint32 of %d bytes: %v, want %v", n, got, want)
		}
	}
}
