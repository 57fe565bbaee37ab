package script

import (
	"path"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/fuzzseed"
)

// FuzzScript parses arbitrary script heads. Properties: the lines are the
// input's lines, numbered from 1, with CRLF found at the first "\r\n"; every
// command starts on one of them and quotes it; file words map into the
// package or not at all; a word without $ expands to itself.
func FuzzScript(f *testing.F) {
	seeds := []string{
		"#!/bin/bash\nexec gunicorn -b 0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} app:app\n",
		"#!/usr/bin/env -S node --x\r\nnode server.js --port=$PORT &\n",
		"cd \"$(dirname \"$0\")\" && ./main 2>&1 | tee x\n",
		"php -S [::1]:9000 -t public router.php\\\n --x\n",
		"\"'${", "\\", "${X:-${Y}}", "a=b c=d",
		"\xEF\xBB\xBF#!/bin/sh\r\ncat <<EOF\n./missing\nEOF\n./main\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	for _, pattern := range []string{"bootstrap", "*.sh"} {
		for _, s := range fuzzseed.Named(f, pattern) {
			f.Add(string(s))
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := Parse([]byte(in))
		text := strings.TrimPrefix(in, "\xEF\xBB\xBF")
		if s.BOM != (len(text) < len(in)) {
			t.Fatalf("BOM %v for %q", s.BOM, in[:min(len(in), 3)])
		}
		want := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		if text == "" {
			want = nil
		}
		if len(s.Lines) != len(want) {
			t.Fatalf("%d lines, the input has %d", len(s.Lines), len(want))
		}
		for i, l := range s.Lines {
			if l.N != i+1 || l.Text != strings.TrimSuffix(want[i], "\r") {
				t.Fatalf("line %d is {%d %q}, the input has %q", i+1, l.N, l.Text, want[i])
			}
		}
		crlfAt := strings.Index(text, "\r\n")
		if s.CRLF != (crlfAt >= 0) || s.CRLF && s.CRLFLine != strings.Count(text[:crlfAt], "\n")+1 {
			t.Fatalf("CRLF %v at line %d; first \\r\\n at byte %d", s.CRLF, s.CRLFLine, crlfAt)
		}
		s.Program()
		prev := 0
		for _, c := range s.Commands() {
			if c.Line < max(prev, 1) || c.Line > len(s.Lines) || c.Text != s.Lines[c.Line-1].Text {
				t.Fatalf("command %q says line %d (after %d) with text %q", c.Words, c.Line, prev, c.Text)
			}
			prev = c.Line
			Binds(c, Vars{"PORT": "1"})
			for _, w := range append(FileRefs(c), c.Words...) {
				for _, cwd := range []string{"", "a", "a/b"} {
					if p, ok := InPackage(w, cwd); ok && (p == "" || p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) || path.Clean(p) != p) {
						t.Fatalf("InPackage(%q, %q) = %q, not a clean name inside the package", w, cwd, p)
					}
				}
				if got, ok := Expand(w, Vars{}); !strings.Contains(w, "$") && (got != w || !ok) {
					t.Fatalf("Expand(%q) = %q, %v; a word without $ is itself", w, got, ok)
				}
			}
		}
	})
}
