package fcignore

import (
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fclint/fclint/internal/fuzzseed"
)

// FuzzParse parses arbitrary .fcignore files and matches arbitrary paths.
// Properties: every pattern records the line it came from; the last matching
// line wins (a file ending in "*" ignores every file, one ending in "!*"
// keeps every file); a one-line pattern of plain characters, * and ? matches
// a path exactly when path.Match matches its last element, as in gitignore.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"*.log\n!a.log\n", "**/x/**\n", "[!a-z]\n", "[]]\n", "\\", "a/**/b/\n", "[", "!\n/\n", "*.tmp", "nod?_modules"} {
		f.Add(s, "a/b/c.log")
		f.Add(s, "line\nbreak/c.log")
	}
	f.Add("a?c", "x/a/c") // ? never matches a slash
	for _, file := range fuzzseed.Named(f, FileName) {
		f.Add(string(file), "node_modules/x/index.js")
		f.Add(string(file), ".git/config")
	}
	f.Fuzz(func(t *testing.T, file, rel string) {
		m := Parse([]byte(file))
		lines := strings.Split(file, "\n")
		prev := 0
		for _, p := range m.Patterns {
			if p.Line <= prev || p.Line > len(lines) || !strings.Contains(lines[p.Line-1], p.Text) {
				t.Fatalf("pattern %q says line %d (after line %d), which is %q", p.Text, p.Line, prev, lines[min(max(p.Line, 1), len(lines))-1])
			}
			prev = p.Line
		}

		if len(file) < MaxFileSize-8 && len(m.Patterns) < MaxPatterns-1 {
			if matched, ignored := Parse([]byte(file+"\n*")).Match(rel, false); !matched || !ignored {
				t.Fatalf("a file ending in * does not ignore %q (matched %v, ignored %v)", rel, matched, ignored)
			}
			if matched, ignored := Parse([]byte(file+"\n!*")).Match(rel, false); !matched || ignored {
				t.Fatalf("a file ending in !* does not keep %q (matched %v, ignored %v)", rel, matched, ignored)
			}
		}

		if plainGlob(file) && rel != "" && !strings.HasSuffix(rel, "/") && utf8.ValidString(rel) {
			want, _ := path.Match(file, path.Base(rel))
			if matched, ignored := m.Match(rel, false); matched != want || ignored != want {
				t.Fatalf("pattern %q on %q: matched %v, ignored %v; path.Match on %q says %v", file, rel, matched, ignored, path.Base(rel), want)
			}
		}
	})
}

// plainGlob: one pattern line of literal characters, * and ?, which gitignore
// and path.Match read alike.
func plainGlob(s string) bool {
	return s != "" && utf8.ValidString(s) && !strings.ContainsAny(s, "/[\\\n\r") && !strings.Contains(s, "**") &&
		s[0] != '!' && s[0] != '#' && !strings.HasSuffix(s, " ") && len(s) <= maxLineLen
}
