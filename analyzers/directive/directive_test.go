package directive

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src       string // one line of code after "package p\n"
		kind      Kind
		rules     string // comma-joined IDs
		reason    string
		malformed string // substring; "" = well-formed
		nextLine  bool   // covers the next line
		ignored   bool   // not an fclint directive at all
	}{
		{src: `var a = 1 //fclint:ignore FC101 side server`, rules: "FC101", reason: "side server"},
		{src: `//fclint:ignore FC101 side server`, rules: "FC101", reason: "side server", nextLine: true},
		{src: `var a = 1 //fclint:ignore loopback-listen,FC104 both`, rules: "FC101,FC104", reason: "both"},
		{src: `var a = 1 //fclint:ignore FC101`, rules: "FC101", malformed: "no reason"},
		{src: `var a = 1 //fclint:ignore FC101   `, rules: "FC101", malformed: "no reason"},
		{src: `var a = 1 //fclint:ignore`, malformed: "names no rule"},
		{src: `var a = 1 //fclint:ignore FC999 why`, malformed: "unknown rule FC999"},
		{src: `var a = 1 //fclint:file-ignore FC104 why`, kind: FileIgnore, rules: "FC104", reason: "why"},
		{src: `var a = 1 //fclint:skip FC101 why`, malformed: "unknown fclint directive"},
		{src: `var a = 1 //nolint:fclint`, kind: NoLint},
		{src: `var a = 1 //nolint:gosec,fclint // reason`, kind: NoLint},
		{src: `var a = 1 //nolint:all`, kind: NoLint},
		{src: `var a = 1 //nolint:gosec`, ignored: true},
		{src: `var a = 1 // nolint:fclint`, ignored: true}, // golangci-lint requires no space
		{src: `var a = 1 // fclint:ignore FC101 why`, ignored: true},
	}
	for _, tt := range tests {
		src := "package p\n" + tt.src + "\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		tf := fset.File(f.Pos())
		var got *Directive
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parse(c, f, tf, []byte(src), "p.go"); d != nil {
					got = d
				}
			}
		}
		if tt.ignored {
			if got != nil {
				t.Errorf("%s: parsed as a directive: %+v", tt.src, got)
			}
			continue
		}
		if got == nil {
			t.Errorf("%s: not parsed", tt.src)
			continue
		}
		if tt.malformed != "" {
			if !strings.Contains(got.Malformed, tt.malformed) {
				t.Errorf("%s: Malformed = %q, want it to mention %q", tt.src, got.Malformed, tt.malformed)
			}
			continue
		}
		if got.Malformed != "" {
			t.Errorf("%s: unexpectedly malformed: %s", tt.src, got.Malformed)
		}
		if got.Kind != tt.kind || strings.Join(got.Rules, ",") != tt.rules || got.Reason != tt.reason {
			t.Errorf("%s: got kind %d rules %v reason %q", tt.src, got.Kind, got.Rules, got.Reason)
		}
		wantLine := 2
		if tt.nextLine {
			wantLine = 3
		}
		if got.Line != wantLine {
			t.Errorf("%s: covers line %d, want %d", tt.src, got.Line, wantLine)
		}
	}
}
