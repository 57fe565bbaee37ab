// Command noopchecker is the floor fclint's speed budget is measured against:
// a go/analysis checker that loads packages exactly as `fclint check` does
// (same load mode, test files skipped) and runs one analyzer that walks every
// file's syntax tree once and reports nothing. scripts/bench.sh compares the two.
package main

import (
	"fmt"
	"go/ast"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// loadMode matches gocheck's: syntax and types of the checked packages only.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

var walk = &analysis.Analyzer{
	Name: "walk",
	Doc:  "visit every node of every file once; report nothing",
	Run: func(pass *analysis.Pass) (any, error) {
		n := 0
		for _, f := range pass.Files {
			ast.Inspect(f, func(ast.Node) bool { n++; return true })
		}
		return n, nil
	},
	RunDespiteErrors: true,
}

func main() {
	patterns := os.Args[1:]
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: loadMode}, patterns...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "noopchecker:", err)
		os.Exit(2)
	}
	if packages.PrintErrors(pkgs) > 0 {
		os.Exit(2)
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{walk}, pkgs, nil); err != nil {
		fmt.Fprintln(os.Stderr, "noopchecker:", err)
		os.Exit(2)
	}
}
