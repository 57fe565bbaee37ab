package eval

import (
	"go/ast"
	"go/types"
)

// Arg is one argument of a call, with a slice passed as s... spread into
// its elements.
type Arg struct {
	Expr ast.Expr
	// Maybe: the element is appended in a branch or a loop, so the call may
	// run without it.
	Maybe bool
}

// Args returns call's arguments with a trailing opts... spread into the
// elements of opts (Elements). ok is false when the slice's elements cannot
// be told.
func (e *Evaluator) Args(call *ast.CallExpr) (args []Arg, ok bool) {
	n := len(call.Args)
	if !call.Ellipsis.IsValid() {
		for _, a := range call.Args {
			args = append(args, Arg{Expr: a})
		}
		return args, true
	}
	for _, a := range call.Args[:n-1] {
		args = append(args, Arg{Expr: a})
	}
	elems, ok := e.Elements(call.Args[n-1])
	if !ok {
		return nil, false
	}
	return append(args, elems...), true
}

// Elements returns what a local slice variable holds where x reads it: the
// elements of its composite-literal initializer and the arguments of every
// x = append(x, ...) in its function (options := []grpc.ServerOption{...};
// if debug { options = append(options, ...) }). An element appended outside
// the block that declares the slice (in a branch or a loop) is Maybe. ok is
// false for a slice built any other way: a parameter, a result, a package
// variable, a slice whose address is taken or that is appended with ....
func (e *Evaluator) Elements(x ast.Expr) (elems []Arg, ok bool) {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := e.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, false
	}
	ix := e.index()
	if _, isParam := ix.params[v]; isParam || ix.escapes[v] || len(ix.stores[v]) > 0 {
		return nil, false
	}
	file := e.fileOf(v.Pos())
	if file == nil {
		return nil, false
	}
	home := blockOf(NodePath(file, v.Pos(), v.Pos()+1))
	for _, a := range ix.assigns[v] {
		if a.call != nil || a.flag != nil || a.rhs == nil {
			return nil, false
		}
		maybe := blockOf(NodePath(file, a.lhs.Pos(), a.lhs.End())) != home
		switch rhs := ast.Unparen(a.rhs).(type) {
		case *ast.CompositeLit:
			for _, el := range rhs.Elts {
				if _, keyed := el.(*ast.KeyValueExpr); keyed {
					return nil, false
				}
				elems = append(elems, Arg{Expr: el, Maybe: maybe})
			}
		case *ast.CallExpr:
			if !e.isAppendTo(rhs, v) {
				return nil, false
			}
			for _, el := range rhs.Args[1:] {
				elems = append(elems, Arg{Expr: el, Maybe: maybe})
			}
		default:
			return nil, false
		}
	}
	return elems, true
}

// isAppendTo reports whether call is append(v, a, b...) without a spread.
func (e *Evaluator) isAppendTo(call *ast.CallExpr, v *types.Var) bool {
	fn, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return false
	}
	if b, ok := e.info.Uses[fn].(*types.Builtin); !ok || b.Name() != "append" {
		return false
	}
	first, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && e.info.Uses[first] == v
}

// blockOf is the innermost block of a path (from NodePath).
func blockOf(path []ast.Node) ast.Node {
	for _, n := range path {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return n
		}
	}
	return nil
}
