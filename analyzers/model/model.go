// Package model carries the server model across the packages of the analyzed
// module. Its analyzer runs on every package (under go vet, on every
// dependency too, in facts-only mode) and exports, for each package of the
// module, what the package decides for its importers: an exported function's
// results and the fields of the struct it returns, an exported package
// variable, and the writes to the exported fields of its struct types
// (eval.Summary). The listen sites, server settings and rules read these
// through the shared evaluator, so a constructor, a config package or a
// getter in another package is followed as if it were in the same one.
//
// Only packages of the module(s) being analyzed are summarized: the standard
// library and modules from the module cache are described by the framework
// registry, or not followed.
package model

import (
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
)

// Analyzer exports the package's summaries and gives every summary visible to
// the package (its own and its imports') to the analyzers that require it.
var Analyzer = &analysis.Analyzer{
	Name:       "fclintmodel",
	Doc:        "summarize the values a package of the module decides for its importers (ports, addresses, timeouts); reports nothing",
	Requires:   []*analysis.Analyzer{fcconfig.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{new(eval.Summary), new(Deferred)},
	ResultType: reflect.TypeOf((*Result)(nil)),
	// A package with type errors still exports what it can: go vet runs the
	// analyzer on dependencies whatever their state.
	RunDespiteErrors: true,
}

// Result is the summaries visible to a package.
type Result struct{ lookup eval.Facts }

// SummaryFacts implements eval.FactSource.
func (r *Result) SummaryFacts() eval.Facts {
	if r == nil {
		return nil
	}
	return r.lookup
}

// Deferred is the package fact a driver that keeps facts in memory gets
// instead of one Summary per object (fcconfig.Settings.InMemoryFacts): the
// package's summaries, computed on the first lookup. Most packages of a
// module are never asked (no importer evaluates an address or a timeout
// through them), so their index is never built. It is never encoded.
type Deferred struct {
	Path string // the package's import path
	get  func(types.Object) *eval.Summary
}

// AFact marks Deferred as an analysis fact.
func (*Deferred) AFact() {}

func (d *Deferred) String() string { return "deferred summaries of " + d.Path }

func run(pass *analysis.Pass) (any, error) {
	inMemory := fcconfig.Of(pass).InMemoryFacts
	res := &Result{lookup: func(obj types.Object) *eval.Summary {
		if obj.Pkg() == nil {
			return nil
		}
		if inMemory {
			var d Deferred
			if pass.ImportPackageFact(obj.Pkg(), &d) && d.get != nil {
				return d.get(obj)
			}
			return nil
		}
		s := new(eval.Summary)
		if pass.ImportObjectFact(obj, s) {
			return s
		}
		return nil
	}}
	if !eval.Summarizes(pass) || !eval.HasCandidates(pass) || fcconfig.Of(pass).Unimported.Has(pass.Pkg.Path()) {
		return res, nil
	}
	summarize := func() map[types.Object]*eval.Summary {
		return eval.New(pass).WithFacts(res.lookup).SummaryOnly().ForFacts().Summarize()
	}
	if inMemory {
		// The pass outlives its Run here: its files, types and the facts
		// of its imports are only read.
		var once sync.Once
		var sums map[types.Object]*eval.Summary
		pass.ExportPackageFact(&Deferred{Path: pass.Pkg.Path(), get: func(obj types.Object) *eval.Summary {
			once.Do(func() { sums = summarize() })
			return sums[obj]
		}})
		return res, nil
	}
	for obj, s := range summarize() {
		pass.ExportObjectFact(obj, s)
	}
	return res, nil
}
