// Package lazyinspect gives analyzers an AST inspector that is built only when
// asked for. x/tools' inspect.Analyzer builds one for every package; most
// packages of a real module start no server, pass the rules' fast paths, and
// never need one, so building it eagerly cost about a quarter of fclint's peak
// memory on a large module (scripts/bench.sh).
package lazyinspect

import (
	"go/ast"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer provides a *Lazy for the package.
var Analyzer = &analysis.Analyzer{
	Name:             "fclintlazyinspect",
	Doc:              "provide an AST inspector built on first use; reports nothing",
	Run:              func(pass *analysis.Pass) (any, error) { return &Lazy{pass: pass}, nil },
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Lazy)(nil)),
}

// Lazy builds the package's inspector once, on first use.
type Lazy struct {
	pass *analysis.Pass
	once sync.Once
	in   *inspector.Inspector
}

// Inspector returns the package's inspector, building it on first use.
func (l *Lazy) Inspector() *inspector.Inspector {
	l.once.Do(func() { l.in = inspector.New(l.pass.Files) })
	return l.in
}

// Of returns the inspector from a pass whose analyzer requires Analyzer.
func Of(pass *analysis.Pass) *inspector.Inspector {
	return pass.ResultOf[Analyzer].(*Lazy).Inspector()
}

// Walk calls visit for every node of files in preorder, with the node's
// ancestors: path ends with the node. path is reused between calls, so a
// visitor copies what it keeps. Walk builds no inspector: for a single pass
// over a package, an inspector's event list costs more than it saves, and
// the analysis results keep it alive until the end of the run.
func Walk(files []*ast.File, visit func(path []ast.Node)) {
	var path []ast.Node
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				path = path[:len(path)-1]
				return true
			}
			path = append(path, n)
			visit(path)
			return true
		})
	}
}
