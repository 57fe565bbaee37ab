package report

import (
	"strings"
	"testing"

	"github.com/fclint/fclint/rules"
)

func TestGitHubEscaping(t *testing.T) {
	f := New(rules.MustGet("FC101"), "dir,a:b/100%.go", 3, 2, "line one\r\nline two: 50% done, ok")
	f.Fix = ""
	out := render(t, "github", Options{WorkDir: t.TempDir()}, []Finding{f})
	want := "::error file=dir%2Ca%3Ab/100%25.go,line=3,col=2,title=FC101 loopback-listen::line one%0D%0Aline two: 50%25 done, ok\n"
	if out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
}

func TestGitHubCommandsAndPositions(t *testing.T) {
	w := New(rules.MustGet("FC106"), "a.go", 5, 0, "w")
	i := New(rules.MustGet("FC103"), "a.go", 0, 0, "i")
	out := render(t, "github", Options{WorkDir: t.TempDir()}, []Finding{w, i})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one line per finding, got:\n%s", out)
	}
	if !strings.HasPrefix(lines[0], "::warning file=a.go,line=5,title=") {
		t.Errorf("warning line = %q (col 0 must be omitted)", lines[0])
	}
	if !strings.HasPrefix(lines[1], "::notice file=a.go,title=") {
		t.Errorf("info line = %q (line 0 must be omitted)", lines[1])
	}
	if !strings.Contains(lines[1], "::i%0Ahelp: read the port") {
		t.Errorf("fix not appended to the message: %q", lines[1])
	}
}

// FuzzGitHubCommand checks that no message or path can break out of its
// workflow command: one line per finding, no raw separators in properties.
func FuzzGitHubCommand(f *testing.F) {
	f.Add("a,b:c.go", "x\r\ny%0A::error::injected", 3, 2)
	f.Add("function.zip!boot\nstrap", "m", 0, 0)
	f.Fuzz(func(t *testing.T, file, msg string, line, col int) {
		fd := New(rules.MustGet("FC101"), file, line, col, msg)
		var b strings.Builder
		if err := (&githubPrinter{opts: Options{WorkDir: "."}}).Print(&b, []Finding{fd}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") || strings.Contains(out, "\r") {
			t.Fatalf("not exactly one line: %q", out)
		}
		props, _, ok := strings.Cut(strings.TrimPrefix(out, "::error "), "::")
		if !ok {
			t.Fatalf("no message separator: %q", out)
		}
		for _, p := range strings.Split(props, ",") {
			if k, v, ok := strings.Cut(p, "="); !ok || k == "" || strings.Contains(v, ":") {
				t.Fatalf("property %q not escaped in %q", p, out)
			}
		}
	})
}
