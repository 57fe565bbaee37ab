package report

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fclint/fclint/rules"
)

func TestSplitMessage(t *testing.T) {
	long := `server listens on 127.0.0.1:9000, a loopback address; FC sends requests to 0.0.0.0:9000, so they never arrive (FunctionNotStarted … connection refused); 127.0.0.1 comes from the constant host (main.go:13)`
	for _, tc := range []struct {
		msg, headline, why string
	}{
		// Short messages stay whole, separators and all.
		{`runtime "custom.debian9" does not exist; Debian 9 is "custom"`, `runtime "custom.debian9" does not exist; Debian 9 is "custom"`, ""},
		{long, "server listens on 127.0.0.1:9000, a loopback address", "FC sends requests to 0.0.0.0:9000, so they never arrive (FunctionNotStarted … connection refused); 127.0.0.1 comes from the constant host (main.go:13)"},
		// A separator inside quotes or parentheses is not a clause boundary;
		// "host:port" is not ": ".
		{`no bootstrap (looked in: code/, target/; none) and "a: b; c" is quoted, so it ends here; ` + strings.Repeat("x ", 40), `no bootstrap (looked in: code/, target/; none) and "a: b; c" is quoted, so it ends here`, strings.TrimSpace(strings.Repeat("x ", 40))},
		// A stub before the first separator is not a headline.
		{"fc.Start: " + strings.Repeat("word ", 15) + "— and more " + strings.Repeat("y ", 30), "fc.Start: " + strings.TrimSpace(strings.Repeat("word ", 15)), "and more " + strings.TrimSpace(strings.Repeat("y ", 30))},
		// No separator within 100 characters: whole.
		{strings.Repeat("a", 120) + "; b", strings.Repeat("a", 120) + "; b", ""},
	} {
		h, why, _ := SplitMessage(tc.msg)
		if h != tc.headline || why != tc.why {
			t.Errorf("SplitMessage(%q)\n = %q, %q\nwant %q, %q", tc.msg, h, why, tc.headline, tc.why)
		}
	}
}

// FuzzSplitMessage: the headline is at most maxHeadline runes unless nothing
// was split, and headline + separator + why is the message: nothing is lost.
func FuzzSplitMessage(f *testing.F) {
	f.Add(`a "b; c" (d: e) f; g`)
	f.Add(strings.Repeat("abc: ", 40))
	f.Add("x\ny")
	f.Fuzz(func(t *testing.T, msg string) {
		h, why, tail := SplitMessage(msg)
		first, _, _ := strings.Cut(strings.TrimRight(msg, "\n"), "\n")
		first = strings.TrimRight(first, "\r")
		if why == "" {
			if h != first {
				t.Fatalf("unsplit headline %q, want %q", h, first)
			}
		} else {
			if utf8.RuneCountInString(h) > maxHeadline {
				t.Fatalf("headline of %d runes", utf8.RuneCountInString(h))
			}
			if !strings.HasPrefix(first, h) || !strings.Contains(first[len(h):], why) {
				t.Fatalf("%q split into %q + %q", first, h, why)
			}
		}
		if tail != "" && !strings.Contains(msg, tail) {
			t.Fatalf("tail %q not from %q", tail, msg)
		}
	})
}

func TestWrapKeepsWordsAndWidth(t *testing.T) {
	text := "remove ReadTimeout or set it to 0 (no timeout) or 24*time.Hour or more; to guard against slow clients set ReadHeaderTimeout instead"
	lines := Wrap(text, 30)
	if strings.Join(lines, " ") != text {
		t.Errorf("wrap lost words: %q", lines)
	}
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 30 {
			t.Errorf("line %q longer than 30", l)
		}
	}
	if got := Wrap("averyveryverylongwordthatdoesnotfit x", 20); len(got) != 2 || got[0] != "averyveryverylongwordthatdoesnotfit" {
		t.Errorf("long word: %q", got)
	}
}

// The why: and help: notes follow Options.Width; every line of a finding's
// text comes back when the notes are unwrapped.
func TestTextWrapsNotesToWidth(t *testing.T) {
	msg := "http.Server ReadTimeout is 30s: the server cuts a request it has not read within 30s; FC keeps connections open and reuses them for up to 24 h"
	f := New(rules.MustGet("FC104"), "a.go", 0, 0, msg)
	for _, width := range []int{0, 60, 120} {
		out := render(t, "text", Options{Width: width}, []Finding{f})
		limit := width
		if limit == 0 {
			limit = DefaultWidth
		}
		lines := strings.Split(out, "\n")
		_, head, _ := strings.Cut(lines[0], "server-timeout: ")
		var why []string
		inWhy := false
		for _, l := range lines {
			if utf8.RuneCountInString(l) > limit {
				t.Errorf("width %d: line %q too long", width, l)
			}
		}
		for _, l := range lines[1:] {
			if strings.HasPrefix(l, "  help:") {
				break
			}
			if strings.HasPrefix(l, "   why:") {
				inWhy = true
			}
			if !inWhy { // the headline's further lines, on a narrow terminal
				head += " " + strings.TrimSpace(l)
				continue
			}
			why = append(why, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "why:")))
		}
		if head != "http.Server ReadTimeout is 30s" {
			t.Errorf("width %d: headline %q lost text:\n%s", width, head, out)
		}
		if got := head + ": " + strings.TrimSpace(strings.Join(why, " ")); got != msg {
			t.Errorf("width %d: why lost text:\n%s", width, out)
		}
	}
}

func TestUsePortKey(t *testing.T) {
	fs := []Finding{{Message: "a changed customRuntimeConfig.port would leave it on 9000", Fix: "or set customRuntimeConfig.port to 8080"}, {Message: "in customContainerConfig.port", Fix: "x"}}
	UsePortKey(fs, "")
	if fs[0].Fix != "or set customRuntimeConfig.port to 8080" {
		t.Errorf("an empty key changed the fix: %q", fs[0].Fix)
	}
	UsePortKey(fs, "caPort")
	if fs[0].Message != "a changed caPort would leave it on 9000" || fs[0].Fix != "or set caPort to 8080" || fs[1].Message != "in caPort" {
		t.Errorf("caPort: %+v", fs)
	}
}

// On a terminal the source line is cut to the width around the caret, so it
// never wraps between the line and its caret; off a terminal it keeps up to
// maxShownWidth columns.
func TestSourceLineFitsTerminal(t *testing.T) {
	src := "\tserver.Run(\":8080\", nil) // " + strings.Repeat("a long trailing comment ", 8)
	f := New(rules.MustGet("FC102"), "main.go", 7, 2, "server listens on port 8080")
	f.Source, f.EndLine, f.EndColumn = src, 7, 26
	for _, tc := range []struct{ width, limit int }{{80, 80}, {40, 40}, {0, maxShownWidth + 10}} {
		out := render(t, "text", Options{Width: tc.width}, []Finding{f})
		var code, caret string
		for _, l := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(l) > tc.limit {
				t.Errorf("width %d: line %q too long", tc.width, l)
			}
			switch {
			case strings.HasPrefix(l, "  7 | "):
				code = l
			case strings.Contains(l, "^"):
				caret = l
			}
		}
		if !strings.Contains(code, `server.Run(":8080", nil)`) || !strings.HasSuffix(code, "…") {
			t.Errorf("width %d: source line %q", tc.width, code)
		}
		if i := strings.Index(caret, "^"); i < 0 || !strings.HasPrefix(code[i:], "server.Run") {
			t.Errorf("width %d: caret %q does not point at the call in %q", tc.width, caret, code)
		}
	}
}
