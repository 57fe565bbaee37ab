// Package serverconf finds, once per package, how each server is configured:
// the read, write and idle timeouts and keep-alive switches it gets from
// struct literals, field assignments, functional options and framework
// defaults. FC104 (server-timeout) and FC105 (keepalive-disabled) judge its
// result; the tables in tables.go are the only place that knows the APIs.
package serverconf

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/lazyinspect"
	"github.com/fclint/fclint/analyzers/model"
)

// Analyzer computes the server configurations of a package; it reports nothing.
var Analyzer = &analysis.Analyzer{
	Name: "fclintserverconf",
	Doc:  "find server timeouts and keep-alive switches (net/http, echo, fiber, fasthttp, hertz, gRPC); reports nothing",
	Run:  run,
	// fcconfig: the configuration's args and environmentVariables set
	// timeouts exactly as they set ports.
	Requires:   []*analysis.Analyzer{lazyinspect.Analyzer, fcconfig.Analyzer, model.Analyzer, UsesAnalyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// Result is the server configurations of one package.
type Result struct {
	Servers []*Server
}

// Of returns the result from a pass that requires Analyzer.
func Of(pass *analysis.Pass) *Result {
	res, _ := fcconfig.ResultOf[*Result](pass) // by type: Configure copies Analyzer
	return res
}

// Server is one configured server: a variable, a struct field, a literal
// passed on directly, or a framework start call.
type Server struct {
	Framework *Framework
	Name      string     // "http.Server", "fiber.Config", "hertz server"
	Settings  []*Setting // in source order
	// Start is the call that applies framework defaults; nil without.
	Start        *ast.CallExpr
	Defaults     map[Knob]time.Duration
	DefaultsFrom string // "echo v5", "hertz"
	DefaultsFix  string // the fix text for kept defaults; "" for echo v5's and hertz's
	// Opaque: code fclint cannot see may change the knobs (an option slice,
	// a BeforeServeFunc it cannot read), so defaults are not judged.
	Opaque bool
}

// Setting is one place that sets a knob.
type Setting struct {
	Knob Knob
	// Field is the knob's name as the program writes it ("MaxConnectionIdle").
	Field  string
	Server *Server
	// Node is where to report: the literal's Key: value element, the
	// assignment statement, or the option/method call.
	Node  ast.Node
	Value ast.Expr
	// Values are Value's possible values (eval); an unknown one has a nil Const.
	Values []eval.Value
	// Removable is the literal element or statement a fix may delete; nil
	// when deleting it would not simply remove the setting.
	Removable ast.Node
	// Overridden: a later unconditional setting of the same knob replaces this one.
	Overridden bool
	// Fix, when set, replaces the rule's fix text of a value no expression
	// here writes, reported at the call that brings it in: a configuration
	// file's (gofile.go), or a field a replacing literal leaves out (replace).
	Fix string
	// Via names the constructor of another package that sets the knob from
	// this argument ("server.New"); empty for a setting written here.
	Via string

	block ast.Node // the block holding an assignment statement; nil otherwise
}

// Effective returns the settings of k that are not overridden.
func (s *Server) Effective(k Knob) []*Setting {
	var out []*Setting
	for _, st := range s.Settings {
		if st.Knob == k && !st.Overridden {
			out = append(out, st)
		}
	}
	return out
}

// Durations returns the known values of the setting as durations; ok is
// false when some value is unknown.
func (st *Setting) Durations() (ds []time.Duration, ok bool) {
	ok = true
	for _, v := range st.Values {
		d, known := Duration(v.Const)
		if !known {
			ok = false
			continue
		}
		ds = append(ds, d)
	}
	return ds, ok
}

// Duration converts an integer constant (nanoseconds) to a duration.
func Duration(c constant.Value) (time.Duration, bool) {
	if c == nil || c.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(c)
	return time.Duration(n), exact
}

// Configurable reports whether some value of the setting comes from outside
// the code (a flag's default, the configuration's args or environment): the
// program means it to be changed there, so deleting the setting is no fix.
func (st *Setting) Configurable() bool {
	for _, v := range st.Values {
		switch v.Kind {
		case eval.KindFlagDefault, eval.KindConfigArg, eval.KindConfigEnv:
			return true
		}
	}
	return false
}

// Bools returns the known values of a switch setting; ok is false when some
// value is unknown.
func (st *Setting) Bools() (bs []bool, ok bool) {
	ok = true
	for _, v := range st.Values {
		if v.Const == nil || v.Const.Kind() != constant.Bool {
			ok = false
			continue
		}
		bs = append(bs, constant.BoolVal(v.Const))
	}
	return bs, ok
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if !serverAPI.UsedIn(pass) {
		return res, nil
	}
	f := &finder{pass: pass, eval: eval.New(pass), byKey: map[any]*Server{}, res: res}
	lazyinspect.Walk(pass.Files, func(path []ast.Node) {
		c := cursor{path}
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			f.literal(c, n)
		case *ast.AssignStmt:
			f.assign(c, n)
		case *ast.CallExpr:
			f.call(c, n)
		}
	})
	f.dropUnstartedEchoServers()
	for _, s := range res.Servers {
		sort.SliceStable(s.Settings, func(i, j int) bool { return s.Settings[i].Node.Pos() < s.Settings[j].Node.Pos() })
		markOverrides(s)
	}
	return res, nil
}

// echoServers says which start methods of echo v4 serve which server field:
// Start and StartH2CServer serve e.Server, StartTLS and StartAutoTLS serve
// e.TLSServer, and StartServer(s) serves s and neither field.
var echoServers = map[string]string{
	"Start": "Server", "StartH2CServer": "Server",
	"StartTLS": "TLSServer", "StartAutoTLS": "TLSServer",
	"StartServer": "",
}

const echo4 = "github.com/labstack/echo/v4"

// dropUnstartedEchoServers forgets the settings of e.Server or e.TLSServer
// when the package starts echo only in ways that serve the other one
// (e.Server.ReadTimeout = d; e.StartServer(s)). A package that starts no echo
// server keeps them: the start may be elsewhere.
func (f *finder) dropUnstartedEchoServers() {
	served := map[string]bool{}
	started := false
	for _, obj := range f.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != echo4 {
			continue
		}
		if field, ok := echoServers[fn.Name()]; ok && fn.Signature().Recv() != nil {
			started = true
			served[field] = true
		}
	}
	if !started {
		return
	}
	keep := f.res.Servers[:0]
	for _, s := range f.res.Servers {
		if !f.unservedEchoField(s, served) {
			keep = append(keep, s)
		}
	}
	f.res.Servers = keep
}

func (f *finder) unservedEchoField(s *Server, served map[string]bool) bool {
	for key, srv := range f.byKey {
		if srv != s {
			continue
		}
		v, ok := key.(*types.Var)
		if ok && v.IsField() && v.Pkg() != nil && v.Pkg().Path() == echo4 && (v.Name() == "Server" || v.Name() == "TLSServer") {
			return !served[v.Name()]
		}
	}
	return false
}

// APISet is a set of API objects a rule looks for, for its fast path.
type APISet struct {
	paths   map[string]map[string]bool // object name -> import paths
	pkgs    map[string]bool            // the import paths
	mu      sync.Mutex
	reaches map[string]bool // memo by import path: does a dependency reach pkgs?
	// loaded is the file set of the load the memo is for: import paths mean
	// other packages in another load (project mode loads module after
	// module in one process, and two modules may share a path).
	loaded *token.FileSet
	index  int // in sets, for UsesAnalyzer
	// results are types (by name, then import path) that a function of
	// another package returning one also counts as a use of the set.
	results map[string]map[string]bool
}

// NewAPISet builds the set from types.Func.FullName forms ("net/http.Serve",
// "(*net/http.Server).Close"); a field or type is written "importpath.Name".
func NewAPISet(fullNames ...string) *APISet {
	s := &APISet{paths: map[string]map[string]bool{}, pkgs: map[string]bool{}, reaches: map[string]bool{}}
	for _, f := range fullNames {
		pkg, name := splitQualified(qualifiedName(f))
		if s.paths[name] == nil {
			s.paths[name] = map[string]bool{}
		}
		s.paths[name][pkg] = true
		s.pkgs[pkg] = true
	}
	register(s)
	return s
}

// UsedIn is the fast path of a pass: false when the package cannot reach
// the set's packages through its imports (cheap, memoized), else whether it
// uses one of the objects.
func (s *APISet) UsedIn(pass *analysis.Pass) bool {
	if u, ok := pass.ResultOf[UsesAnalyzer].(*apiUses); ok && s.index < len(u.used) {
		return u.used[s.index]
	}
	return s.reachedFrom(pass) && s.UsedBy(pass.TypesInfo)
}

// reachedFrom reports whether the package is, or reaches through its
// imports, one of the set's packages.
func (s *APISet) reachedFrom(pass *analysis.Pass) bool {
	reach := s.pkgs[pass.Pkg.Path()]
	s.mu.Lock()
	if s.loaded != pass.Fset {
		clear(s.reaches)
		s.loaded = pass.Fset
	}
	for _, imp := range pass.Pkg.Imports() {
		if reach {
			break
		}
		reach = s.reachable(imp)
	}
	s.mu.Unlock()
	return reach
}

// reachable reports whether a dependency is, or transitively imports, one
// of the set's packages. The memo is keyed by path, not by *types.Package,
// so it keeps no package alive; the package under analysis (maybe a test
// variant) is never memoized. The caller holds s.mu.
func (s *APISet) reachable(pkg *types.Package) bool {
	if r, ok := s.reaches[pkg.Path()]; ok {
		return r
	}
	s.reaches[pkg.Path()] = false // re-entry ends here
	r := s.pkgs[pkg.Path()]
	for _, imp := range pkg.Imports() {
		if r {
			break
		}
		r = s.reachable(imp)
	}
	s.reaches[pkg.Path()] = r
	return r
}

// WithResults adds types ("net/http.Server") whose constructors count as
// uses: main may start a server another package built without naming its
// type. It returns s.
func (s *APISet) WithResults(typeNames ...string) *APISet {
	if s.results == nil {
		s.results = map[string]map[string]bool{}
	}
	for _, t := range typeNames {
		pkg, name := splitQualified(t)
		if s.results[name] == nil {
			s.results[name] = map[string]bool{}
		}
		s.results[name][pkg] = true
		s.reaches = map[string]bool{} // pkgs grows: forget the memo
		s.pkgs[pkg] = true
	}
	return s
}

// UsedBy reports whether the package uses any object of the set. It looks
// at the name first, so most uses cost one map lookup and no allocation.
func (s *APISet) UsedBy(info *types.Info) bool {
	for _, obj := range info.Uses {
		if s.uses(obj) {
			return true
		}
	}
	return false
}

// uses reports whether obj is an object of the set, or a function returning
// one of its result types.
func (s *APISet) uses(obj types.Object) bool {
	if obj.Pkg() == nil {
		return false
	}
	if paths, ok := s.paths[obj.Name()]; ok && paths[obj.Pkg().Path()] {
		return true
	}
	if s.results == nil {
		return false
	}
	fn, ok := obj.(*types.Func)
	if !ok || fn.Signature().Results().Len() == 0 {
		return false
	}
	n, ok := types.Unalias(Deref(fn.Signature().Results().At(0).Type())).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	paths, ok := s.results[n.Obj().Name()]
	return ok && paths[n.Obj().Pkg().Path()]
}

// MayName is a cheap filter before building a function's FullName.
func (s *APISet) MayName(name string) bool { return s.paths[name] != nil }

type finder struct {
	pass  *analysis.Pass
	eval  *eval.Evaluator
	byKey map[any]*Server // types.Object or ast.Node -> server
	res   *Result
}

// server returns the server for key, creating it.
func (f *finder) server(key any, fw *Framework, name string) *Server {
	if s, ok := f.byKey[key]; ok {
		return s
	}
	s := &Server{Framework: fw, Name: name}
	f.byKey[key] = s
	f.res.Servers = append(f.res.Servers, s)
	return s
}

func (f *finder) add(s *Server, st *Setting) {
	st.Server = s
	if st.Value != nil {
		st.Values = f.eval.Eval(st.Value)
	}
	s.Settings = append(s.Settings, st)
}

// literal handles http.Server{...}, fasthttp.Server{...}, fiber.Config{...}.
func (f *finder) literal(c cursor, lit *ast.CompositeLit) {
	sk, ok := structs[TypeKey(f.pass.TypesInfo.TypeOf(lit))]
	if !ok {
		return
	}
	s := f.server(f.literalKey(c, lit), sk.Timing, sk.Name)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if k, ok := sk.Fields[id.Name]; ok {
			f.add(s, &Setting{Knob: k, Field: id.Name, Node: kv, Value: kv.Value, Removable: kv})
		}
	}
}

// constructed handles a server that another package of the module builds
// from this call's arguments (srv := server.New(addr, 30*time.Second), New
// returning &http.Server{ReadTimeout: read}): each setting the arguments
// decide is a setting of this call. Settings the other package fixes by
// itself are judged there.
func (f *finder) constructed(c cursor, call *ast.CallExpr, fn *types.Func) {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return
	}
	sk, ok := structs[TypeKey(res.At(0).Type())]
	if !ok {
		return
	}
	var s *Server
	for _, field := range slices.Sorted(maps.Keys(sk.Fields)) {
		values, ok := f.eval.ArgumentField(call, field)
		if !ok {
			continue
		}
		if s == nil {
			s = f.server(f.literalKey(c, call), sk.Timing, sk.Name)
		}
		f.add(s, &Setting{Knob: sk.Fields[field], Field: field, Node: argumentOf(call, values), Values: values,
			Via: types.ExprString(call.Fun)})
	}
}

// argumentOf is the argument of call that a value comes from, to report
// there; the call when none is.
func argumentOf(call *ast.CallExpr, values []eval.Value) ast.Node {
	for _, v := range values {
		for _, arg := range call.Args {
			if arg.Pos() <= v.Pos && v.Pos < arg.End() {
				return arg
			}
		}
	}
	return call
}

// literalKey names the server a literal (or a constructor's call) configures:
// the variable or field it is stored in, so that later assignments to it join
// the same server.
func (f *finder) literalKey(c cursor, lit ast.Expr) any {
	var node ast.Node = lit
	p := c.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		node, p = u, p.Parent()
	}
	switch parent := p.Node().(type) {
	case *ast.AssignStmt:
		if len(parent.Lhs) == len(parent.Rhs) {
			for i, r := range parent.Rhs {
				if r == node {
					if k := f.exprKey(parent.Lhs[i]); k != nil {
						return k
					}
				}
			}
		}
	case *ast.ValueSpec:
		if len(parent.Names) == len(parent.Values) {
			for i, v := range parent.Values {
				if v == node {
					if obj := f.pass.TypesInfo.Defs[parent.Names[i]]; obj != nil {
						return obj
					}
				}
			}
		}
	case *ast.KeyValueExpr:
		if id, ok := parent.Key.(*ast.Ident); ok && parent.Value == node {
			if obj := f.pass.TypesInfo.Uses[id]; obj != nil {
				return obj // a struct field: &App{srv: &http.Server{...}}
			}
		}
	}
	return lit
}

// exprKey is the object an expression denotes: a variable, or the field of a
// selector (all values of a struct type share it: a deliberate simplification).
func (f *finder) exprKey(e ast.Expr) any {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := f.pass.TypesInfo.ObjectOf(e); obj != nil {
			return obj
		}
	case *ast.SelectorExpr:
		if sel := f.pass.TypesInfo.Selections[e]; sel != nil {
			return sel.Obj()
		}
		if obj := f.pass.TypesInfo.Uses[e.Sel]; obj != nil {
			return obj // pkg.Var
		}
	case *ast.StarExpr:
		return f.exprKey(e.X)
	}
	return nil
}

// assign handles srv.ReadTimeout = d, s.srv.IdleTimeout = d, e.Server.WriteTimeout = d.
func (f *finder) assign(c cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		selection := f.pass.TypesInfo.Selections[sel]
		if selection == nil || selection.Kind() != types.FieldVal {
			continue
		}
		sk, ok := structs[TypeKey(ownerOf(selection))]
		if !ok {
			continue
		}
		k, ok := sk.Fields[sel.Sel.Name]
		if !ok || f.ofTestServer(sel.X) {
			continue
		}
		var key any = f.exprKey(sel.X)
		if key == nil {
			key = sel.X
		}
		st := &Setting{Knob: k, Field: sel.Sel.Name, Node: as, Value: as.Rhs[i], block: enclosingBlock(c)}
		if len(as.Lhs) == 1 {
			st.Removable = as
		}
		f.add(f.server(key, sk.Timing, sk.Name), st)
	}
}

// ofTestServer reports whether e reaches a server through an httptest.Server
// (ts.Config.ReadTimeout = d): a test server, never the function's.
func (f *finder) ofTestServer(e ast.Expr) bool {
	for {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if s := f.pass.TypesInfo.Selections[sel]; s != nil && s.Obj().Pkg() != nil && s.Obj().Pkg().Path() == "net/http/httptest" {
			return true
		}
		e = sel.X
	}
}

// ownerOf is the struct type that declares the selected field (through
// embedding: type App struct{ *http.Server }; app.ReadTimeout = d).
func ownerOf(sel *types.Selection) types.Type {
	t := sel.Recv()
	idx := sel.Index()
	for _, i := range idx[:len(idx)-1] {
		st, ok := Deref(t).Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(i).Type()
	}
	return t
}

// call handles option functions, SetKeepAlivesEnabled, and framework starts.
func (f *finder) call(c cursor, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return
	}
	if fn.Pkg() != f.pass.Pkg {
		f.constructed(c, call, fn)
	}
	if !callNames[fn.Name()] {
		return
	}
	name := fn.FullName()
	if opt, ok := options[name]; ok && len(call.Args) > 0 {
		f.option(c, call, fn, opt)
		return
	}
	if st, ok := starts[name]; ok {
		f.start(c, call, st)
	}
	if r, ok := replacers[name]; ok && len(call.Args) > 0 && fn.Signature().Recv() != nil {
		f.replace(c, call, r)
	}
}

// replace handles s.SetConfig(ghttp.ServerConfig{...}): every knob of the
// struct is set, a field the literal leaves out to its zero value.
func (f *finder) replace(c cursor, call *ast.CallExpr, r frameworks.Replacer) {
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		return
	}
	s := f.receiverServer(call, r.Timing)
	if s == nil {
		return
	}
	// The statement holding the call (s.SetConfig(...), err := ...) runs
	// whenever its block does: it overrides the knobs set before it.
	block := enclosingBlock(c.Parent())
	given := map[string]*ast.KeyValueExpr{}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				given[id.Name] = kv
			}
		}
	}
	for _, field := range slices.Sorted(maps.Keys(r.Fields)) {
		k := r.Fields[field]
		if kv, ok := given[field]; ok {
			st := &Setting{Knob: k, Field: field, Node: kv, Value: kv.Value, block: block}
			if k.Timeout() {
				st.Removable = kv // left out, a timeout is 0: none; a switch would be off
			}
			f.add(s, st)
			continue
		}
		st := &Setting{Knob: k, Field: field, Node: call, block: block, Values: []eval.Value{{
			Const: constant.MakeInt64(0), Pos: call.Pos(), Kind: eval.KindDefault,
			Origin: fmt.Sprintf("the %s literal has no %s", r.Type, field),
		}}}
		if k == frameworks.KeepAlive {
			st.Values[0].Const = constant.MakeBool(false)
			st.Values[0].Origin += ": true"
			st.Fix = fmt.Sprintf("add %s: true to the %s literal: %s replaces the whole configuration, defaults included", field, r.Type, types.ExprString(call.Fun))
		}
		f.add(s, st)
	}
}

// receiverServer is the server a method call configures (s.SetReadTimeout,
// s.SetConfig): the one its receiver names; nil for a test server's or a
// call that is not a method call.
func (f *finder) receiverServer(call *ast.CallExpr, t *frameworks.Timing) *Server {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || f.ofTestServer(sel.X) {
		return nil
	}
	key := f.exprKey(sel.X)
	if key == nil {
		key = sel.X
	}
	name := "http.Server"
	if t.ServerName != "" {
		name = t.ServerName
	}
	return f.server(key, t, name)
}

func (f *finder) option(c cursor, call *ast.CallExpr, fn *types.Func, opt frameworks.Option) {
	st := &Setting{Knob: opt.Knob, Field: opt.Knob.String(), Node: call, Value: call.Args[0]}
	if fn.Signature().Recv() != nil {
		// A method: the knob belongs to the receiver's server.
		s := f.receiverServer(call, opt.Timing)
		if s == nil {
			return
		}
		if stmt, ok := c.Parent().Node().(*ast.ExprStmt); ok {
			st.Removable = stmt
			st.block = enclosingBlock(c.Parent())
		}
		f.add(s, st)
		return
	}
	// A functional option: it belongs to the start call it is passed to, or
	// stands alone (built into a slice, returned from a helper).
	var key any = call
	if outer, ok := c.Parent().Node().(*ast.CallExpr); ok && isStart(f.pass.TypesInfo, outer) {
		key = outer
	}
	f.add(f.server(key, opt.Timing, "hertz server"), st)
}

func isStart(info *types.Info, call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return false
	}
	_, ok = starts[fn.FullName()]
	return ok
}

func (f *finder) start(c cursor, call *ast.CallExpr, st frameworks.Start) {
	name := "hertz server"
	switch {
	case st.Name != "":
		name = st.Name
	case st.Timing == NetHTTP:
		name = "http.Server"
	}
	var s *Server
	switch {
	case st.JoinVariable:
		var key any = call
		if as, ok := c.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, r := range as.Rhs {
				if r == call {
					if k := f.exprKey(as.Lhs[i]); k != nil {
						key = k
					}
				}
			}
		}
		s = f.server(key, st.Timing, name)
	case st.Options:
		s = f.server(call, st.Timing, name)
		args, ok := f.eval.Args(call) // an option slice (Default(opts...)) is spread
		if !ok {
			s.Opaque = true
		}
		for _, arg := range args {
			if !f.isOptionFrom(arg.Expr, st.OptionPkg) {
				s.Opaque = true
				continue
			}
			f.join(s, ast.Unparen(arg.Expr))
		}
	case st.Hook != "":
		param, visible := f.hook(call, st.Hook)
		switch {
		case !visible:
			s = f.server(call, st.Timing, name)
			s.Opaque = true
		case param != nil:
			s = f.server(param, st.Timing, name) // joins the assignments in the hook
		default:
			s = f.server(call, st.Timing, name)
		}
	default:
		s = f.server(call, st.Timing, name)
	}
	s.Start, s.Defaults, s.DefaultsFrom, s.DefaultsFix = call, st.Defaults, st.From, st.Fix
	if st.FileSettings != nil {
		f.fileSettings(s, call, st)
	}
}

// isOptionFrom reports whether arg is a direct call to a function of pkg
// (whose options fclint knows: those not in the table set no timeout).
// join makes the settings of an option built into a slice (found before or
// after the start call) settings of the server started with the slice.
func (f *finder) join(s *Server, option ast.Expr) {
	if alone, ok := f.byKey[option]; ok && alone != s {
		for _, st := range alone.Settings {
			st.Server = s
			s.Settings = append(s.Settings, st)
		}
		f.res.Servers = slices.DeleteFunc(f.res.Servers, func(x *Server) bool { return x == alone })
	}
	f.byKey[option] = s
}

func (f *finder) isOptionFrom(arg ast.Expr, pkg string) bool {
	call, ok := ast.Unparen(arg).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == pkg
}

// hook finds the hook field (BeforeServeFunc) of a start call's receiver. It
// returns the hook's *http.Server parameter when the hook is a function
// fclint can read, visible=false when the hook may be set but cannot be
// read, and (nil, true) when there is no hook.
func (f *finder) hook(call *ast.CallExpr, field string) (param types.Object, visible bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	lit := f.literalOf(sel.X)
	if lit == nil {
		return nil, false
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && f.fieldAssigned(f.pass.TypesInfo.ObjectOf(id), field) {
		return nil, false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != field {
			continue
		}
		ft := f.funcType(kv.Value)
		if ft == nil || ft.Params == nil || len(ft.Params.List) != 1 || len(ft.Params.List[0].Names) != 1 {
			return nil, false
		}
		obj := f.pass.TypesInfo.Defs[ft.Params.List[0].Names[0]]
		if obj == nil {
			return nil, false
		}
		return obj, true
	}
	return nil, true
}

// literalOf finds the composite literal an expression is: the literal
// itself, or the initializer of a local variable.
func (f *finder) literalOf(e ast.Expr) *ast.CompositeLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.literalOf(e.X)
		}
	case *ast.Ident:
		obj := f.pass.TypesInfo.ObjectOf(e)
		if obj == nil {
			return nil
		}
		if init := f.initializer(obj); init != nil && init != e {
			if _, isIdent := ast.Unparen(init).(*ast.Ident); !isIdent {
				return f.literalOf(init) // x := &T{...}; not x := y: no chains
			}
		}
	}
	return nil
}

// initializer finds the expression a variable is declared with (x := e, var x = e).
func (f *finder) initializer(obj types.Object) ast.Expr {
	for _, file := range f.pass.Files {
		if file.FileStart > obj.Pos() || obj.Pos() > file.FileEnd {
			continue
		}
		var init ast.Expr
		ast.Inspect(file, func(n ast.Node) bool {
			if init != nil {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok && f.pass.TypesInfo.Defs[id] == obj {
							init = n.Rhs[i]
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						if f.pass.TypesInfo.Defs[id] == obj {
							init = n.Values[i]
						}
					}
				}
			}
			return init == nil
		})
		return init
	}
	return nil
}

// fieldAssigned reports whether obj.field is assigned anywhere in the package.
func (f *finder) fieldAssigned(obj types.Object, field string) bool {
	if obj == nil {
		return false
	}
	found := false
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || found {
				return !found
			}
			for _, l := range as.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == field {
					if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && f.pass.TypesInfo.ObjectOf(id) == obj {
						found = true
					}
				}
			}
			return true
		})
	}
	return found
}

// funcType returns the signature syntax of a function literal, or of a
// function declared in this package and named by e.
func (f *finder) funcType(e ast.Expr) *ast.FuncType {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return e.Type
	case *ast.Ident:
		fn, ok := f.pass.TypesInfo.Uses[e].(*types.Func)
		if !ok || fn.Pkg() != f.pass.Pkg {
			return nil
		}
		for _, file := range f.pass.Files {
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && f.pass.TypesInfo.Defs[fd.Name] == fn {
					return fd.Type
				}
			}
		}
	}
	return nil
}

// markOverrides marks settings replaced by a later assignment of the same
// knob that runs whenever the earlier one did (it sits in a block enclosing it).
func markOverrides(s *Server) {
	for i, a := range s.Settings {
		for _, b := range s.Settings[i+1:] {
			if b.Knob != a.Knob || b.block == nil || b.Node.Pos() <= a.Node.Pos() {
				continue
			}
			if b.block.Pos() <= a.Node.Pos() && a.Node.End() <= b.block.End() {
				a.Overridden = true
				break
			}
		}
	}
}

// cursor is a node of the finder's walk with its ancestors: the part of an
// inspector.Cursor the finder needs, valid only during the visit.
type cursor struct{ path []ast.Node }

// Node is the node; nil above the file.
func (c cursor) Node() ast.Node {
	if len(c.path) == 0 {
		return nil
	}
	return c.path[len(c.path)-1]
}

// Parent is the node's parent.
func (c cursor) Parent() cursor {
	if len(c.path) == 0 {
		return c
	}
	return cursor{c.path[:len(c.path)-1]}
}

// enclosingBlock is the statement list holding the statement at c.
func enclosingBlock(c cursor) ast.Node {
	switch n := c.Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return n
	}
	return nil
}

// TypeKey is "importpath.Name" of a named type (through one pointer); "" for
// any other type.
func TypeKey(t types.Type) string {
	if t == nil {
		return ""
	}
	n, ok := types.Unalias(Deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// Deref is the element type of a pointer type, else t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// Format writes a duration the way people write it: 30s, 3m, 1h30m, 500ms.
func Format(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
