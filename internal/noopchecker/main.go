// Command noopchecker is the floor fclint's speed budget is measured against:
// a go/analysis checker that loads packages as `fclint check` does (same load
// mode, test files skipped) and runs one analyzer that walks every file's
// syntax tree once and reports nothing. scripts/bench.sh compares the two.
//
// It parses the way go/packages and go vet's unitchecker do, with the
// syntactic object resolution (ast.Ident.Obj). fclint check skips that
// resolution, which its analyzers never use; -skip-object-resolution parses
// as fclint does, for a like-for-like floor (scripts/bench.sh prints both).
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
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
	skip := flag.Bool("skip-object-resolution", false, "parse without object resolution, as fclint check does")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{Mode: loadMode}
	if *skip {
		cfg.ParseFile = func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		}
	}
	pkgs, err := packages.Load(cfg, patterns...)
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
