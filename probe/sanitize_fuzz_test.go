package probe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"plain text\n\tindented": "plain text\n\tindented",
		"\x1b]0;pwned\x07title":  `\x1b]0;pwned\x07title`,
		"red \x1b[31mtext\r":     `red \x1b[31mtext\x0d`,
		"c1 \u009b31m":           `c1 \x9b31m`,
		"bad \xff utf8":          "bad \uFFFD utf8",
		"wide 漢字 stays":          "wide 漢字 stays",
	} {
		if got := sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSanitize: whatever a function prints, nothing that reaches the
// terminal is a control character other than newline and tab.
func FuzzSanitize(f *testing.F) {
	f.Add("\x1b[2J\x1b[H")
	f.Add("ok\n")
	f.Add("\xc2\x9b")
	f.Fuzz(func(t *testing.T, s string) {
		out := sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, out)
		}
		for _, r := range out {
			if unsafeRune(r) && r != utf8.RuneError {
				t.Fatalf("control %U left in %q", r, out)
			}
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("lines changed: %q -> %q", s, out)
		}
	})
}
