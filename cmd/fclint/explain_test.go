package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fclint/fclint/rules"
)

// Prose is re-wrapped to the width (the Fix line included), code examples are
// kept line for line, and escape codes appear only with color.
func TestExplainTextWrapsProseAndKeepsCode(t *testing.T) {
	for _, r := range rules.All() {
		for _, width := range []int{60, 100} {
			plain := explainText(r, width, false)
			if strings.Contains(plain, "\x1b") {
				t.Fatalf("%s: escape codes without color", r.ID)
			}
			code := map[string]bool{}
			for _, l := range strings.Split(r.Wrong+"\n"+r.Right, "\n") {
				code["    "+strings.ReplaceAll(l, "\t", "    ")] = true
			}
			for _, l := range strings.Split(plain, "\n") {
				if utf8.RuneCountInString(l) > width && strings.Contains(strings.TrimSpace(l), " ") && !code[l] && !strings.HasPrefix(l, "Docs: ") {
					t.Errorf("%s width %d: line not wrapped: %q", r.ID, width, l)
				}
			}
			if got := strings.Join(strings.Fields(plain), " "); !strings.Contains(got, strings.Join(strings.Fields(r.Fix), " ")) {
				t.Errorf("%s: fix text lost", r.ID)
			}
		}
		colored := explainText(r, 80, true)
		if !strings.Contains(colored, "\x1b[1m"+r.ID) || !strings.Contains(colored, "│") {
			t.Errorf("%s: no styled heading or code bar on a terminal", r.ID)
		}
	}
}
