package eval

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// This file is the cross-package half of the evaluator. A package of the
// analyzed module describes, for the packages that import it, the values it
// decides: a function's results (and the fields of a struct it returns), a
// package variable, and the writes to a struct field it declares (the listen
// calls whose address a caller passes in are listen.Wrapper facts). The
// description is an analysis fact (Summary, exported by analyzers/model), so
// it travels the same way under fclint check, go vet (vetx files) and
// golangci-lint, and each package is still analyzed once.
//
// A value that depends on a parameter of an exported function keeps the
// parameter as a symbol (a Param part); the importing package substitutes the
// argument of the call it evaluates, or, when it reads a field or variable
// the function wrote, the arguments of every call it makes to the function.
// Positions do not cross packages (go vet analyzes each in its own process):
// an imported value says where it was written in its Origin
// ("config/config.go:12"), and carries no fix.

// Summary is the fact a module package exports for one object.
type Summary struct {
	// Value is a package variable's value, or a struct field's: the union of
	// the writes in the declaring package.
	Value ValueSummary
	// Results are a function's results, by index.
	Results []ValueSummary
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	return fmt.Sprintf("summary(%d results)", len(s.Results))
}

// ValueSummary is the possible values of one expression, and, for a struct
// (or pointer to one), of each field it sets, by (promoted) field name.
type ValueSummary struct {
	Values []FactValue
	Fields []FieldSummary // sorted by name (a fact's encoding is deterministic)
}

// FieldSummary is the values of one field of a struct.
type FieldSummary struct {
	Name   string
	Values []FactValue
}

// field returns the values of field name; ok is false when none is known.
func (v ValueSummary) field(name string) ([]FactValue, bool) {
	i := sort.Search(len(v.Fields), func(i int) bool { return v.Fields[i].Name >= name })
	if i < len(v.Fields) && v.Fields[i].Name == name {
		return v.Fields[i].Values, true
	}
	return nil, false
}

func (v ValueSummary) empty() bool { return len(v.Values) == 0 && len(v.Fields) == 0 }

// FactValue is a Value without positions, for facts.
type FactValue struct {
	Const     string // constant.Value.ExactString; "" with ConstKind Unknown
	ConstKind constant.Kind
	Parts     []FactPart
	Kind      Kind
	Env       string
	Origin    string
	Fallback  string
}

// FactPart is a Part without positions.
type FactPart struct {
	Text     string
	Sym      Sym
	Kind     Kind
	Origin   string
	Fallback string
	// Func, Param and Field name the parameter of a Param part: argument
	// Param of Func (a types.Func.FullName), or its field Field.
	Func  string
	Param int
	Field string
}

// Facts finds the summary of an object of the module visible to a package
// (its imports' and its own); nil when there is none. A lookup, not a map:
// copying every inherited fact into each package would cost memory for
// facts most packages never read.
type Facts func(obj types.Object) *Summary

// FactSource is implemented by the result of the analyzer that exports the
// summaries; New finds it among the pass's results.
type FactSource interface{ SummaryFacts() Facts }

func (e *Evaluator) summary(obj types.Object) *Summary {
	if e.facts == nil || obj == nil {
		return nil
	}
	if fn, ok := obj.(*types.Func); ok {
		obj = fn.Origin()
	}
	return e.facts(obj)
}

// funcKey names a function in Param parts: the same in every package.
func funcKey(fn *types.Func) string { return fn.Origin().FullName() }

// paramValue is parameter i of fn as a symbol (field names its field).
func paramValue(fn *types.Func, i int, field string, pos token.Pos) Value {
	p := Part{Sym: Param, Pos: pos, Func: funcKey(fn), Param: i, Field: field}
	return Value{Parts: []Part{p}, Pos: pos}
}

// hasParam reports whether some value holds a Param part.
func hasParam(vs []Value) bool {
	for _, v := range vs {
		for _, p := range v.Parts {
			if p.Sym == Param {
				return true
			}
		}
	}
	return false
}

// HasParam reports whether some value depends on a parameter of the function
// being summarized (only a summarizing evaluator produces such values).
func HasParam(vs []Value) bool { return hasParam(vs) }

// ForFacts returns an evaluator of the same package that keeps the
// parameters of exported functions as symbols: the values it returns are
// what the package exports as facts. It shares e's index; an evaluator made
// only for summaries leaves generated files out of it (SummaryOnly).
func (e *Evaluator) ForFacts() *Evaluator {
	f := &Evaluator{
		pass: e.pass, info: e.info, fn: e.fn, cfg: e.cfg, found: e.found, facts: e.facts,
		idx: e.index(), callees: e.callees,
		memo: map[ctxKey][]Value{}, busy: map[ctxKey]int{},
		sources: map[ctxKey][]ast.Node{}, derefs: map[ctxKey][]Value{}, results: map[ctxKey][]Value{},
		frames: map[frameKey]*frame{}, budget: e.budget, summarizing: true,
	}
	return f
}

// SummaryOnly marks an evaluator whose index serves only summaries:
// generated files (protobuf getters, tables) are left out of it.
func (e *Evaluator) SummaryOnly() *Evaluator {
	e.skipGenerated = true
	return e
}

// HasCandidates reports, from the declarations alone, whether the package
// has anything to summarize: an exported function with a result, an
// exported package variable, or an exported struct type, outside generated
// files. Without one, no index is built.
func HasCandidates(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Type.Results != nil && d.Body != nil {
					return true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						if d.Tok == token.VAR && ast.IsExported(spec.Names[0].Name) {
							return true
						}
					case *ast.TypeSpec:
						if _, ok := spec.Type.(*ast.StructType); ok && spec.Name.IsExported() {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// exported reports whether code outside the package can call fn by name.
func exported(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.TypeParams().Len() == 0 && (sig.Recv() == nil || sig.RecvTypeParams().Len() == 0)
}

// symbolic reports whether a hidden parameter becomes a Param symbol.
func (e *Evaluator) symbolic(po paramOf) bool {
	return e.summarizing && !po.variadic && exported(po.fn)
}

// Summarizes reports whether pass's package exports summaries: a package of
// the analyzed module(s) that another package can import. The standard
// library and modules from the module cache are described by the framework
// registry, or not at all.
func Summarizes(pass *analysis.Pass) bool {
	if pass.Pkg.Name() == "main" || len(pass.Files) == 0 || pass.TypesInfo == nil {
		return false
	}
	if pass.Module != nil && pass.Module.Path != "" {
		// Module mode: the main module(s) have no version; a dependency
		// from the module cache has one.
		return pass.Module.Version == ""
	}
	// The standard library (no module under go vet), or GOPATH-style code
	// (analysistest): tell them by where the files are.
	if build.Default.GOROOT == "" {
		return true
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return !strings.HasPrefix(name, root)
}

// Summarize computes the summaries of the package's exported functions,
// package variables and struct fields with the summarizing evaluator f. The
// caller exports them as facts.
func (f *Evaluator) Summarize() map[types.Object]*Summary {
	out := map[types.Object]*Summary{}
	add := func(obj types.Object) *Summary {
		if s := out[obj]; s != nil {
			return s
		}
		s := &Summary{}
		out[obj] = s
		return s
	}
	ix := f.index()
	for _, file := range f.pass.Files {
		if ast.IsGenerated(file) {
			continue // a 20 MB table has no server settings
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn, ok := f.info.Defs[d.Name].(*types.Func)
				if !ok || d.Body == nil || !exported(fn) || renders(d) {
					continue
				}
				sig := fn.Type().(*types.Signature)
				results := make([]ValueSummary, sig.Results().Len())
				useful := false
				for i := range results {
					results[i] = f.resultSummary(fn, d, i, sig.Results().At(i).Type())
					useful = useful || !results[i].empty()
				}
				if useful {
					add(fn).Results = results
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						for _, name := range spec.Names {
							v, ok := f.info.Defs[name].(*types.Var)
							if !ok || !v.Exported() || d.Tok != token.VAR {
								continue
							}
							if vs := f.varSummary(v, name); !vs.empty() {
								add(v).Value = vs
							}
						}
					case *ast.TypeSpec:
						tn, ok := f.info.Defs[spec.Name].(*types.TypeName)
						if !ok {
							continue
						}
						st, ok := tn.Type().Underlying().(*types.Struct)
						if !ok {
							continue
						}
						for i := 0; i < st.NumFields(); i++ {
							field := st.Field(i)
							// type Local other.Struct: the fields are the other
							// package's, which only it may describe.
							if field.Pkg() != f.pass.Pkg || !field.Exported() || len(ix.fields[field]) == 0 || !interesting(field.Type()) {
								continue
							}
							if vs := f.export(f.fieldAll(field, spec.Name)); len(vs) > 0 {
								add(field).Value = ValueSummary{Values: vs}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// renders reports whether decl is a method that renders its receiver for
// people (String, GoString, Error, Format): where a value is printed, not
// where a port or timeout is decided. Skipping them saves most of the
// fmt.Sprintf work a large module would cost.
func renders(decl *ast.FuncDecl) bool {
	if decl.Recv == nil {
		return false
	}
	switch decl.Name.Name {
	case "String", "GoString", "Error", "Format", "MarshalText", "MarshalJSON":
		return true
	}
	return false
}

// interesting reports whether values of type t are summarized: strings
// (addresses, ports, durations to parse), the integer types ports come in,
// and time.Duration. Other numbers and booleans (counters, sizes, block
// heights, switches) are left out: summarizing every getter of a large
// module costs more than the servers it could explain.
func interesting(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil &&
		n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration" {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return false
	}
	switch b.Kind() {
	case types.String, types.Int, types.Int32, types.Uint16, types.Uint32:
		return true
	}
	return false
}

// structOf returns the struct t is or points to.
func structOf(t types.Type) *types.Struct {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// fieldNames lists the exported fields of st with interesting types,
// promoted ones included (one level of embedding: an embedded http.Server).
func fieldNames(st *types.Struct) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(st *types.Struct, depth int)
	walk = func(st *types.Struct, depth int) {
		for i := 0; i < st.NumFields() && len(out) < 64; i++ {
			fld := st.Field(i)
			if fld.Embedded() && depth == 0 {
				if inner := structOf(fld.Type()); inner != nil {
					walk(inner, depth+1)
				}
				continue
			}
			if fld.Exported() && interesting(fld.Type()) && !seen[fld.Name()] {
				seen[fld.Name()] = true
				out = append(out, fld.Name())
			}
		}
	}
	walk(st, 0)
	sort.Strings(out)
	return out
}

// resultSummary evaluates result i of fn: its values, or the fields of the
// struct it returns.
func (f *Evaluator) resultSummary(fn *types.Func, decl *ast.FuncDecl, i int, t types.Type) ValueSummary {
	var vs ValueSummary
	if interesting(t) {
		vs.Values = f.export(f.returns(fn, i, decl.Pos()))
		return vs
	}
	st := structOf(t)
	if st == nil {
		return vs
	}
	var rets []ast.Expr
	for _, n := range f.returnStmts(decl) {
		if i < len(n.Results) && len(n.Results) > 1 || len(n.Results) == 1 && i == 0 {
			rets = append(rets, n.Results[i])
		}
	}
	if len(rets) == 0 {
		return vs
	}
	for _, name := range fieldNames(st) {
		var values []Value
		for _, r := range rets {
			values = append(values, f.Field(r, name)...)
		}
		if ex := f.export(dedupe(values)); len(ex) > 0 {
			vs.Fields = append(vs.Fields, FieldSummary{Name: name, Values: ex})
		}
	}
	return vs
}

// varSummary evaluates a package variable: its values, or the fields of the
// struct it holds.
func (f *Evaluator) varSummary(v *types.Var, at *ast.Ident) ValueSummary {
	var vs ValueSummary
	if interesting(v.Type()) {
		if f.index().escapes[v] {
			return vs
		}
		vs.Values = f.export(f.variable(v, at))
		return vs
	}
	st := structOf(v.Type())
	if st == nil {
		return vs
	}
	for _, name := range fieldNames(st) {
		if ex := f.export(f.Field(at, name)); len(ex) > 0 {
			vs.Fields = append(vs.Fields, FieldSummary{Name: name, Values: ex})
		}
	}
	return vs
}

// export turns values into fact values, or nil when none is worth telling:
// all unknown (or zero) says nothing a caller does not already assume.
func (f *Evaluator) export(vs []Value) []FactValue {
	useful := false
	for _, v := range vs {
		if addressLike(v) {
			useful = true
		}
	}
	if !useful {
		return nil
	}
	out := make([]FactValue, 0, len(vs))
	for _, v := range vs {
		out = append(out, f.factValue(v))
	}
	return out
}

// addressLike reports whether a value can tell the rules something: a
// number (a port, a duration), the CAPort, a parameter, or text that can
// be part of an address (digits, a host name, an IP, "host:port"). Text
// with spaces, slashes or quotes ("application/json", a log message) is
// never part of a listen address, and every fact costs memory in every
// package that imports it, so values that are only such text are not
// exported.
func addressLike(v Value) bool {
	if v.Kind == KindZero && v.Const != nil {
		return false
	}
	if v.Const != nil && v.Const.Kind() != constant.String {
		return true
	}
	for _, p := range v.Str() {
		switch p.Sym {
		case CAPort, Param:
			return true
		case Text:
			if p.Text != "" && strings.IndexFunc(p.Text, notAddressRune) < 0 {
				return true
			}
		}
	}
	return false
}

// notAddressRune reports whether r cannot appear in a host, port or address.
func notAddressRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return false
	}
	return !strings.ContainsRune(".-_:[]%", r)
}

func (f *Evaluator) factValue(v Value) FactValue {
	fv := FactValue{Kind: v.Kind, Env: v.Env, Origin: f.origin(v.Origin, v.Pos), Fallback: v.Fallback}
	if v.Const != nil {
		fv.ConstKind, fv.Const = v.Const.Kind(), v.Const.ExactString()
	}
	for _, p := range v.Parts {
		fv.Parts = append(fv.Parts, FactPart{
			Text: p.Text, Sym: p.Sym, Kind: p.Kind, Origin: f.origin(p.Origin, p.Pos), Fallback: p.Fallback,
			Func: p.Func, Param: p.Param, Field: p.Field,
		})
	}
	if v.Parts != nil && fv.Parts == nil {
		fv.Parts = []FactPart{}
	}
	return fv
}

// origin is where a value was written, for a package that cannot see it:
// the value's own explanation, else "config/config.go:12".
func (f *Evaluator) origin(origin string, pos token.Pos) string {
	if origin != "" || !pos.IsValid() {
		return origin
	}
	p := f.pass.Fset.Position(pos)
	return path.Base(f.pass.Pkg.Path()) + "/" + filepath.Base(p.Filename) + fmt.Sprintf(":%d", p.Line)
}

// Origin is origin for the rules (the position of a listen call).
func (e *Evaluator) Origin(pos token.Pos) string { return e.origin("", pos) }

// value rebuilds a Value from a fact value, at pos of the importing package.
func (fv FactValue) value() Value {
	v := Value{Kind: fv.Kind, Env: fv.Env, Origin: fv.Origin, Fallback: fv.Fallback}
	switch fv.ConstKind {
	case constant.String:
		// ExactString is the quoted form.
		v.Const = constant.MakeFromLiteral(fv.Const, token.STRING, 0)
	case constant.Int:
		v.Const = constant.MakeFromLiteral(fv.Const, token.INT, 0)
	case constant.Bool:
		v.Const = constant.MakeBool(fv.Const == "true")
	case constant.Float:
		v.Const = constant.MakeFromLiteral(fv.Const, token.FLOAT, 0)
	}
	if v.Const != nil && v.Const.Kind() == constant.Unknown {
		v.Const = nil
	}
	if fv.Parts != nil {
		v.Parts = make([]Part, len(fv.Parts))
		for i, p := range fv.Parts {
			v.Parts[i] = Part{Text: p.Text, Sym: p.Sym, Kind: p.Kind, Origin: p.Origin, Fallback: p.Fallback,
				Func: p.Func, Param: p.Param, Field: p.Field}
		}
	}
	return v
}

// Bind gives the values of a Param part: the argument (or its field) it
// stands for.
type Bind func(p Part) []Value

// imported rebuilds fact values and substitutes their parameters with bind.
func (e *Evaluator) imported(fvs []FactValue, bind Bind) []Value {
	var out []Value
	for _, fv := range fvs {
		out = append(out, e.substitute(fv.value(), bind)...)
	}
	return dedupe(out)
}

// substitute replaces the Param parts of v by their values.
func (e *Evaluator) substitute(v Value, bind Bind) []Value {
	if !hasParam([]Value{v}) {
		return []Value{v}
	}
	if len(v.Parts) == 1 {
		vs := bind(v.Parts[0])
		if v.Fallback != "" {
			vs = markFallback(vs, v.Fallback)
		}
		return vs
	}
	out := []Value{{Parts: []Part{}, Kind: v.Kind, Origin: v.Origin, Fallback: v.Fallback}}
	for _, p := range v.Parts {
		var piece []Value
		if p.Sym == Param {
			piece = mapValues(bind(p), textOf)
		} else {
			piece = []Value{{Parts: []Part{p}, Kind: p.Kind}}
		}
		out = e.concat(out, piece)
	}
	for i := range out {
		out[i].Const = constOf(out[i].Parts)
		out[i].Kind, out[i].Origin = v.Kind, cmpOrString(out[i].Origin, v.Origin)
	}
	return out
}

// bindCall binds the parameters of fn to the arguments of call; parameters
// of other functions are bound to every call this package makes to them.
func (e *Evaluator) bindCall(call *ast.CallExpr, fn *types.Func) Bind {
	key := funcKey(fn)
	return func(p Part) []Value {
		if p.Func == key && call != nil {
			return e.argument(call, p)
		}
		return e.bindAll(p)
	}
}

// argument is the value of a Param part at one call.
func (e *Evaluator) argument(call *ast.CallExpr, p Part) []Value {
	if call.Ellipsis.IsValid() || p.Param >= len(call.Args) {
		return []Value{unknown(call.Pos())}
	}
	arg := call.Args[p.Param]
	switch p.Field {
	case "":
		return e.Eval(arg)
	case envOfParam:
		return e.env(arg, arg.Pos())
	}
	return e.Field(arg, p.Field)
}

// envOfParam, as a Param part's Field, stands for the environment variable
// the argument names (os.Getenv(key) in an exported getEnv(key, def)
// helper); no struct field is named so.
const envOfParam = "$env"

// bindAll binds a Param part to its argument at every call of its function
// in the package (or to this evaluator's own symbol when the function is
// the one being summarized); unknown when the package makes no such call.
func (e *Evaluator) bindAll(p Part) []Value {
	calls := e.callsOf(p.Func)
	if len(calls) == 0 {
		return []Value{unknown(token.NoPos)}
	}
	var out []Value
	for _, c := range calls {
		out = append(out, e.argument(c, p)...)
	}
	return out
}

// callsOf returns the package's calls of the exported function of another
// package named key (a funcKey), found by one walk per key on first use:
// most packages never need it.
func (e *Evaluator) callsOf(key string) []*ast.CallExpr {
	ix := e.index()
	if calls, ok := ix.xcalls[key]; ok {
		return calls
	}
	if ix.xcalls == nil {
		ix.xcalls = map[string][]*ast.CallExpr{}
	}
	name := key[strings.LastIndexAny(key, ".)")+1:]
	var out []*ast.CallExpr
	for _, f := range e.pass.Files {
		if e.skipGenerated && ast.IsGenerated(f) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if fn := e.callee(call); fn != nil && fn.Name() == name && fn.Pkg() != e.pass.Pkg && funcKey(fn) == key {
					out = append(out, call)
				}
			}
			return true
		})
	}
	ix.xcalls[key] = out
	return out
}

// Instantiate rebuilds fact values seen at a call of fn (of another
// package): fn's parameters are the call's arguments, other functions'
// parameters the arguments of every call this package makes to them.
func (e *Evaluator) Instantiate(call *ast.CallExpr, fn *types.Func, fvs []FactValue) []Value {
	return e.imported(fvs, e.bindCall(call, fn))
}

// Export turns values into fact values (positions become origins).
func (e *Evaluator) Export(vs []Value) []FactValue {
	out := make([]FactValue, len(vs))
	for i, v := range vs {
		out[i] = e.factValue(v)
	}
	return out
}

// WithFacts sets the summaries the evaluator reads (the analyzer that
// exports them has no result of its own to find them in).
func (e *Evaluator) WithFacts(f Facts) *Evaluator {
	e.facts = f
	return e
}

// FuncKey names fn the way Param symbols do.
func FuncKey(fn *types.Func) string { return funcKey(fn) }

// ParamFuncs lists the functions whose parameters the fact values hold.
func ParamFuncs(fvs []FactValue) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range fvs {
		for _, p := range v.Parts {
			if p.Sym == Param && !seen[p.Func] {
				seen[p.Func] = true
				out = append(out, p.Func)
			}
		}
	}
	sort.Strings(out)
	return out
}
