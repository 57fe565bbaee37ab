package probe

import (
	"strings"
	"testing"
)

func TestTailBufferKeepsTheLastBytes(t *testing.T) {
	var all strings.Builder
	tb := newTail(100)
	for i, n := range []int{1, 50, 99, 100, 101, 7, 250, 3, 60, 60, 60} {
		chunk := strings.Repeat(string(rune('a'+i)), n)
		all.WriteString(chunk)
		tb.Write([]byte(chunk))
		want := all.String()
		if len(want) > 100 {
			want = want[len(want)-100:]
		}
		if got := tb.String(); got != want {
			t.Fatalf("after write %d: got %q, want %q", i, got, want)
		}
		if cap(tb.buf) > 2*100 {
			t.Fatalf("buffer grew to %d", cap(tb.buf))
		}
	}
}
