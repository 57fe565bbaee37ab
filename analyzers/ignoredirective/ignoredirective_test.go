package ignoredirective_test

import (
	"fmt"
	"go/ast"
	"go/constant"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/ignoredirective"
	"github.com/fclint/fclint/rules"
)

// flagBad reports FC101 on every string literal "bad" and FC104 on every
// "slow", through diag.Report, so the fixtures exercise suppression exactly as
// the real rules meet it.
var flagBad = &analysis.Analyzer{
	Name:     "flagbad",
	Doc:      "test rule",
	Requires: diag.Requires,
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok {
					return true
				}
				tv := pass.TypesInfo.Types[lit]
				if tv.Value == nil || tv.Value.Kind() != constant.String {
					return true
				}
				switch constant.StringVal(tv.Value) {
				case "bad":
					diag.Report(pass, diag.Finding{Rule: rules.MustGet("FC101"), Node: lit, Message: "bad literal"})
				case "slow":
					diag.Report(pass, diag.Finding{Rule: rules.MustGet("FC104"), Node: lit, Message: "slow literal"})
				}
				return true
			})
		}
		return nil, nil
	},
}

var wantRe = regexp.MustCompile(`// want (.*)$`)

// TestDirectives runs a rule and FC001 together, as fclint does, and checks
// both against the fixtures' `// want "regexp" ...` comments (analysistest
// checks one analyzer at a time, but suppression is about two).
func TestDirectives(t *testing.T) {
	t.Parallel()
	// A copy of FC001 that also waits for flagBad: the registry's stays as is.
	meta := *ignoredirective.Analyzer
	meta.Requires = append(append([]*analysis.Analyzer(nil), meta.Requires...), flagBad)
	analyzers := fcconfig.Configure([]*analysis.Analyzer{flagBad, &meta}, fcconfig.Settings{})

	// Tests: true loads ignores_test.go too; its findings must be dropped.
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: "testdata/mod", Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{} // "file:line" -> messages
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", p.Filename, p.Line)
			if !contains(got[key], d.Message) { // the test variant repeats the package
				got[key] = append(got[key], d.Message)
			}
		}
	}
	want := map[string][]*regexp.Regexp{}
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					m := wantRe.FindStringSubmatch(c.Text)
					if m == nil {
						continue
					}
					p := pkg.Fset.Position(c.Pos())
					key := fmt.Sprintf("%s:%d", p.Filename, p.Line)
					if _, done := want[key]; done {
						continue
					}
					for _, q := range regexp.MustCompile(`"(?:[^"\\]|\\.)*"`).FindAllString(m[1], -1) {
						s, _ := strconv.Unquote(q)
						want[key] = append(want[key], regexp.MustCompile(s))
					}
				}
			}
		}
	}
	keys := map[string]bool{}
	for k := range got {
		keys[k] = true
	}
	for k := range want {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		msgs, res := got[k], want[k]
	next:
		for _, re := range res {
			for i, m := range msgs {
				if re.MatchString(m) {
					msgs = append(msgs[:i:i], msgs[i+1:]...)
					continue next
				}
			}
			t.Errorf("%s: no diagnostic matching %q", short(k), re)
		}
		for _, m := range msgs {
			t.Errorf("%s: unexpected diagnostic %q", short(k), m)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func short(k string) string {
	if i := strings.Index(k, "testdata/"); i >= 0 {
		return k[i:]
	}
	return k
}
