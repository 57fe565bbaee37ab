package probe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// sanitize makes text from the configuration or the function safe for a
// terminal: control characters (escape sequences, carriage returns, C1
// controls) are shown as \xNN, invalid UTF-8 as \uFFFD. Newlines and tabs
// stay.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r == utf8.RuneError || (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// Sanitize is sanitize for the command line's output of steps and findings.
func Sanitize(s string) string { return sanitize(s) }
