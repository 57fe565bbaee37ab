package eval

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// index records, in one walk over the package, everything the evaluator
// follows: assignments to variables and fields, call sites of functions, and
// declarations.
type index struct {
	assigns  map[types.Object][]assign   // variables (locals, package vars, params)
	fields   map[*types.Var][]fieldWrite // struct fields, by field object
	calls    map[*types.Func][]*ast.CallExpr
	escapes  map[types.Object]bool         // &x passed somewhere not followed; function used as a value
	funcs    map[*types.Func]*ast.FuncDecl // same-package declarations
	params   map[*types.Var]paramOf
	consts   map[types.Object]ast.Expr // constant → its value expression
	declared map[types.Object]bool     // variables declared without a value (zero)
	claimed  map[*ast.UnaryExpr]bool   // &x arguments of flag.XxxVar: not an escape
	stores   map[types.Object][]assign // *p = v, by the pointer variable p
	// xcalls are the calls of exported functions of other packages, by
	// funcKey, found on first use (summary.go): a Param symbol in an
	// imported summary stands for their arguments.
	xcalls map[string][]*ast.CallExpr
	loads  map[types.Object][]load // conf.MustLoad(path, &c), by c
	// returns are a function's own return statements (not its closures'),
	// found on first use: results are evaluated per call and per index.
	returns map[*ast.FuncDecl][]*ast.ReturnStmt
}

// assign is one way a variable gets a value.
type assign struct {
	lhs   ast.Expr
	rhs   ast.Expr      // nil: unknown
	call  *ast.CallExpr // a multi-value call: x, y := f(); index is tuple
	tuple int
	op    token.Token   // token.ASSIGN/DEFINE, or ADD_ASSIGN for +=
	flag  *ast.CallExpr // flag.StringVar(&x, ...)
	// guard is the environment-style emptiness test around a fallback
	// assignment (if x == "" { x = "9000" }); nil when unguarded.
	guard ast.Expr
	// over is the slice or array a range statement's value variable
	// takes its elements from.
	over ast.Expr
}

// fieldWrite is one write to a struct field: in a composite literal or by
// assignment to base.Field.
type fieldWrite struct {
	lit   *ast.CompositeLit // set for literals
	base  ast.Expr          // set for assignments: the x of x.F = v
	value ast.Expr
	flag  *ast.CallExpr // flag.StringVar(&x.F, ...): the flag's value
}

type paramOf struct {
	fn       *types.Func
	index    int
	variadic bool
}

func (e *Evaluator) index() *index {
	if e.idx != nil {
		return e.idx
	}
	ix := &index{
		assigns:  map[types.Object][]assign{},
		fields:   map[*types.Var][]fieldWrite{},
		calls:    map[*types.Func][]*ast.CallExpr{},
		escapes:  map[types.Object]bool{},
		funcs:    map[*types.Func]*ast.FuncDecl{},
		params:   map[*types.Var]paramOf{},
		consts:   map[types.Object]ast.Expr{},
		declared: map[types.Object]bool{},
		claimed:  map[*ast.UnaryExpr]bool{},
		stores:   map[types.Object][]assign{},
		loads:    map[types.Object][]load{},
	}
	e.idx = ix
	for _, f := range e.pass.Files {
		if e.skipGenerated && ast.IsGenerated(f) {
			continue
		}
		e.walk(ix, f)
	}
	return ix
}

func (e *Evaluator) walk(ix *index, file *ast.File) {
	info := e.info
	var guards []ast.Expr // conditions of enclosing if statements, innermost last
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				ix.funcs[fn] = n
				e.recordParams(ix, fn)
			}
		case *ast.IfStmt:
			// Walk the parts by hand to know which assignments the condition guards.
			if n.Init != nil {
				ast.Inspect(n.Init, visit)
			}
			ast.Inspect(n.Cond, visit)
			guards = append(guards, n.Cond)
			ast.Inspect(n.Body, visit)
			guards = guards[:len(guards)-1]
			if n.Else != nil {
				ast.Inspect(n.Else, visit)
			}
			return false
		case *ast.FuncLit:
			saved := guards
			guards = nil
			ast.Inspect(n.Body, visit)
			guards = saved
			return false
		case *ast.GenDecl:
			for _, spec := range n.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for i, name := range vs.Names {
					obj := info.Defs[name]
					if obj == nil {
						continue
					}
					if n.Tok == token.CONST {
						if i < len(vs.Values) {
							ix.consts[obj] = vs.Values[i]
						}
						continue
					}
					switch {
					case len(vs.Values) == len(vs.Names):
						ix.assigns[obj] = append(ix.assigns[obj], assign{lhs: name, rhs: vs.Values[i], op: token.DEFINE})
					case len(vs.Values) == 1:
						call, _ := ast.Unparen(vs.Values[0]).(*ast.CallExpr)
						ix.assigns[obj] = append(ix.assigns[obj], assign{lhs: name, call: call, tuple: i, op: token.DEFINE})
					default:
						ix.declared[obj] = true
					}
				}
			}
		case *ast.AssignStmt:
			e.recordAssign(ix, n, guards)
		case *ast.IncDecStmt:
			if obj := e.refObject(n.X); obj != nil {
				ix.assigns[obj] = append(ix.assigns[obj], assign{lhs: n.X})
			}
		case *ast.RangeStmt:
			for i, x := range []ast.Expr{n.Key, n.Value} {
				if obj := e.refObject(x); obj != nil {
					a := assign{lhs: x}
					if i == 1 {
						a.over = n.X // for _, port := range ports
					}
					ix.assigns[obj] = append(ix.assigns[obj], a)
				}
			}
		case *ast.CompositeLit:
			e.recordLiteral(ix, n)
		case *ast.CallExpr:
			switch f := ast.Unparen(n.Fun).(type) {
			case *ast.Ident:
				e.callees[f] = true
			case *ast.SelectorExpr:
				e.callees[f.Sel] = true
			case *ast.IndexExpr: // generic instantiation
				if id, ok := f.X.(*ast.Ident); ok {
					e.callees[id] = true
				}
			}
			e.recordCall(ix, n)
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok && !n.Ellipsis.IsValid() {
				// go func(p string) { ... }(port): each parameter is its argument.
				i := 0
				for _, field := range lit.Type.Params.List {
					for _, name := range field.Names {
						if obj := info.Defs[name]; obj != nil && i < len(n.Args) {
							if _, variadic := field.Type.(*ast.Ellipsis); !variadic {
								ix.assigns[obj] = append(ix.assigns[obj], assign{lhs: name, rhs: n.Args[i], op: token.DEFINE})
							}
						}
						i++
					}
					if len(field.Names) == 0 {
						i++
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && !ix.claimed[n] {
				// &x escapes unless a flag.XxxVar call claimed it.
				if obj := e.refObject(n.X); obj != nil {
					ix.escapes[obj] = true
				}
			}
		case *ast.Ident:
			// A function used as a value (callback, method value) has callers
			// we cannot see.
			if fn, ok := info.Uses[n].(*types.Func); ok && !e.isCallee(n) {
				ix.escapes[fn] = true
			}
		}
		return true
	}
	// Calls are visited before their function's identifier (pre-order), so
	// marking callees there tells the identifier case a call from a value.
	// The map is cleared, not remade, per file: it is garbage once the
	// index is built.
	if e.callees == nil {
		e.callees = map[*ast.Ident]bool{}
	}
	clear(e.callees)
	ast.Inspect(file, visit)
}

func (e *Evaluator) isCallee(id *ast.Ident) bool { return e.callees[id] }

// returnStmts returns decl's own return statements, in source order.
func (e *Evaluator) returnStmts(decl *ast.FuncDecl) []*ast.ReturnStmt {
	ix := e.index()
	if rets, ok := ix.returns[decl]; ok {
		return rets
	}
	var rets []*ast.ReturnStmt
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			rets = append(rets, n)
		}
		return true
	})
	if ix.returns == nil {
		ix.returns = map[*ast.FuncDecl][]*ast.ReturnStmt{}
	}
	ix.returns[decl] = rets
	return rets
}

func (e *Evaluator) recordParams(ix *index, fn *types.Func) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		ix.params[p] = paramOf{fn: fn, index: i, variadic: sig.Variadic() && i == sig.Params().Len()-1}
	}
}

func (e *Evaluator) recordAssign(ix *index, n *ast.AssignStmt, guards []ast.Expr) {
	var guard ast.Expr
	if len(guards) > 0 {
		guard = guards[len(guards)-1]
	}
	if len(n.Lhs) == len(n.Rhs) {
		for i, lhs := range n.Lhs {
			a := assign{lhs: lhs, rhs: n.Rhs[i], op: n.Tok, guard: guard}
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE && n.Tok != token.ADD_ASSIGN {
				a.rhs = nil // -=, *=, ...: not followed
			}
			e.recordTarget(ix, lhs, a)
		}
		return
	}
	call, _ := ast.Unparen(n.Rhs[0]).(*ast.CallExpr)
	for i, lhs := range n.Lhs {
		e.recordTarget(ix, lhs, assign{lhs: lhs, call: call, tuple: i, op: n.Tok, guard: guard})
	}
}

// recordTarget files an assignment under the variable or field it writes.
func (e *Evaluator) recordTarget(ix *index, lhs ast.Expr, a assign) {
	lhs = ast.Unparen(lhs)
	switch l := lhs.(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		obj := e.info.Defs[l]
		if obj == nil {
			obj = e.info.Uses[l]
		}
		if obj != nil {
			ix.assigns[obj] = append(ix.assigns[obj], a)
		}
	case *ast.SelectorExpr:
		if sel, ok := e.info.Selections[l]; ok && sel.Kind() == types.FieldVal {
			if f, ok := sel.Obj().(*types.Var); ok {
				v := a.rhs
				if a.call != nil || a.op == token.ADD_ASSIGN {
					v = nil // field writes from tuples or += are not followed
				}
				ix.fields[f] = append(ix.fields[f], fieldWrite{base: l.X, value: v})
			}
		} else if obj, ok := e.info.Uses[l.Sel].(*types.Var); ok {
			ix.assigns[obj] = append(ix.assigns[obj], a) // pkg.Var = v
		}
	case *ast.StarExpr:
		// *p = v: the pointee of p changes (*httpAddr = ":"+port after flag.Parse).
		if obj := e.refObject(l.X); obj != nil {
			ix.stores[obj] = append(ix.stores[obj], a)
		}
	}
}

func (e *Evaluator) recordLiteral(ix *index, lit *ast.CompositeLit) {
	t := e.info.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := e.info.Uses[key].(*types.Var); ok {
					ix.fields[f] = append(ix.fields[f], fieldWrite{lit: lit, value: kv.Value})
				}
			}
		} else if i < st.NumFields() {
			ix.fields[st.Field(i)] = append(ix.fields[st.Field(i)], fieldWrite{lit: lit, value: elt})
		}
	}
}

func (e *Evaluator) recordCall(ix *index, call *ast.CallExpr) {
	fn := e.callee(call)
	if fn == nil {
		return
	}
	if fn.Pkg() == e.pass.Pkg {
		ix.calls[fn] = append(ix.calls[fn], call)
	}
	if len(call.Args) < 2 || !loaderNames[fn.Name()] && !strings.HasSuffix(fn.Name(), "Var") {
		return // FullName allocates: most calls are neither loaders nor flags
	}
	e.recordLoad(ix, call, fn)
	if _, ok := flagVarFuncs[fn.FullName()]; ok && len(call.Args) >= 3 {
		if u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
			if sel, ok := ast.Unparen(u.X).(*ast.SelectorExpr); ok && e.info.Selections[sel] != nil {
				// flag.StringVar(&cfg.Addr, ...): a write to the field.
				if f, ok := e.info.Selections[sel].Obj().(*types.Var); ok {
					ix.claimed[u] = true
					ix.fields[f] = append(ix.fields[f], fieldWrite{base: sel.X, flag: call})
				}
			} else if obj := e.refObject(u.X); obj != nil {
				ix.claimed[u] = true
				ix.assigns[obj] = append(ix.assigns[obj], assign{lhs: u.X, flag: call})
			}
		}
	}
}

// callee returns the function or method a call statically calls, or nil.
func (e *Evaluator) callee(call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			id = x
		}
	}
	if id == nil {
		return nil
	}
	fn, _ := e.info.Uses[id].(*types.Func)
	return fn
}

// Callee is callee for the rules: the statically called function, or nil.
func (e *Evaluator) Callee(call *ast.CallExpr) *types.Func { return e.callee(call) }

// refObject returns the variable an expression names (x, pkg.X), or nil.
func (e *Evaluator) refObject(x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		if obj := e.info.Uses[x]; obj != nil {
			return obj
		}
		return e.info.Defs[x]
	case *ast.SelectorExpr:
		if sel, ok := e.info.Selections[x]; ok {
			return sel.Obj()
		}
		return e.info.Uses[x.Sel]
	}
	return nil
}
