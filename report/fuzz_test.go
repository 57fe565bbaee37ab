package report

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/fuzzseed"
	"github.com/fclint/fclint/rules"
)

var (
	printedSource = regexp.MustCompile(`^  (\d+) \| `)
	printedCaret  = regexp.MustCompile(`^  +\| +\^+$`)
)

// FuzzTextPrinterSourceLines prints two findings with hostile source lines,
// positions, messages and fixes (archive scripts are untrusted input).
// Properties: every finding with a line and a source gets exactly one source
// line, numbered with its line, and at most one caret line; nothing else
// lands in the gutter; each finding has one header line; printed source
// lines hold no tab.
func FuzzTextPrinterSourceLines(f *testing.F) {
	f.Add("\t\tAddr: \"127.0.0.1:9000\",", 11, 16, 11, 32, "msg", "exec ./main\r\n", 2)
	f.Add("é\t😀\x00\xff", 1, 3, 1, 2, "", "\n", 0)
	f.Add("", 1, 99, 0, 0, "a\nb", "x", 7)
	f.Add("x\r\n", 5, -3, 7, 1, "m", "a\nb\n2 | c", 1)
	f.Add("a\rb\u2028c\x1b[2J", 3, 1, 3, 4, "m\r\n1 | x", "y", 3)
	for _, s := range fuzzseed.Named(f, "bootstrap") {
		if line, _, _ := strings.Cut(string(s), "\n"); line != "" {
			f.Add(line, 1, 3, 1, 8, "bootstrap binds 127.0.0.1", string(s), 2)
		}
	}
	workDir := f.TempDir() // holds no file: sources come from the findings
	f.Fuzz(func(t *testing.T, src string, line, col, endLine, endCol int, msg, src2 string, line2 int) {
		first := New(rules.MustGet("FC204"), "function.zip!bootstrap", line, col, msg)
		first.Source, first.EndLine, first.EndColumn = src, endLine, endCol
		second := New(rules.MustGet("FC302"), "function.zip!bootstrap", line2, 1, msg)
		second.Source = src2
		findings := []Finding{first, second}
		var b strings.Builder
		p := &textPrinter{opts: Options{WorkDir: workDir}}
		if err := p.Print(&b, findings); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		wantSources := map[int]int{} // line number -> findings that show it
		for _, fd := range findings {
			if fd.Line > 0 && fd.Source != "" {
				wantSources[fd.Line]++
			}
		}
		gotSources, carets, headers := map[int]int{}, 0, 0
		for _, l := range strings.Split(out, "\n") {
			// A message's further lines (a probe's output tail) follow the
			// source and caret, indented by four: they are not the gutter.
			if strings.HasPrefix(l, "    ") && !printedCaret.MatchString(l) {
				continue
			}
			switch m := printedSource.FindStringSubmatch(l); {
			case m != nil:
				n, _ := strconv.Atoi(m[1])
				gotSources[n]++
				if strings.Contains(l, "\t") {
					t.Fatalf("tab in printed source line %q", l)
				}
			case printedCaret.MatchString(l):
				carets++
			case strings.HasPrefix(l, "function.zip!bootstrap"):
				headers++
			case strings.Contains(l, "| "):
				t.Fatalf("a line in the source gutter that is neither a source nor a caret line: %q\n%s", l, out)
			}
		}
		if len(gotSources) != len(wantSources) || headers != len(findings) || carets > len(findings) {
			t.Fatalf("source lines %v, want %v; %d headers, %d carets for %d findings:\n%s", gotSources, wantSources, headers, carets, len(findings), out)
		}
		for n, c := range wantSources {
			if gotSources[n] != c {
				t.Fatalf("line %d printed %d times, want %d:\n%s", n, gotSources[n], c, out)
			}
		}
	})
}
