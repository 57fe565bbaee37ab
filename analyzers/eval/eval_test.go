package eval_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
)

// showAnalyzer reports the values of the argument of every call to show.
var showAnalyzer = &analysis.Analyzer{
	Name:     "show",
	Doc:      "report the evaluator's values of show(x)",
	Requires: []*analysis.Analyzer{fcconfig.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ev := eval.New(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "show" {
					return true
				}
				var vals []string
				for _, v := range ev.Eval(call.Args[0]) {
					s := v.String()
					if v.Fallback != "" {
						s += " (fallback " + v.Fallback + ")"
					}
					vals = append(vals, s)
				}
				pass.Reportf(call.Pos(), "%s", strings.Join(vals, " | "))
				return true
			})
		}
		return nil, nil
	},
}

func TestEval(t *testing.T) {
	t.Parallel()
	dir := fixture.Dir(t)
	analysistest.Run(t, dir, showAnalyzer, "evalcases")
}
