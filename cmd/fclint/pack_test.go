package main

import (
	"strings"
	"testing"
)

// Progress shows only for large folders, and clears its line at the end.
func TestPackProgress(t *testing.T) {
	var b strings.Builder
	p := &progress{w: &b}
	p.update(1<<20, progressMin-1)
	if b.Len() != 0 {
		t.Errorf("progress for a small folder: %q", b.String())
	}
	p.update(60<<20, 120<<20)
	if !strings.Contains(b.String(), "packing  50% (60/120 MB)") {
		t.Errorf("progress line %q", b.String())
	}
	p.finish()
	if !strings.HasSuffix(b.String(), "\r\x1b[K") {
		t.Errorf("progress line not cleared: %q", b.String())
	}
	quiet := newProgress(&b) // not a terminal
	quiet.update(60<<20, 120<<20)
	quiet.finish()
	if quiet.w != nil {
		t.Error("progress on a writer that is not a terminal")
	}
}

func TestPluralize(t *testing.T) {
	for n, want := range map[int]string{0: "0 entries", 1: "1 entry", 3: "3 entries"} {
		if got := pluralize(n, "entry", "entries"); got != want {
			t.Errorf("pluralize(%d) = %q", n, got)
		}
	}
}
