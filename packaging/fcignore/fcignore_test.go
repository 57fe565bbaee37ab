package fcignore

import "testing"

func TestMatch(t *testing.T) {
	m := Parse([]byte("# comment\n\n*.log\n!keep.log\nbuild/\n/root-only\ndocs/**/*.md\n**/cache\na?c\n[xy].txt\nsecret\\ \n\\#hash\n"))
	cases := []struct {
		path    string
		dir     bool
		ignored bool
	}{
		{"debug.log", false, true},
		{"sub/debug.log", false, true},
		{"keep.log", false, false},
		{"build", true, true},
		{"build", false, false}, // trailing slash: folders only
		{"sub/build", true, true},
		{"root-only", false, true},
		{"sub/root-only", false, false}, // anchored
		{"docs/a/b/c.md", false, true},
		{"docs/c.md", false, true},
		{"other/docs/c.md", false, false},
		{"x/y/cache", true, true},
		{"abc", false, true},
		{"abbc", false, false},
		{"x.txt", false, true},
		{"z.txt", false, false},
		{"secret ", false, true},
		{"#hash", false, true},
		{"main.go", false, false},
	}
	for _, c := range cases {
		if _, got := m.Match(c.path, c.dir); got != c.ignored {
			t.Errorf("%q (dir %v): ignored = %v, want %v", c.path, c.dir, got, c.ignored)
		}
	}
}

func TestStack(t *testing.T) {
	var s Stack
	s.Push("", Parse([]byte("*.tmp\n")))
	s.Push("sub", Parse([]byte("!keep.tmp\nlocal\n")))
	cases := map[string]bool{"a.tmp": true, "sub/keep.tmp": false, "sub/x.tmp": true, "sub/local": true, "local": false}
	for p, want := range cases {
		if got := s.Ignored(p, false); got != want {
			t.Errorf("%s: %v, want %v", p, got, want)
		}
	}
	s.PopTo("other/file")
	if s.Ignored("sub/local", false) {
		t.Error("PopTo kept the sub level")
	}
}
