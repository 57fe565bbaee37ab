// Package eval answers, for the analyzers, "what values can this expression
// have, and where did each come from?" It is shared by every rule; no rule
// evaluates expressions on its own.
//
// This first version folds compile-time constants only; it grows to follow
// locals, package variables, concatenation, fmt.Sprintf, net.JoinHostPort,
// strconv, os.Getenv, cmp.Or, flag defaults and same-package call sites.
package eval

import (
	"go/ast"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Value is one possible value of an expression.
type Value struct {
	// Const is the value; nil means unknown (it could be anything).
	Const constant.Value
	// Pos is where the value was written (a literal, a flag default, a fallback).
	Pos token.Pos
	// Origin explains in words where the value comes from, for messages:
	// "the flag default at main.go:9". "" for a plain literal at the use site.
	Origin string
}

// Known reports whether the value is known.
func (v Value) Known() bool { return v.Const != nil }

// Evaluator evaluates expressions of one package. Create one per pass.
type Evaluator struct {
	pass *analysis.Pass
}

// New returns an evaluator for the pass.
func New(pass *analysis.Pass) *Evaluator { return &Evaluator{pass: pass} }

// Eval returns the possible values of expr: one per visible path. An unknown
// value is reported as a Value with a nil Const, never dropped.
func (e *Evaluator) Eval(expr ast.Expr) []Value {
	if tv, ok := e.pass.TypesInfo.Types[expr]; ok && tv.Value != nil {
		return []Value{{Const: tv.Value, Pos: expr.Pos()}}
	}
	return []Value{{Pos: expr.Pos()}}
}
