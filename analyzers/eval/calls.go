package eval

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"strings"

	"github.com/fclint/fclint/internal/fcfacts"
)

// IsPortEnv reports whether name is one of FC's port environment variables:
// reading one yields the CAPort.
func IsPortEnv(name string) bool { return fcfacts.IsPortEnv(name) }

// call evaluates calls the evaluator understands: conversions, environment
// reads, string building, strconv, and functions of the same package.
func (e *Evaluator) call(call *ast.CallExpr) []Value {
	if tv, ok := e.info.Types[call]; ok && tv.Value != nil {
		return []Value{constValue(tv.Value, call.Pos(), nil, "")}
	}
	if tv, ok := e.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		// Conversions keep the value: time.Duration(n), string(s), int64(p).
		if isString(tv.Type) && !isString(e.info.TypeOf(call.Args[0])) {
			return []Value{unknown(call.Pos())} // string(rune), string(bytes)
		}
		return e.Eval(call.Args[0])
	}
	fn := e.callee(call)
	if fn == nil {
		return []Value{unknown(call.Pos())}
	}
	args := call.Args
	switch fn.FullName() {
	case "os.Getenv":
		if len(args) == 1 {
			return e.env(args[0], call.Pos())
		}
	case "cmp.Or":
		return e.cmpOr(call)
	case "fmt.Sprintf":
		return e.sprintf(call)
	case "fmt.Sprint":
		if len(args) == 1 && !call.Ellipsis.IsValid() {
			return mapValues(e.Eval(args[0]), toText)
		}
	case "net.JoinHostPort":
		if len(args) == 2 {
			return e.joinHostPort(args[0], args[1])
		}
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint":
		if len(args) >= 1 && (len(args) == 1 || e.isConst(args[1], 10)) {
			return mapValues(e.Eval(args[0]), toText)
		}
	case "net.ParseIP":
		if len(args) == 1 {
			return e.Eval(args[0])
		}
	case "net.IPv4":
		if ip, ok := e.ipv4(args); ok {
			return []Value{TextValue(ip, KindLiteral, call.Pos(), "")}
		}
	case "strings.TrimSpace":
		if len(args) == 1 {
			return e.Eval(args[0])
		}
	}
	if fn.Pkg() == e.pass.Pkg {
		return e.returnsAt(call, fn, 0)
	}
	return e.importedResult(call, fn, 0)
}

// importedResult is result i of a call of another module package's
// function, from its summary; unknown without one.
func (e *Evaluator) importedResult(call *ast.CallExpr, fn *types.Func, i int) []Value {
	if s := e.summary(fn); s != nil && i < len(s.Results) && len(s.Results[i].Values) > 0 {
		return e.imported(s.Results[i].Values, e.bindCall(call, fn))
	}
	return []Value{unknown(call.Pos())}
}

func (e *Evaluator) isConst(x ast.Expr, n int64) bool {
	tv, ok := e.info.Types[x]
	if !ok || tv.Value == nil {
		return false
	}
	v, exact := constant.Int64Val(tv.Value)
	return exact && v == n
}

func mapValues(vs []Value, f func(Value) Value) []Value {
	out := make([]Value, len(vs))
	for i, v := range vs {
		out[i] = f(v)
	}
	return out
}

// tuple evaluates element i of a multi-value call: x, ok := os.LookupEnv(k),
// n, err := strconv.Atoi(s), or a same-package function with several results.
func (e *Evaluator) tuple(call *ast.CallExpr, i int) []Value {
	if call == nil {
		return []Value{unknown(token.NoPos)}
	}
	fn := e.callee(call)
	if fn == nil {
		return []Value{unknown(call.Pos())}
	}
	switch fn.FullName() {
	case "os.LookupEnv":
		if i == 0 && len(call.Args) == 1 {
			return e.env(call.Args[0], call.Pos())
		}
	case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint":
		if i == 0 && len(call.Args) >= 1 {
			return mapValues(e.Eval(call.Args[0]), toInt)
		}
	case "time.ParseDuration":
		if i == 0 && len(call.Args) == 1 {
			return mapValues(e.Eval(call.Args[0]), parseDuration)
		}
	}
	if fn.Pkg() == e.pass.Pkg {
		return e.returnsAt(call, fn, i)
	}
	return e.importedResult(call, fn, i)
}

// returnsAt evaluates result i of call, a call of the same-package function
// fn, in the call's own frame: the function's parameters are this call's
// arguments (getenv("FC_CUSTOM_LISTEN_PORT", "9000") reads that variable,
// not every key any caller passes).
func (e *Evaluator) returnsAt(call *ast.CallExpr, fn *types.Func, i int) []Value {
	fr := e.enterCall(call, fn)
	if fr == nil {
		return e.returns(fn, i, call.Pos())
	}
	return in(e, fr, func() []Value { return e.returns(fn, i, call.Pos()) })
}

// returns evaluates result i of a same-package function from its return
// statements. Named results assigned in the body are not followed.
func (e *Evaluator) returns(fn *types.Func, i int, pos token.Pos) []Value {
	key := e.key(funcResult{fn, i})
	if out, ok := e.results[key]; ok {
		return out
	}
	decl := e.index().funcs[fn]
	if decl == nil || decl.Body == nil || !e.spend() || !e.enter(fn) {
		return []Value{unknown(pos)}
	}
	cuts := e.cuts
	out := e.returnValues(decl, i)
	e.leave(fn)
	if len(out) == 0 {
		return []Value{unknown(pos)}
	}
	if e.cuts == cuts || e.Exhausted() {
		e.results[key] = out
	}
	return out
}

func (e *Evaluator) returnValues(decl *ast.FuncDecl, i int) []Value {
	var out []Value
	fallbacks := e.fallbackReturns(decl.Body)
	for _, n := range e.returnStmts(decl) {
		if cond, ok := fallbacks[n]; ok && i < len(n.Results) {
			out = append(out, markFallback(e.Eval(n.Results[i]), cond)...)
			continue
		}
		switch {
		case len(n.Results) == 0:
			out = append(out, unknown(n.Pos()))
		case len(n.Results) == 1 && i > 0:
			if c, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
				out = append(out, e.tuple(c, i)...)
			} else {
				out = append(out, unknown(n.Pos()))
			}
		case i < len(n.Results):
			out = append(out, e.Eval(n.Results[i])...)
		}
	}
	return dedupe(out)
}

// fallbackReturns finds the helper shape
//
//	if v := os.Getenv(key); v != "" { return v }
//	return def
//
// (also with os.LookupEnv's ok): the returns after such an if, in the
// function's own block, are fallbacks used when the variable is unset.
func (e *Evaluator) fallbackReturns(body *ast.BlockStmt) map[*ast.ReturnStmt]string {
	out := map[*ast.ReturnStmt]string{}
	cond := ""
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.IfStmt:
			if cond != "" || st.Else != nil || len(st.Body.List) != 1 {
				continue
			}
			ret, ok := st.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			v := e.refObject(ret.Results[0])
			if v == nil || !e.presenceTest(st.Cond, v) {
				continue
			}
			for _, val := range e.Eval(ret.Results[0]) {
				if val.Env != "" {
					cond = val.Env + " is unset"
				}
			}
		case *ast.ReturnStmt:
			if cond != "" {
				out[st] = cond
			}
		}
	}
	return out
}

// env evaluates os.Getenv(name): the CAPort for FC's port variables, the
// configured value for environmentVariables, else unknown.
func (e *Evaluator) env(nameExpr ast.Expr, pos token.Pos) []Value {
	if name, ok := e.stringConst(nameExpr); ok {
		return []Value{e.LookupEnvValue(name, pos)}
	}
	// A name passed in (a getenv(key, def) helper): each known name.
	var out []Value
	for _, n := range e.Eval(nameExpr) {
		if len(n.Parts) == 1 && n.Parts[0].Sym == Param && n.Parts[0].Field == "" {
			// The parameter of an exported helper that another package
			// calls: that package reads the variable its argument names.
			p := n.Parts[0]
			p.Field, p.Pos = envOfParam, pos
			out = append(out, Value{Parts: []Part{p}, Pos: pos})
			continue
		}
		if n.Const == nil || n.Const.Kind() != constant.String {
			out = append(out, unknown(pos))
			continue
		}
		out = append(out, e.LookupEnvValue(constant.StringVal(n.Const), pos))
	}
	return out
}

func (e *Evaluator) inConfig() string {
	if e.cfg == "" {
		return ""
	}
	return " (" + e.cfg + ")"
}

// LookupEnvValue evaluates an environment variable by name the way os.Getenv
// would be; listen tables use it for framework defaults such as gin's $PORT.
func (e *Evaluator) LookupEnvValue(name string, pos token.Pos) Value {
	if fcfacts.IsPortEnv(name) {
		return Value{Parts: []Part{{Sym: CAPort, Kind: KindFCEnv, Pos: pos, Origin: name}}, Pos: pos, Kind: KindFCEnv, Env: name, Origin: name}
	}
	if e.fn != nil && !e.fn.EnvUnknown[name] {
		if val, ok := e.fn.Env[name]; ok {
			v := TextValue(val, KindConfigEnv, pos, name+"="+val+" in environmentVariables"+e.inConfig())
			v.Env = name
			return v
		}
	}
	if e.found && e.fn != nil && !e.fn.EnvUnknown[name] && !e.fn.EnvUnresolved && !fcfacts.SetByPlatform(name) &&
		!e.fn.IsContainer() {
		// Neither the configuration nor FC sets it (nor an image: a custom
		// container's Dockerfile may): it is empty.
		v := TextValue("", KindUnsetEnv, pos, name+" unset (not in environmentVariables"+e.inConfig()+")")
		v.Env = name
		return v
	}
	v := unknown(pos)
	v.Env = name
	return v
}

// cmpOr evaluates cmp.Or(a, b, ...): the first non-zero argument. Later
// arguments are fallbacks unless an earlier one is surely set.
func (e *Evaluator) cmpOr(call *ast.CallExpr) []Value {
	if call.Ellipsis.IsValid() {
		return []Value{unknown(call.Pos())}
	}
	var out []Value
	name := ""
	for i, arg := range call.Args {
		vs := e.Eval(arg)
		if i > 0 {
			vs = markFallback(vs, name)
		}
		out = append(out, vs...)
		if nonEmpty(vs) || allKnownNonZero(vs) {
			break
		}
		if name == "" {
			for _, v := range vs {
				if v.Env != "" {
					name = v.Env + " is unset"
				}
			}
			if name == "" {
				name = "the earlier arguments are empty"
			}
		}
	}
	return out
}

func allKnownNonZero(vs []Value) bool {
	for _, v := range vs {
		if v.Const == nil {
			return false
		}
		switch v.Const.Kind() {
		case constant.String:
			if constant.StringVal(v.Const) == "" {
				return false
			}
		case constant.Int:
			if constant.Sign(v.Const) == 0 {
				return false
			}
		default:
			return false
		}
	}
	return len(vs) > 0
}

// sprintf evaluates fmt.Sprintf with a known format and the verbs %s, %d, %v.
func (e *Evaluator) sprintf(call *ast.CallExpr) []Value {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return []Value{unknown(call.Pos())}
	}
	fvs := e.Eval(call.Args[0])
	if len(fvs) != 1 || fvs[0].Const == nil || len(fvs[0].Parts) != 1 {
		return []Value{unknown(call.Pos())}
	}
	fp := fvs[0].Parts[0]
	format := fp.Text
	results := []Value{{Parts: []Part{}, Pos: call.Pos(), Kind: KindLiteral}}
	addText := func(text string, offset int) {
		if text == "" {
			return
		}
		p := fp
		p.Text, p.Offset = text, fp.Offset+offset
		for i := range results {
			results[i].Parts = append(append([]Part(nil), results[i].Parts...), p)
		}
	}
	addValues := func(vs []Value) {
		var next []Value
		for _, r := range results {
			for _, v := range vs {
				w := r
				w.Parts = append(append([]Part(nil), r.Parts...), v.Str()...)
				if v.Fallback != "" {
					w.Fallback = v.Fallback
				}
				next = append(next, w)
			}
		}
		results = capValues(next)
	}
	arg := 1
	start := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		addText(format[start:i], start)
		if i+1 < len(format) && format[i+1] == '%' {
			addText("%", i)
			i++
			start = i + 1
			continue
		}
		if i+1 >= len(format) || !strings.ContainsRune("sdv", rune(format[i+1])) || arg >= len(call.Args) {
			// Flags, widths, other verbs: the piece is unknown.
			addValues([]Value{unknown(call.Pos())})
			for i+1 < len(format) && !isVerb(format[i+1]) {
				i++
			}
			i++
			arg++
			start = i + 1
			continue
		}
		vs := e.Eval(call.Args[arg])
		if format[i+1] == 'd' {
			vs = mapValues(vs, toText)
		} else {
			vs = mapValues(vs, textOf)
		}
		addValues(vs)
		arg++
		i++
		start = i + 1
	}
	if start < len(format) {
		addText(format[start:], start)
	}
	for i := range results {
		results[i].Const = constOf(results[i].Parts)
	}
	return results
}

func isVerb(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// textOf renders a value for %s/%v: strings and integers as text.
func textOf(v Value) Value {
	if v.Const != nil && (v.Const.Kind() == constant.String || v.Const.Kind() == constant.Int) {
		return toText(v)
	}
	if v.Parts != nil {
		return v
	}
	return unknown(v.Pos)
}

// constOf is the string constant of parts that are all text, else nil.
func constOf(parts []Part) constant.Value {
	var b strings.Builder
	for _, p := range parts {
		if p.Sym != Text {
			return nil
		}
		b.WriteString(p.Text)
	}
	return constant.MakeString(b.String())
}

// joinHostPort evaluates net.JoinHostPort(host, port).
func (e *Evaluator) joinHostPort(host, port ast.Expr) []Value {
	hosts := e.Eval(host)
	var bracketed []Value
	for _, h := range hosts {
		if h.Const != nil && h.Const.Kind() == constant.String && strings.Contains(constant.StringVal(h.Const), ":") {
			h = join(join(TextValue("[", KindLiteral, host.Pos(), ""), h), TextValue("]", KindLiteral, host.Pos(), ""))
		}
		bracketed = append(bracketed, h)
	}
	colon := []Value{{Parts: []Part{{Text: ":", Kind: KindLiteral, Pos: port.Pos()}}, Const: constant.MakeString(":"), Kind: KindLiteral}}
	return e.concat(e.concat(bracketed, colon), mapValues(e.Eval(port), textOf))
}

// Sources returns what an expression of struct or pointer-to-struct type may
// refer to: composite literals, new(T) calls, variables declared without a
// value (their name), or calls the evaluator does not follow (the call
// itself). A nil entry means unknown.
func (e *Evaluator) Sources(x ast.Expr) []ast.Node {
	x = ast.Unparen(x)
	key := e.key(e.sourcesKey(x))
	if out, ok := e.sources[key]; ok {
		return out
	}
	if e.depth >= maxDepth || !e.spend() {
		e.cuts++
		e.low = -1 // a depth cut: incomplete for every frame
		return []ast.Node{nil}
	}
	e.depth++
	cuts, outer := e.cuts, e.low
	e.low = math.MaxInt
	out := dedupeNodes(e.sourcesOf(x))
	// Cache only answers that no cycle cut short, or whose every cycle
	// closes here (this frame is the cycle's entry): a cut answer is
	// incomplete for a caller outside the cycle, and recomputing each
	// member of a cycle of pointer re-assignments on every read made
	// them superlinear (FuzzEval).
	complete := e.cuts == cuts || e.low >= e.depth
	e.low = min(outer, e.low)
	e.depth--
	if complete || e.Exhausted() {
		e.sources[key] = out
	}
	return out
}

// sourcesKey is the memo key of Sources(x): the variable or field x names
// (its sources are the same wherever it is read), else the node.
func (e *Evaluator) sourcesKey(x ast.Expr) any {
	switch x := x.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if obj := e.refObject(x); obj != nil {
			return obj
		}
	}
	return x
}

func dedupeNodes(ns []ast.Node) []ast.Node {
	if len(ns) < 2 {
		return ns
	}
	seen := map[ast.Node]bool{}
	out := ns[:0:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func (e *Evaluator) sourcesOf(x ast.Expr) []ast.Node {
	switch x := x.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return e.Sources(x.X)
		}
	case *ast.CompositeLit:
		return []ast.Node{x}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "new" {
			if _, ok := e.info.Uses[id].(*types.Builtin); ok {
				return []ast.Node{x}
			}
		}
		fn := e.callee(x)
		if fn == nil || fn.Pkg() != e.pass.Pkg {
			return []ast.Node{x}
		}
		decl := e.index().funcs[fn]
		if decl == nil || decl.Body == nil {
			return []ast.Node{x}
		}
		fr := e.enterCall(x, fn)
		if fr == nil {
			fr = e.ctx
		}
		return in(e, fr, func() []ast.Node {
			if !e.enter(fn) {
				return []ast.Node{x}
			}
			defer e.leave(fn)
			var out []ast.Node
			for _, n := range e.returnStmts(decl) {
				if len(n.Results) > 0 {
					out = append(out, e.Sources(n.Results[0])...)
				}
			}
			return out
		})
	case *ast.Ident, *ast.SelectorExpr:
		obj := e.refObject(x)
		if obj == nil || !e.enter(obj) {
			return []ast.Node{nil}
		}
		defer e.leave(obj)
		ix := e.index()
		var out []ast.Node
		if f, ok := obj.(*types.Var); ok && f.IsField() {
			for _, w := range ix.fields[f] {
				if w.value == nil {
					out = append(out, nil)
					continue
				}
				out = append(out, e.Sources(w.value)...)
			}
		} else {
			for _, a := range ix.assigns[obj] {
				if a.rhs == nil || a.call != nil || a.flag != nil {
					out = append(out, nil)
					continue
				}
				out = append(out, e.Sources(a.rhs)...)
			}
			if v, ok := obj.(*types.Var); ok {
				if fr, arg, ok := e.bound(v); ok {
					if arg == nil {
						out = append(out, nil)
					} else {
						out = append(out, in(e, fr.parent, func() []ast.Node { return e.Sources(arg) })...)
					}
				} else if po, ok := ix.params[v]; ok {
					for _, call := range ix.calls[po.fn] {
						if po.index < len(call.Args) && !po.variadic {
							out = append(out, e.Sources(call.Args[po.index])...)
						}
					}
					if ix.escapes[po.fn] || len(ix.calls[po.fn]) == 0 {
						out = append(out, nil)
					}
				}
			}
			if ix.declared[obj] {
				if def := e.declIdent(obj); def != nil {
					out = append(out, def)
				}
			}
		}
		if ix.escapes[obj] || len(out) == 0 {
			out = append(out, nil)
		}
		return out
	}
	return []ast.Node{nil}
}

// declIdent finds the declaring identifier of obj (its zero-value source).
func (e *Evaluator) declIdent(obj types.Object) ast.Node {
	for _, f := range e.pass.Files {
		if f.FileStart <= obj.Pos() && obj.Pos() <= f.FileEnd {
			var found ast.Node
			ast.Inspect(f, func(n ast.Node) bool {
				if found != nil {
					return false
				}
				if id, ok := n.(*ast.Ident); ok && id.Pos() == obj.Pos() {
					found = id
				}
				return true
			})
			return found
		}
	}
	return nil
}

// Field returns the values of field name of the struct that x refers to
// (a value or a pointer): assignments x.name = v on the same struct win;
// otherwise the composite literal's element, or the zero value when the
// literal or a new(T)/var declaration leaves it unset; unknown for structs
// the evaluator cannot see being built.
func (e *Evaluator) Field(x ast.Expr, name string) []Value {
	if vs, ok := e.loadedField(x, name); ok {
		return vs
	}
	f := fieldByName(e.info.TypeOf(x), name)
	if f == nil {
		if embedded := e.embeddedWith(e.info.TypeOf(x), name); embedded != nil {
			return e.promoted(x, embedded, name)
		}
		return []Value{unknown(x.Pos())}
	}
	srcs := e.Sources(x)
	if overrides := e.overrides(f, x, srcs); len(overrides) > 0 {
		return overrides
	}
	var out []Value
	for _, src := range srcs {
		switch s := src.(type) {
		case *ast.CompositeLit:
			var val ast.Expr
			for _, w := range e.index().fields[f] {
				if w.lit == s {
					val = w.value
				}
			}
			if val != nil {
				out = append(out, e.Eval(val)...)
			} else {
				out = append(out, zero(f.Type(), s.Pos()))
			}
		case *ast.Ident:
			out = append(out, zero(f.Type(), s.Pos()))
		case *ast.CallExpr:
			if id, ok := ast.Unparen(s.Fun).(*ast.Ident); ok && id.Name == "new" {
				out = append(out, zero(f.Type(), s.Pos()))
			} else {
				out = append(out, e.importedField(s, name, x.Pos())...)
			}
		default:
			out = append(out, e.paramField(x, name)...)
		}
	}
	return dedupe(out)
}

// importedField is field name of the struct a call of another module
// package's function returns, from its summary; unknown without one.
func (e *Evaluator) importedField(call *ast.CallExpr, name string, pos token.Pos) []Value {
	if fn := e.callee(call); fn != nil && fn.Pkg() != e.pass.Pkg {
		if s := e.summary(fn); s != nil && len(s.Results) > 0 {
			if fvs, ok := s.Results[0].field(name); ok {
				return e.imported(fvs, e.bindCall(call, fn))
			}
		}
	}
	return []Value{unknown(pos)}
}

// paramField is field name of a struct that x, a parameter of an exported
// function, points to: a Param symbol when summarizing (the caller's argument
// decides it), else unknown. A package variable of another module package
// gives its summary's field.
func (e *Evaluator) paramField(x ast.Expr, name string) []Value {
	obj := e.refObject(x)
	if v, ok := obj.(*types.Var); ok {
		if v.Pkg() != e.pass.Pkg && !v.IsField() {
			if s := e.summary(v); s != nil {
				if fvs, ok := s.Value.field(name); ok {
					return e.imported(fvs, e.bindAll)
				}
			}
		}
		if po, ok := e.index().params[v]; ok && e.symbolic(po) && len(e.index().assigns[v]) == 0 {
			if _, bound, ok := e.bound(v); !ok || bound == nil {
				return []Value{paramValue(po.fn, po.index, name, x.Pos())}
			}
		}
	}
	return []Value{unknown(x.Pos())}
}

// overrides evaluates the assignments x.f = v to the struct x refers to
// (srcs are x's Sources): they win over the literal that built it.
func (e *Evaluator) overrides(f *types.Var, x ast.Expr, srcs []ast.Node) []Value {
	var out []Value
	for _, w := range e.index().fields[f] {
		if w.base == nil || !e.sameRef(w.base, x) && !overlap(e.Sources(w.base), srcs) {
			continue
		}
		out = append(out, e.written(w, x.Pos())...)
	}
	return dedupe(out)
}

// embeddedWith returns the embedded field of t's struct through which field
// name is promoted (type Server struct{ *http.Server } for Addr), or nil.
func (e *Evaluator) embeddedWith(t types.Type, name string) *types.Var {
	if t == nil {
		return nil
	}
	obj, index, _ := types.LookupFieldOrMethod(t, true, e.pass.Pkg, name)
	if _, ok := obj.(*types.Var); !ok || len(index) < 2 {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || index[0] >= st.NumFields() {
		return nil
	}
	return st.Field(index[0])
}

// promoted evaluates field name promoted through the embedded field of the
// struct x refers to: writes to x.Name itself win (s.Addr = v, recorded
// under the promoted field); otherwise the embedded value's field, where the
// embedded value is what x.Embedded is set to, on this struct, by
// assignment or in its literal.
func (e *Evaluator) promoted(x ast.Expr, embedded *types.Var, name string) []Value {
	obj, _, _ := types.LookupFieldOrMethod(e.info.TypeOf(x), true, e.pass.Pkg, name)
	f := obj.(*types.Var)
	srcs := e.Sources(x)
	if overrides := e.overrides(f, x, srcs); len(overrides) > 0 {
		return overrides
	}
	var inner []ast.Expr
	for _, w := range e.index().fields[embedded] {
		if w.base != nil && (e.sameRef(w.base, x) || overlap(e.Sources(w.base), srcs)) {
			inner = append(inner, w.value)
		}
	}
	var imported []Value
	if len(inner) == 0 {
		for _, src := range srcs {
			if call, ok := src.(*ast.CallExpr); ok {
				// Another package's constructor sets the promoted field.
				imported = append(imported, e.importedField(call, name, x.Pos())...)
				continue
			}
			lit, ok := src.(*ast.CompositeLit)
			if !ok {
				return []Value{unknown(x.Pos())}
			}
			var val ast.Expr
			for _, w := range e.index().fields[embedded] {
				if w.lit == lit {
					val = w.value
				}
			}
			if val == nil {
				// An embedded struct left zero has the zero field; a nil
				// embedded pointer would panic before serving.
				if _, isPtr := embedded.Type().Underlying().(*types.Pointer); isPtr {
					return []Value{unknown(x.Pos())}
				}
				return []Value{zero(f.Type(), lit.Pos())}
			}
			inner = append(inner, val)
		}
	}
	out := imported
	for _, in := range inner {
		if in == nil {
			out = append(out, unknown(x.Pos()))
			continue
		}
		out = append(out, e.Field(in, name)...)
	}
	if len(out) == 0 {
		return []Value{unknown(x.Pos())}
	}
	return dedupe(out)
}

// FieldWritten reports whether any write to field name of the struct x refers
// to is visible (in a literal or by assignment).
func (e *Evaluator) FieldWritten(x ast.Expr, name string) bool {
	for _, v := range e.Field(x, name) {
		if v.Kind != KindZero {
			return true
		}
	}
	return false
}

func fieldByName(t types.Type, name string) *types.Var {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}

func overlap(a, b []ast.Node) bool {
	for _, x := range a {
		if x == nil {
			continue
		}
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sameRef reports whether a and b name the same variable or field path
// (srv, a.srv, e.Server).
func (e *Evaluator) sameRef(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && e.refObject(a) != nil && e.refObject(a) == e.refObject(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		if !ok || e.refObject(a) == nil || e.refObject(a) != e.refObject(b) {
			return false
		}
		if _, isPkg := e.info.Uses[identOf(a.X)].(*types.PkgName); isPkg {
			return true
		}
		return e.sameRef(a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && e.sameRef(a.X, b.X)
	}
	return false
}

func identOf(x ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(x).(*ast.Ident)
	return id
}

// ipv4 renders net.IPv4(a, b, c, d) with constant bytes.
func (e *Evaluator) ipv4(args []ast.Expr) (string, bool) {
	if len(args) != 4 {
		return "", false
	}
	var b strings.Builder
	for i, a := range args {
		tv, ok := e.info.Types[a]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return "", false
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tv.Value.ExactString())
	}
	return b.String(), true
}

// ArgumentField is field name of the struct that call, a call of another
// module package's function, returns, when the call's arguments decide it
// (server.New(addr, 30*time.Second) returning &http.Server{ReadTimeout:
// read}): the field's summary holds a parameter, and the values are the
// call's. ok is false otherwise; a field the other package fixes by itself
// is judged there.
func (e *Evaluator) ArgumentField(call *ast.CallExpr, name string) (_ []Value, ok bool) {
	fn, fvs, ok := e.resultField(call, name)
	if !ok {
		return nil, false
	}
	for _, fv := range fvs {
		if hasParam([]Value{fv.value()}) {
			return e.imported(fvs, e.bindCall(call, fn)), true
		}
	}
	return nil, false
}

// variadicElement is defaults[k] for a variadic parameter that its function
// never reassigns (getEnv(key string, defaults ...string)): the argument k
// places after the fixed ones, at the call being followed or at every call.
// ok is false for any other index expression.
func (e *Evaluator) variadicElement(x *ast.IndexExpr) (_ []Value, ok bool) {
	id, ok := ast.Unparen(x.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := e.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	ix := e.index()
	po, ok := ix.params[v]
	if !ok || !po.variadic || len(ix.assigns[v]) > 0 || len(ix.stores[v]) > 0 || ix.escapes[v] {
		return nil, false
	}
	tv := e.info.Types[x.Index]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return nil, false
	}
	k, exact := constant.Int64Val(tv.Value)
	if !exact || k < 0 || k > maxVariadicIndex {
		return nil, false
	}
	// The element is a plain parameter at its argument's position.
	elem := paramOf{fn: po.fn, index: po.index + int(k)}
	for fr := e.ctx; fr != nil; fr = fr.parent {
		if fr.fn != po.fn {
			continue
		}
		if fr.call.Ellipsis.IsValid() || elem.index >= len(fr.call.Args) {
			return []Value{unknown(x.Pos())}, true
		}
		arg := fr.call.Args[elem.index]
		return in(e, fr.parent, func() []Value { return e.Eval(arg) }), true
	}
	return e.params(elem, x), true
}

// maxVariadicIndex bounds the element of a variadic parameter followed:
// helpers read the first one or two (defaults[0]).
const maxVariadicIndex = 7

// resultField is the summary of field name of the struct that call, a call
// of another module package's function, returns; ok is false without one.
func (e *Evaluator) resultField(call *ast.CallExpr, name string) (fn *types.Func, fvs []FactValue, ok bool) {
	fn = e.callee(call)
	if fn == nil || fn.Pkg() == e.pass.Pkg {
		return nil, nil, false
	}
	s := e.summary(fn)
	if s == nil || len(s.Results) == 0 {
		return nil, nil, false
	}
	fvs, ok = s.Results[0].field(name)
	return fn, fvs, ok
}
