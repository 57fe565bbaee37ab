package eval

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
)

// ident evaluates a name: a constant, a variable (all its assignments) or a
// parameter (the arguments at every call site).
func (e *Evaluator) ident(x *ast.Ident) []Value {
	obj := e.info.Uses[x]
	if obj == nil {
		obj = e.info.Defs[x]
	}
	return e.object(obj, x)
}

func (e *Evaluator) object(obj types.Object, at ast.Expr) []Value {
	switch obj := obj.(type) {
	case *types.Const:
		if decl, ok := e.index().consts[obj]; ok && decl.Pos() != at.Pos() {
			vs := e.Eval(decl)
			// The declaration may be typed or iota-based; trust go/types' value.
			out := make([]Value, len(vs))
			for i, v := range vs {
				v.Const = obj.Val()
				out[i] = v
			}
			return withOrigin(out, "the constant "+obj.Name()+" ("+e.Position(decl.Pos())+")")
		}
		return []Value{constValue(obj.Val(), at.Pos(), nil, "")}
	case *types.Var:
		return e.variable(obj, at)
	case *types.Nil:
		return []Value{{Pos: at.Pos(), Kind: KindZero}}
	}
	return []Value{unknown(at.Pos())}
}

func (e *Evaluator) variable(obj *types.Var, at ast.Expr) []Value {
	if !e.spend() {
		return []Value{unknown(at.Pos())}
	}
	if obj.Pkg() != e.pass.Pkg {
		if v, ok := knownVars[obj.Pkg().Path()+"."+obj.Name()]; ok && obj.Parent() == obj.Pkg().Scope() {
			return []Value{TextValue(v, KindLiteral, at.Pos(), "")}
		}
		if s := e.summary(obj); s != nil && len(s.Value.Values) > 0 {
			// A package variable of the module: what its package assigns,
			// plus what this package assigns.
			vs := e.imported(s.Value.Values, e.bindAll)
			for _, a := range e.index().assigns[obj] {
				vs = append(vs, e.assigned(a)...)
			}
			return vs
		}
		return []Value{unknown(at.Pos())}
	}
	ix := e.index()
	assigns, killer := e.reaching(obj, at, ix.assigns[obj])
	overwritten := killer.IsValid()
	// The cycle key is the variable at its reaching assignments: d = d + "z"
	// reads the d of the assignment before, which is no cycle.
	key := reachKey{obj, killer}
	if !e.enter(key) {
		return []Value{unknown(at.Pos())}
	}
	defer e.leave(key)

	var primary, fallback, override []Value
	var fallbackGuarded bool
	for _, a := range assigns {
		vs := e.assigned(a)
		switch {
		case a.guard != nil && (e.emptinessTest(a.guard, obj) || e.failureTest(a.guard, obj)):
			// if x == "" { x = fallback }
			fallback = append(fallback, vs...)
			fallbackGuarded = true
		case a.guard != nil && a.rhs != nil && e.presenceTest(a.guard, e.refObject(a.rhs)):
			// x := default; if v := os.Getenv(k); v != "" { x = v }
			override = append(override, vs...)
		default:
			primary = append(primary, vs...)
		}
	}
	if len(override) > 0 {
		// The unguarded assignments are defaults used when the override is absent.
		if nonEmpty(override) {
			primary = override
		} else {
			primary = append(override, markFallback(primary, fallbackName(override, obj))...)
		}
	}
	if overwritten {
		// The parameter's value was replaced before this use.
	} else if fr, arg, ok := e.bound(obj); ok {
		if arg == nil {
			primary = append(primary, unknown(at.Pos()))
		} else {
			primary = append(primary, in(e, fr.parent, func() []Value { return e.Eval(arg) })...)
		}
	} else if po, ok := ix.params[obj]; ok {
		primary = append(primary, e.params(po, at)...)
	}
	if len(primary) == 0 && !fallbackGuarded {
		if ix.declared[obj] {
			primary = append(primary, zero(obj.Type(), at.Pos()))
		} else {
			primary = append(primary, unknown(at.Pos()))
		}
	}
	if ix.escapes[obj] {
		primary = append(primary, unknown(at.Pos()))
	}
	if fallbackGuarded && !nonEmpty(primary) {
		name := fallbackName(primary, obj)
		if surelyEmpty(primary) {
			primary = nil // the variable is surely unset: the fallback is the value
		}
		primary = append(primary, markFallback(fallback, name)...)
	}
	return primary
}

// surelyEmpty reports whether every value is a known "" or 0: a fallback
// guarded by an emptiness test then surely applies.
func surelyEmpty(vs []Value) bool {
	for _, v := range vs {
		if v.Const == nil {
			return false
		}
		switch v.Const.Kind() {
		case constant.String:
			if constant.StringVal(v.Const) != "" {
				return false
			}
		case constant.Int:
			if constant.Sign(v.Const) != 0 {
				return false
			}
		default:
			return false
		}
	}
	return len(vs) > 0
}

// reaching drops the assignments of a local variable that cannot reach the
// use at: in straight-line code the last assignment wins. An assignment
// statement K that lies directly in a block enclosing at, and ends before
// at, is on every path to at; every assignment written before K (and the
// parameter's incoming value) is dead at at. Assignments after at are kept
// (a loop may bring them back), and so are assignments in closures, which
// may run at any time. killer is K's position; NoPos when there is none.
func (e *Evaluator) reaching(obj *types.Var, at ast.Expr, assigns []assign) (_ []assign, killer token.Pos) {
	if len(assigns) == 0 || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() || !at.Pos().IsValid() {
		return assigns, token.NoPos
	}
	file := e.fileOf(at.Pos())
	if file == nil {
		return assigns, token.NoPos
	}
	atPath := NodePath(file, at.Pos(), at.End())
	enclosing := map[ast.Node]bool{}
	var loops []ast.Node // loops around the use, inside its function
	for _, n := range atPath {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			enclosing[n] = true
		case *ast.ForStmt, *ast.RangeStmt:
			loops = append(loops, n)
		}
		if _, ok := n.(*ast.FuncLit); ok {
			break // blocks outside the function of the use do not order its statements
		}
	}
	// reaches: an assignment after the use reaches it only around a loop.
	reaches := func(a assign) bool {
		var rhs ast.Node = a.rhs
		if a.call != nil {
			rhs = a.call
		}
		inOwnRHS := rhs != nil && rhs.Pos() <= at.Pos() && at.End() <= rhs.End()
		if a.lhs.Pos() < at.Pos() && !inOwnRHS {
			return true
		}
		for _, l := range loops {
			if l.Pos() <= a.lhs.Pos() && a.lhs.End() <= l.End() {
				return true
			}
		}
		return false
	}
	for _, a := range assigns {
		if a.flag != nil || a.op == token.ADD_ASSIGN || a.lhs.End() > at.Pos() {
			continue
		}
		path := NodePath(file, a.lhs.Pos(), a.lhs.End())
		stmt, parent := statementOf(path)
		if stmt == nil || stmt.End() > at.Pos() || !enclosing[parent] {
			continue
		}
		if stmt.Pos() > killer {
			killer = stmt.Pos()
		}
	}
	if !killer.IsValid() {
		return assigns, killer
	}
	var out []assign
	for _, a := range assigns {
		if a.lhs.Pos() >= killer && reaches(a) || e.inClosure(file, a.lhs) {
			out = append(out, a)
		}
	}
	return out, killer
}

// reachKey is a variable with the assignment that last overwrote it before
// a use (NoPos: all its assignments reach).
type reachKey struct {
	obj    types.Object
	killer token.Pos
}

// statementOf returns the assignment or declaration statement a path (from
// NodePath) starts in, and the node holding it.
func statementOf(path []ast.Node) (stmt, parent ast.Node) {
	for i, n := range path {
		switch n.(type) {
		case *ast.AssignStmt, *ast.DeclStmt:
			if i+1 < len(path) {
				return n, path[i+1]
			}
			return nil, nil
		case *ast.FuncLit, *ast.FuncDecl, ast.Stmt:
			return nil, nil
		}
	}
	return nil, nil
}

// inClosure reports whether x lies in a function literal.
func (e *Evaluator) inClosure(file *ast.File, x ast.Node) bool {
	path := NodePath(file, x.Pos(), x.End())
	for _, n := range path {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

func (e *Evaluator) fileOf(pos token.Pos) *ast.File {
	for _, f := range e.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// fallbackName says when a fallback applies: when the environment variable
// the primary value was read from is unset, else when the variable is empty.
func fallbackName(primary []Value, obj types.Object) string {
	for _, v := range primary {
		if v.Env != "" {
			return v.Env + " is unset"
		}
	}
	if b, ok := obj.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsNumeric != 0 {
		return obj.Name() + " is 0"
	}
	return obj.Name() + " is empty"
}

// assigned evaluates one assignment.
func (e *Evaluator) assigned(a assign) []Value {
	switch {
	case a.flag != nil:
		return e.flagValue(a.flag)
	case a.call != nil:
		return e.tuple(a.call, a.tuple)
	case a.over != nil:
		return e.elements(a.over, a.lhs.Pos())
	case a.rhs == nil:
		return []Value{unknown(a.lhs.Pos())}
	case a.op == token.ADD_ASSIGN:
		// x += y: the earlier x is unknown here (it may be x itself in a loop).
		if isString(e.info.TypeOf(a.lhs)) {
			return e.concat([]Value{unknown(a.lhs.Pos())}, e.Eval(a.rhs))
		}
		return []Value{unknown(a.lhs.Pos())}
	}
	return e.Eval(a.rhs)
}

// emptinessTest reports whether cond tests obj for "unset": obj == "",
// len(obj) == 0, obj == 0, or !ok where ok comes with obj from os.LookupEnv.
func (e *Evaluator) emptinessTest(cond ast.Expr, obj types.Object) bool {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LOR, token.LAND:
			return e.emptinessTest(c.X, obj) || e.emptinessTest(c.Y, obj)
		case token.EQL:
			for _, pair := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if e.refObject(pair[0]) == obj && e.isZeroConst(pair[1]) {
					return true
				}
				if call, ok := ast.Unparen(pair[0]).(*ast.CallExpr); ok && len(call.Args) == 1 {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" && e.refObject(call.Args[0]) == obj && e.isZeroConst(pair[1]) {
						return true
					}
				}
			}
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			ok := e.refObject(c.X)
			return e.sameTuple(ok, obj)
		}
	}
	return false
}

// failureTest reports whether cond is err != nil for the err that comes with
// obj from one call (n, err := strconv.Atoi(s)): n is then 0.
func (e *Evaluator) failureTest(cond ast.Expr, obj types.Object) bool {
	c, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || c.Op != token.NEQ {
		return false
	}
	for _, pair := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
		if _, isNil := e.info.Uses[identOf(pair[1])].(*types.Nil); isNil && e.sameTuple(e.refObject(pair[0]), obj) {
			return true
		}
	}
	return false
}

// sameTuple reports whether a and b are assigned together from one call.
func (e *Evaluator) sameTuple(a, b types.Object) bool {
	if a == nil || b == nil {
		return false
	}
	for _, x := range e.index().assigns[a] {
		if x.call == nil {
			continue
		}
		for _, y := range e.index().assigns[b] {
			if y.call == x.call {
				return true
			}
		}
	}
	return false
}

// presenceTest reports whether cond tests v for "set": v != "", len(v) > 0,
// v != 0, or ok where ok comes with v from os.LookupEnv.
func (e *Evaluator) presenceTest(cond ast.Expr, v types.Object) bool {
	if v == nil {
		return false
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			return e.presenceTest(c.X, v) || e.presenceTest(c.Y, v)
		case token.NEQ, token.GTR:
			for _, pair := range [][2]ast.Expr{{c.X, c.Y}, {c.Y, c.X}} {
				if e.refObject(pair[0]) == v && e.isZeroConst(pair[1]) {
					return true
				}
				if call, ok := ast.Unparen(pair[0]).(*ast.CallExpr); ok && len(call.Args) == 1 {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "len" && e.refObject(call.Args[0]) == v && e.isZeroConst(pair[1]) {
						return true
					}
				}
			}
		}
	case *ast.Ident:
		ok := e.refObject(c)
		if ok == nil {
			return false
		}
		for _, a := range e.index().assigns[ok] {
			if a.call == nil {
				continue
			}
			for _, b := range e.index().assigns[v] {
				if b.call == a.call {
					return true
				}
			}
		}
	}
	return false
}

func (e *Evaluator) isZeroConst(x ast.Expr) bool {
	tv, ok := e.info.Types[x]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// bound returns, for a parameter of a function being evaluated in a frame,
// that frame and the call's argument for it (nil when it cannot be told: a
// variadic parameter, a call with ...).
func (e *Evaluator) bound(v *types.Var) (*frame, ast.Expr, bool) {
	po, ok := e.index().params[v]
	if !ok {
		return nil, nil, false
	}
	for fr := e.ctx; fr != nil; fr = fr.parent {
		if fr.fn != po.fn {
			continue
		}
		if po.variadic || fr.call.Ellipsis.IsValid() || po.index >= len(fr.call.Args) {
			return fr, nil, true
		}
		return fr, fr.call.Args[po.index], true
	}
	return nil, nil, false
}

// params evaluates a parameter as the union of its arguments at every call
// site in the package, plus unknown when callers may be out of sight.
func (e *Evaluator) params(po paramOf, at ast.Expr) []Value {
	ix := e.index()
	var out []Value
	calls := ix.calls[po.fn]
	hidden := ix.escapes[po.fn] || len(calls) == 0 || (po.fn.Exported() && e.pass.Pkg.Name() != "main")
	switch {
	case hidden && e.symbolic(po):
		// Another package's call gives it: a symbol it substitutes.
		out = append(out, paramValue(po.fn, po.index, "", at.Pos()))
	case hidden:
		out = append(out, unknown(at.Pos()))
	}
	for _, call := range calls {
		if po.variadic || call.Ellipsis.IsValid() || po.index >= len(call.Args) {
			out = append(out, unknown(call.Pos()))
			continue
		}
		out = append(out, e.Eval(call.Args[po.index])...)
	}
	return out
}

// zero is the zero value of t, for variables and fields never set.
func zero(t types.Type, pos token.Pos) Value {
	if b, ok := t.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsString != 0:
			return TextValue("", KindZero, pos, "")
		case b.Info()&types.IsInteger != 0:
			return Value{Const: constant.MakeInt64(0), Pos: pos, Kind: KindZero}
		case b.Info()&types.IsBoolean != 0:
			return Value{Const: constant.MakeBool(false), Pos: pos, Kind: KindZero}
		}
	}
	return Value{Pos: pos, Kind: KindZero}
}

// knownVars are package variables of the standard library with fixed values.
var knownVars = map[string]string{
	"net.IPv4zero":              "0.0.0.0",
	"net.IPv4bcast":             "255.255.255.255",
	"net.IPv6zero":              "::",
	"net.IPv6unspecified":       "::",
	"net.IPv6loopback":          "::1",
	"net.IPv6linklocalallnodes": "ff02::1",
}

// selector evaluates pkg.Name and x.Field.
func (e *Evaluator) selector(x *ast.SelectorExpr) []Value {
	if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
		if obj, ok := e.info.Uses[x.Sel].(*types.Const); ok && obj.Pkg() == e.pass.Pkg {
			return e.object(obj, x)
		}
		return []Value{constValue(tv.Value, x.Pos(), nil, "")}
	}
	sel, ok := e.info.Selections[x]
	if !ok {
		return e.object(e.info.Uses[x.Sel], x) // pkg.Var, pkg.Const
	}
	if sel.Kind() != types.FieldVal {
		return []Value{unknown(x.Pos())}
	}
	f := sel.Obj().(*types.Var)
	if vs, ok := e.loadedField(x.X, f.Name()); ok {
		return vs
	}
	if vs, ok := e.returnedField(x.X, f.Name()); ok {
		return vs
	}
	vs := e.fieldAll(f, x)
	if base := e.refObject(x.X); base != nil && e.index().escapes[base] {
		// &cfg went to code we do not follow (json.Unmarshal, envconfig): the
		// field may hold anything besides the writes we see.
		vs = append(vs, unknown(x.Pos()))
	}
	return vs
}

// fieldAll evaluates a field read as the union of every write to the field
// anywhere in the package (instance-insensitive).
func (e *Evaluator) fieldAll(f *types.Var, at ast.Expr) []Value {
	if !e.enter(f) {
		return []Value{unknown(at.Pos())}
	}
	defer e.leave(f)
	writes := e.index().fields[f]
	var out []Value
	if f.Pkg() != e.pass.Pkg {
		// A field of another package of the module: the writes there too.
		if s := e.summary(f); s != nil && len(s.Value.Values) > 0 {
			out = e.imported(s.Value.Values, e.bindAll)
		} else if len(writes) > 0 {
			out = append(out, unknown(at.Pos())) // writes we cannot see
		}
	}
	if len(writes) == 0 && len(out) == 0 {
		return []Value{unknown(at.Pos())}
	}
	for _, w := range writes {
		out = append(out, e.written(w, at.Pos())...)
	}
	return out
}

// written evaluates one write to a field: its value, the flag's value for
// flag.XxxVar(&x.F, ...), else unknown (a tuple, +=).
func (e *Evaluator) written(w fieldWrite, pos token.Pos) []Value {
	switch {
	case w.flag != nil:
		return e.flagValue(w.flag)
	case w.value == nil:
		return []Value{unknown(pos)}
	}
	return e.Eval(w.value)
}

// deref evaluates *p: the pointee of every value p can hold (flag.String
// results, &x).
func (e *Evaluator) deref(p ast.Expr) []Value {
	p = ast.Unparen(p)
	key := e.key(p)
	if obj := e.refObject(p); obj != nil {
		key = e.key(obj)
	}
	if out, ok := e.derefs[key]; ok {
		return out
	}
	if !e.spend() {
		return []Value{unknown(p.Pos())}
	}
	cuts := e.cuts
	out := dedupe(e.derefOf(p))
	if e.cuts == cuts || e.Exhausted() {
		e.derefs[key] = out
	}
	return out
}

func (e *Evaluator) derefOf(p ast.Expr) []Value {
	switch p := p.(type) {
	case *ast.CallExpr:
		if fn := e.callee(p); fn != nil {
			if _, ok := flagPtrFuncs[fn.FullName()]; ok {
				return e.flagValue(p)
			}
		}
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return e.Eval(p.X)
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := e.refObject(p)
		if obj == nil || !e.enter(obj) {
			break
		}
		defer e.leave(obj)
		var rhs []ast.Expr
		if f, ok := obj.(*types.Var); ok && f.IsField() {
			for _, w := range e.index().fields[f] {
				rhs = append(rhs, w.value)
			}
		} else {
			for _, a := range e.index().assigns[obj] {
				if a.call != nil || a.flag != nil || a.op == token.ADD_ASSIGN {
					rhs = append(rhs, nil)
					continue
				}
				rhs = append(rhs, a.rhs)
			}
		}
		if len(rhs) == 0 {
			break
		}
		var out []Value
		for _, r := range rhs {
			if r == nil {
				out = append(out, unknown(p.Pos()))
				continue
			}
			out = append(out, e.deref(r)...)
		}
		for _, a := range e.index().stores[obj] {
			out = append(out, e.assigned(a)...)
		}
		return out
	}
	return []Value{unknown(p.Pos())}
}

// returnedField evaluates field name of x when everything x can hold was
// returned by calls of other module packages' functions whose summaries
// give the field (t := config.Load(); t.Read): that instance's field, not
// every write to it; ok is false otherwise.
func (e *Evaluator) returnedField(x ast.Expr, name string) ([]Value, bool) {
	if e.facts == nil {
		return nil, false
	}
	if obj := e.refObject(x); obj != nil {
		if v, ok := obj.(*types.Var); ok && (v.IsField() || e.index().escapes[v] || len(e.index().stores[v]) > 0) {
			return nil, false
		}
	}
	var out []Value
	for _, src := range e.Sources(x) {
		call, ok := src.(*ast.CallExpr)
		if !ok {
			return nil, false
		}
		fn, fvs, ok := e.resultField(call, name)
		if !ok {
			return nil, false
		}
		out = append(out, e.imported(fvs, e.bindCall(call, fn))...)
	}
	return out, len(out) > 0
}

// elements evaluates the elements a range statement goes over: a slice or
// array literal, or a variable only ever set to one (ports := []string{...});
// unknown otherwise (appends, function results, maps).
func (e *Evaluator) elements(x ast.Expr, pos token.Pos) []Value {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		obj := e.refObject(id)
		v, isVar := obj.(*types.Var)
		if !isVar || e.index().escapes[v] || !e.enter(v) {
			return []Value{unknown(pos)}
		}
		defer e.leave(v)
		var out []Value
		assigns := e.index().assigns[v]
		for _, a := range assigns {
			if a.rhs == nil || a.call != nil || a.op != token.DEFINE && a.op != token.ASSIGN {
				return []Value{unknown(pos)}
			}
			out = append(out, e.elements(a.rhs, pos)...)
		}
		if len(out) == 0 {
			return []Value{unknown(pos)}
		}
		return out
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return []Value{unknown(pos)}
	}
	switch e.info.TypeOf(lit).Underlying().(type) {
	case *types.Slice, *types.Array:
	default:
		return []Value{unknown(pos)} // a map's range value, a struct
	}
	var out []Value
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		out = append(out, e.Eval(elt)...)
	}
	if len(out) == 0 {
		return []Value{unknown(pos)}
	}
	return out
}

// NodePath returns the nodes of file that enclose [start, end], innermost
// first, ending with file: astutil.PathEnclosingInterval's answer for an
// interval that is a node's own. It descends only into the nodes that hold
// the interval and allocates only the path, where PathEnclosingInterval
// sorts every child list on the way down: asked once per assignment of a
// variable, that made reaching quadratic in a large file.
func NodePath(file *ast.File, start, end token.Pos) []ast.Node {
	var path []ast.Node
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n.Pos() > start || n.End() < end {
			return false
		}
		path = append(path, n)
		return true
	})
	slices.Reverse(path)
	return path
}
