package report

import (
	"strings"
	"testing"

	"github.com/fclint/fclint/rules"
)

func TestTextNoEscapeCodesWithoutColor(t *testing.T) {
	out := render(t, "text", Options{WorkDir: goldenWorkDir(t)}, sampleFindings())
	if strings.Contains(out, "\x1b") {
		t.Errorf("Color false printed escape codes:\n%q", out)
	}
	colored := render(t, "text", Options{WorkDir: goldenWorkDir(t), Color: true}, sampleFindings())
	if !strings.Contains(colored, "\x1b[") {
		t.Error("Color true printed no escape codes")
	}
}

// TestTextCaretUnderColumn checks alignment directly: the caret must sit under
// the character at the finding's column, whatever tabs precede it.
func TestTextCaretUnderColumn(t *testing.T) {
	for _, src := range []string{
		"\t\tAddr: \"127.0.0.1:9000\",",
		"x\tAddr:\t\"127.0.0.1:9000\"",
		"  \t é\t\"127.0.0.1:9000\"",
		"\"127.0.0.1:9000\"",
	} {
		col := strings.Index(src, `"127`) + 1
		f := New(rules.MustGet("FC101"), "a.go", 1, col, "m")
		f.Source = src
		lines := strings.Split(render(t, "text", Options{}, []Finding{f}), "\n")
		source, caret := lines[1], lines[2]
		bar := strings.Index(source, "| ") + 2
		if strings.Contains(source[bar:], "\t") {
			t.Errorf("%q: tab left in printed line %q", src, source)
		}
		at := strings.Index(caret, "^")
		if at < 0 || at < bar || []rune(source[bar:])[len([]rune(caret[bar:at]))] != '"' {
			t.Errorf("%q: caret not under column %d:\n%s\n%s", src, col, source, caret)
		}
	}
}

func TestTextSkipsSourceWhenUnavailable(t *testing.T) {
	fs := []Finding{
		New(rules.MustGet("FC001"), "missing.go", 3, 1, "m"),
		New(rules.MustGet("FC203"), "function.zip!bootstrap", 0, 0, "m"),
		New(rules.MustGet("FC101"), "cmd/api/main.go", 99, 1, "past the end"),
	}
	out := render(t, "text", Options{WorkDir: goldenWorkDir(t)}, fs)
	if strings.Contains(out, " | ") {
		t.Errorf("printed a source block for findings without a readable line:\n%s", out)
	}
	if !strings.Contains(out, "function.zip!bootstrap: error FC203") {
		t.Errorf("line-0 finding not printed as file only:\n%s", out)
	}
}

func TestTextReadsSourceRelativeToWorkDir(t *testing.T) {
	f := New(rules.MustGet("FC104"), "cmd/api/main.go", 12, 3, "m")
	out := render(t, "text", Options{WorkDir: goldenWorkDir(t)}, []Finding{f})
	if !strings.Contains(out, "12 |         ReadTimeout: 30 * time.Second,") {
		t.Errorf("source line missing or tabs not expanded:\n%s", out)
	}
}

func TestSummaryLine(t *testing.T) {
	e := New(rules.MustGet("FC101"), "a.go", 1, 1, "m")
	w := New(rules.MustGet("FC106"), "b.go", 1, 1, "m")
	i := New(rules.MustGet("FC103"), "a.go", 2, 1, "m")
	for _, tc := range []struct {
		fs   []Finding
		want string
	}{
		{nil, "no findings"},
		{[]Finding{e}, "1 error in 1 file"},
		{[]Finding{e, e, w}, "2 errors, 1 warning in 2 files"},
		{[]Finding{w, w, i}, "2 warnings, 1 info in 2 files"},
		{[]Finding{i, i}, "2 info in 1 file"},
	} {
		if got := summaryLine(tc.fs); got != tc.want {
			t.Errorf("summaryLine(%d findings) = %q, want %q", len(tc.fs), got, tc.want)
		}
	}
}

func TestGroupByFileKeepsFilesTogether(t *testing.T) {
	a1 := New(rules.MustGet("FC101"), "a.go", 1, 1, "1")
	b := New(rules.MustGet("FC101"), "b.go", 1, 1, "2")
	a2 := New(rules.MustGet("FC101"), "a.go", 2, 1, "3")
	groups := groupByFile([]Finding{a1, b, a2})
	if len(groups) != 2 || len(groups[0]) != 2 || groups[0][1].Message != "3" || groups[1][0].File != "b.go" {
		t.Errorf("groupByFile = %+v", groups)
	}
}

func TestTextWindowsLongLines(t *testing.T) {
	src := strings.Repeat("a", 500) + `"127.0.0.1:9000"` + strings.Repeat("b", 500)
	f := New(rules.MustGet("FC101"), "min.js", 1, 501, "m")
	f.Source = src
	lines := strings.Split(render(t, "text", Options{}, []Finding{f}), "\n")
	source, caret := lines[1], lines[2]
	bar := strings.Index(source, "| ") + 2
	shown := []rune(source[bar:])
	if len(shown) > maxShownWidth+2 || shown[0] != '…' || shown[len(shown)-1] != '…' {
		t.Errorf("long line not windowed: %d runes, %q...", len(shown), string(shown[:10]))
	}
	at := len([]rune(caret[bar:strings.Index(caret, "^")]))
	if shown[at] != '"' {
		t.Errorf("caret under %q, want the literal's quote", shown[at])
	}
}

func TestTextNeutralizesControlCharacters(t *testing.T) {
	f := New(rules.MustGet("FC204"), "function.zip!boot\x1b[2Jstrap", 1, 1, "shebang \x1b]0;pwned\x07")
	f.Source = "#!/bin/sh\x1b[31m"
	out := render(t, "text", Options{}, []Finding{f})
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("control characters reached the output: %q", out)
	}
}

// A probe finding ends with the function's output tail: its lines stay lines,
// indented under the finding, and stay free of control characters.
func TestTextKeepsMessageLines(t *testing.T) {
	f := New(rules.MustGet("FC401"), "function.zip", 0, 0, "the process exited (exit status 1); its last output:\n    panic: boom\x1b[31m\r\n    main.main()")
	out := render(t, "text", Options{}, []Finding{f})
	if !strings.Contains(out, "its last output:\n        panic: boom\uFFFD[31m\n        main.main()\n") {
		t.Errorf("output tail not kept as indented lines:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b\r") {
		t.Errorf("control characters reached the output: %q", out)
	}
}
