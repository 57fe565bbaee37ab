// Package listen finds where a package starts servers and the addresses each
// can listen on. It is an analyzer whose result FC101–FC103 share: the server
// entry points are data (apis.go), values come from the shared evaluator.
package listen

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/model"
	"github.com/fclint/fclint/analyzers/serverconf"
)

// Analyzer computes the package's listen sites once for every rule.
var Analyzer = &analysis.Analyzer{
	Name:       "fclintlisten",
	Doc:        "find where the package starts servers and the addresses they can listen on; reports nothing",
	Requires:   []*analysis.Analyzer{fcconfig.Analyzer, model.Analyzer, serverconf.UsesAnalyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{new(Wrapper)},
}

// Wrapper is the fact of an exported function of the module that starts a
// server on an address its caller gives (a parameter, or a field its
// constructor's parameter set): the call of the function is the listen site,
// judged in the calling package with the caller's arguments.
type Wrapper struct{ Starts []Start }

// Start is one server start inside a wrapper.
type Start struct {
	API   string // the registry entry's types.Func.FullName
	At    string // where the start call is written ("server/server.go:31")
	Addrs []eval.FactValue
}

// AFact marks Wrapper as an analysis fact.
func (*Wrapper) AFact() {}

func (w *Wrapper) String() string { return fmt.Sprintf("wrapper(%d starts)", len(w.Starts)) }

// Site is one call that starts a server.
type Site struct {
	Call      *ast.CallExpr
	API       string // types.Func.FullName of the callee
	Framework string // the registry's name: "net/http", "gin", "echo v5", ...
	Addrs     []Addr // every address the server can listen on, one per visible path
	// Via is where another package's function, called here, starts the
	// server ("server/server.go:31"); "" when Call starts it itself.
	Via string
}

// StartedIn is the message's note on a wrapper's site: "; the call starts
// it in server/server.go:31"; "" for a direct start.
func (s *Site) StartedIn() string {
	if s.Via == "" {
		return ""
	}
	return fmt.Sprintf("; the call starts it in %s", s.Via)
}

// ReadsCAPort reports whether some address of the site takes its port from
// FC_CUSTOM_LISTEN_PORT or FC_SERVER_PORT, directly or through any helper.
// FC always sets both, so the site's other ports are fallbacks (or a local
// run's choices) that FC never uses: the site is on the CAPort, whatever
// the CAPort is.
func (s *Site) ReadsCAPort() bool {
	for _, a := range s.Addrs {
		if a.Port.CAPort {
			return true
		}
	}
	return false
}

// Result is the listen sites of a package. A package is "the program" for
// cross-site judgments (a side server beside a CAPort server): the analyzers
// see one package at a time, and for a main package that is the program.
type Result struct {
	Sites []*Site
	Eval  *eval.Evaluator // nil when the package starts no server
}

// wrappers finds the Wrapper facts of other packages' functions, once per
// function (a lookup: most packages call no wrapper).
type wrappers struct {
	pass *analysis.Pass
	memo map[*types.Func]*Wrapper
}

// of returns the Wrapper fact of fn, a function of another package; nil
// without one.
func (ws wrappers) of(fn *types.Func) *Wrapper {
	if fn.Pkg() == nil || fn.Pkg() == ws.pass.Pkg || !fn.Exported() {
		return nil
	}
	fn = fn.Origin()
	if w, ok := ws.memo[fn]; ok {
		return w
	}
	w := new(Wrapper)
	if !ws.pass.ImportObjectFact(fn, w) {
		w = nil
	}
	ws.memo[fn] = w
	return w
}

// used reports whether the package calls a function with a Wrapper fact.
func (ws wrappers) used() bool {
	for _, obj := range ws.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && ws.of(fn) != nil {
			return true
		}
	}
	return false
}

// ServesCAPort reports whether a site other than except can listen on the
// CAPort on a non-loopback address.
func (r *Result) ServesCAPort(except *Site, caport int) bool {
	for _, s := range r.Sites {
		if s == except {
			continue
		}
		for _, a := range s.Addrs {
			if a.IsCAPort(caport) && !a.Loopback() {
				return true
			}
		}
	}
	return false
}

// HasPublicServer reports whether a site other than except can listen on an
// address that is not surely loopback (all interfaces, or a host from the
// environment).
func (r *Result) HasPublicServer(except *Site) bool {
	for _, s := range r.Sites {
		if s == except {
			continue
		}
		for _, a := range s.Addrs {
			if !a.Loopback() {
				return true
			}
		}
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{}
	if pass.TypesInfo == nil || len(pass.Files) == 0 {
		// A dependency loaded from export data, which a driver may hand a
		// fact-using analyzer: nothing to find, no facts to give.
		return res, nil
	}
	known := wrappers{pass: pass, memo: map[*types.Func]*Wrapper{}}
	if !known.used() && !importsServer(pass) {
		return res, nil // fast path: most packages start no server
	}
	ev := eval.New(pass)
	var facts *eval.Evaluator // parameters as symbols, for Wrapper facts
	if eval.Summarizes(pass) {
		facts = ev.ForFacts()
	}
	own := map[*types.Func]*Wrapper{}
	var funcs map[string]*types.Func
	tests := fcconfig.Of(pass).Tests
	for _, f := range pass.Files {
		if !tests && strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			continue // test servers are not the function's servers
		}
		for _, d := range f.Decls {
			decl, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				fn := ev.Callee(call)
				if fn == nil {
					return true
				}
				var starts []Start
				if a, ok := apiOf(fn); ok {
					if several, ok := severalSites(ev, pass, call, fn.FullName(), a); ok {
						res.Sites = append(res.Sites, several...)
					} else if site := find(ev, pass, call, fn.FullName(), a); site != nil {
						if facts != nil {
							if vs, ok := siteValues(facts, pass, call, a); ok && eval.HasParam(vs) {
								starts = []Start{{API: fn.FullName(), At: facts.Origin(call.Pos()), Addrs: facts.Export(vs)}}
							}
						}
						if starts == nil {
							res.Sites = append(res.Sites, site)
						}
					}
				} else if w := known.of(fn); w != nil {
					if facts != nil {
						for _, st := range w.Starts {
							if vs := facts.Instantiate(call, fn, st.Addrs); eval.HasParam(vs) {
								starts = append(starts, Start{API: st.API, At: st.At, Addrs: facts.Export(vs)})
							}
						}
					}
					if starts == nil {
						res.Sites = append(res.Sites, wrapperSites(ev, call, fn, w)...)
					}
				}
				// A start whose address another package's caller decides is
				// that caller's to judge. The wrapper is the exported function
				// that makes the start call (a.Run(), with the host New was
				// given); in an unexported helper, each exported function
				// whose parameter the address holds.
				for _, st := range starts {
					if wfn := exportedDecl(pass, decl); wfn != nil {
						if own[wfn] == nil {
							own[wfn] = &Wrapper{}
						}
						own[wfn].Starts = append(own[wfn].Starts, st)
						continue
					}
					for _, key := range eval.ParamFuncs(st.Addrs) {
						if funcs == nil {
							funcs = exportedFuncs(pass)
						}
						if wfn := funcs[key]; wfn != nil {
							if own[wfn] == nil {
								own[wfn] = &Wrapper{}
							}
							own[wfn].Starts = append(own[wfn].Starts, st)
						}
					}
				}
				return true
			})
		}
	}
	for fn, w := range own {
		pass.ExportObjectFact(fn, w)
	}
	res.Sites = reachableSites(pass, ev, res.Sites)
	if len(res.Sites) > 0 {
		res.Eval = ev
	}
	return res, nil
}

// apiOf returns the registry entry of a server entry point; the bare name
// is checked first, since FullName allocates.
func apiOf(fn *types.Func) (api, bool) {
	if !apiNames[fn.Name()] {
		return api{}, false
	}
	a, ok := apis[fn.FullName()]
	return a, ok && a.How != frameworks.NotASite
}

// exportedDecl is the function decl declares when code outside the package
// can call it, else nil.
func exportedDecl(pass *analysis.Pass, decl *ast.FuncDecl) *types.Func {
	if decl == nil || !decl.Name.IsExported() {
		return nil
	}
	fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	return fn
}

// exportedFuncs are the package's functions by eval.FuncKey.
func exportedFuncs(pass *analysis.Pass) map[string]*types.Func {
	out := map[string]*types.Func{}
	for id, obj := range pass.TypesInfo.Defs {
		if fn, ok := obj.(*types.Func); ok && id.IsExported() {
			out[eval.FuncKey(fn)] = fn
		}
	}
	return out
}

// wrapperSites are the listen sites of a call of another package's wrapper:
// the wrapper's starts with this call's arguments.
func wrapperSites(ev *eval.Evaluator, call *ast.CallExpr, fn *types.Func, w *Wrapper) []*Site {
	var out []*Site
	for _, st := range w.Starts {
		a, ok := apis[st.API]
		if !ok {
			continue
		}
		site := &Site{Call: call, API: st.API, Framework: a.Framework.Name, Via: st.At}
		for _, v := range ev.Instantiate(call, fn, st.Addrs) {
			site.Addrs = append(site.Addrs, addrOf(v, a, call.Pos()))
		}
		out = append(out, site)
	}
	return out
}

// reachableSites drops the sites that the package's entry points cannot
// reach while some site can: a server in a helper nothing calls is not the
// function's server. The entry points are main and init, every method (an
// interface may call it), every function used as a value (a handler, a
// callback) and, outside package main, every exported function (an importer
// may call it); reachable is whatever they call in the package. Closures
// belong to their function.
func reachableSites(pass *analysis.Pass, ev *eval.Evaluator, sites []*Site) []*Site {
	if len(sites) == 0 {
		return sites
	}
	library := pass.Pkg.Name() != "main"
	decls := map[*types.Func]*ast.FuncDecl{}
	var roots []*types.Func
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			decls[fn] = fd
			if fd.Recv != nil || fd.Name.Name == "main" || fd.Name.Name == "init" || library && fd.Name.IsExported() {
				roots = append(roots, fn)
			}
		}
	}
	called := map[*ast.Ident]bool{}
	for _, fd := range decls {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if ev.Callee(call) != nil {
					switch f := ast.Unparen(call.Fun).(type) {
					case *ast.Ident:
						called[f] = true
					case *ast.SelectorExpr:
						called[f.Sel] = true
					}
				}
			}
			return true
		})
	}
	// A function named anywhere but in call position is used as a value.
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && decls[fn.Origin()] != nil && !called[id] {
			roots = append(roots, fn.Origin())
		}
	}
	reached := map[*types.Func]bool{}
	var visit func(fn *types.Func)
	visit = func(fn *types.Func) {
		if reached[fn] {
			return
		}
		reached[fn] = true
		ast.Inspect(decls[fn].Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if callee := ev.Callee(call); callee != nil && decls[callee.Origin()] != nil {
					visit(callee.Origin())
				}
			}
			return true
		})
	}
	for _, fn := range roots {
		visit(fn)
	}
	inReached := func(s *Site) bool {
		for fn, fd := range decls {
			if fd.Pos() <= s.Call.Pos() && s.Call.End() <= fd.End() {
				return reached[fn]
			}
		}
		return true // outside any function (a package variable's initializer)
	}
	var kept []*Site
	for _, s := range sites {
		if inReached(s) {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return sites // no site is reachable: judge them all rather than none
	}
	return kept
}

// importsServer is the fast path: the package must reach a server package
// through its imports (directly or not: main may start a gin engine that
// another package built, without importing gin) and use one of its entry points.
func importsServer(pass *analysis.Pass) bool { return serverAPI.UsedIn(pass) }

// find builds the site for a call to a server API, or nil when the call is
// not one (a unix socket, a network that cannot be known).
func find(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, name string, a api) *Site {
	values, ok := siteValues(ev, pass, call, a)
	if !ok {
		return nil
	}
	site := &Site{Call: call, API: name, Framework: a.Framework.Name}
	for _, v := range values {
		site.Addrs = append(site.Addrs, addrOf(v, a, call.Pos()))
	}
	return site
}

// siteValues evaluates the address a call to a server API listens on; ok is
// false when the call is not one.
func siteValues(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, a api) (values []eval.Value, ok bool) {
	args := call.Args
	switch a.How {
	case frameworks.FromArg:
		values = arg(ev, call, a.Arg)
	case frameworks.FromNetArgs:
		if a.Arg >= len(args) || !tcpOnly(ev.Eval(args[a.Arg-1])) {
			return nil, false
		}
		values = arg(ev, call, a.Arg)
	case frameworks.FromRecvField:
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		values = ev.Field(sel.X, a.Field)
	case frameworks.FromArgField:
		if a.Arg >= len(args) {
			return nil, false
		}
		values = ev.Field(args[a.Arg], a.Field)
	case frameworks.FromVariadic:
		switch {
		case call.Ellipsis.IsValid():
			values = []eval.Value{{Pos: call.Pos()}}
		case a.Arg < len(args):
			values = ev.Eval(args[a.Arg])
		default:
			values = []eval.Value{variadicDefault(ev, pass, call, a)}
		}
	case frameworks.FromOptions:
		values = optionAddrs(ev, call, a)
	case frameworks.FromOwnOptions:
		values = ownOptionAddrs(ev, call, a)
	case frameworks.FromHostPort:
		if a.Arg >= len(args) {
			return nil, false
		}
		values = hostPortAddrs(ev, args[a.Arg], a)
	case frameworks.FixedAddr:
		values = []eval.Value{eval.TextValue(a.Default, eval.KindDefault, call.Pos(), a.DefaultWhy)}
	case frameworks.FromMapKey:
		if values, ok = mapKeyAddrs(ev, pass, call, a); !ok {
			return nil, false
		}
	case frameworks.FromTCPAddr:
		if a.Arg >= len(args) || !tcpOnly(ev.Eval(args[0])) {
			return nil, false
		}
		values = tcpAddrs(ev, args[a.Arg])
	}
	return values, true
}

func arg(ev *eval.Evaluator, call *ast.CallExpr, i int) []eval.Value {
	if i >= len(call.Args) {
		return nil
	}
	return ev.Eval(call.Args[i])
}

// addrOf parses a value into an address, applying the API's meaning of an
// empty address and carrying a default's explanation.
func addrOf(v eval.Value, a api, pos token.Pos) Addr {
	why := ""
	if v.Kind == eval.KindDefault {
		why = v.Origin
	}
	if v.Const != nil && v.Const.Kind() == constant.String && constant.StringVal(v.Const) == "" {
		if a.EmptyAddr == "" {
			return Addr{Value: v}
		}
		p := v.Pos
		if !p.IsValid() {
			p = pos
		}
		w := eval.TextValue(a.EmptyAddr, eval.KindDefault, p, a.EmptyWhy)
		w.Fallback = v.Fallback
		addr := parseAddr(w)
		addr.Default = a.EmptyWhy
		return addr
	}
	addr := parseAddr(v)
	addr.Default = why
	return addr
}

// tcpOnly reports whether every value of a network argument is a TCP network.
func tcpOnly(vs []eval.Value) bool {
	for _, v := range vs {
		if v.Const == nil || v.Const.Kind() != constant.String || !tcpNetworks[constant.StringVal(v.Const)] {
			return false
		}
	}
	return len(vs) > 0
}

// variadicDefault is gin's Run() without an address: ":"+$PORT when the
// configuration sets PORT (FC does not), else ":8080".
func variadicDefault(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, a api) eval.Value {
	fn := fcconfig.Of(pass).Function
	if a.FromFile != nil {
		if v, ok := fileDefault(ev, pass, call, a); ok {
			return v
		}
	}
	if a.Env != "" && fn.EnvUnknown[a.Env] {
		return eval.Value{Pos: call.Pos()}
	}
	if a.Env != "" {
		if _, ok := fn.Env[a.Env]; ok {
			env := ev.LookupEnvValue(a.Env, call.Pos())
			v := eval.TextValue(":", eval.KindDefault, call.Pos(), "")
			v.Parts = append(v.Parts, env.Str()...)
			v.Const = constant.MakeString(":" + constant.StringVal(env.Const))
			v.Origin = "$" + a.Env
			return v
		}
	}
	return eval.TextValue(a.Default, eval.KindDefault, call.Pos(), a.DefaultWhy)
}

// fileDefault is the address a framework reads from its configuration file
// when the start call has none (beego's conf/app.conf), as found in the
// folder of the package: on FC the working directory is the code root, where
// the main package is.
func fileDefault(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, a api) (eval.Value, bool) {
	if len(pass.Files) == 0 {
		return eval.Value{}, false
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	fn := fcconfig.Of(pass).Function
	env := func(name string) (string, bool) {
		if fn == nil || fn.EnvUnknown[name] {
			return "", false
		}
		v, ok := fn.Env[name]
		return v, ok
	}
	fa, ok := a.FromFile(dir, env)
	if !ok {
		return eval.Value{}, false
	}
	host := eval.TextValue(fa.Host+":", eval.KindDefault, call.Pos(), fa.Why)
	ports := []eval.Value{eval.TextValue(fa.Port, eval.KindDefault, call.Pos(), fa.Why)}
	if fa.PortEnv != "" {
		read := ev.LookupEnvValue(fa.PortEnv, call.Pos())
		if read.IsCAPort() {
			ports = []eval.Value{read}
		} else if read.Const == nil || constant.StringVal(read.Const) != "" {
			return eval.Value{Pos: call.Pos()}, true // set at run time: unknown
		} else {
			ports[0].Fallback = fa.PortEnv + " is unset"
		}
	}
	v := host
	v.Parts = append(append([]eval.Part(nil), host.Parts...), ports[0].Str()...)
	v.Const = nil
	if ports[0].Const != nil {
		v.Const = constant.MakeString(fa.Host + ":" + constant.StringVal(ports[0].Const))
	}
	v.Fallback = ports[0].Fallback
	return v, true
}

// optionAddrs finds the address option (hertz's server.WithHostPorts) of the
// constructor call (server.Default/New) that built the receiver of the start
// call (Spin/Run).
func optionAddrs(ev *eval.Evaluator, call *ast.CallExpr, a api) []eval.Value {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	var out []eval.Value
	for _, src := range ev.Sources(sel.X) {
		ctor, ok := src.(*ast.CallExpr)
		if !ok {
			out = append(out, eval.Value{Pos: call.Pos()})
			continue
		}
		fn := ev.Callee(ctor)
		if fn == nil || !slices.Contains(a.Constructors, fn.FullName()) || ctor.Ellipsis.IsValid() {
			out = append(out, eval.Value{Pos: call.Pos()})
			continue
		}
		found := false
		for _, opt := range ctor.Args {
			oc, ok := ast.Unparen(opt).(*ast.CallExpr)
			if !ok {
				continue // an option from a variable: not followed
			}
			if f := ev.Callee(oc); f != nil && f.FullName() == a.AddrOption && len(oc.Args) == 1 {
				out = append(out, ev.Eval(oc.Args[0])...)
				found = true
			}
		}
		if !found {
			if onlyCalls(ctor.Args) {
				out = append(out, eval.TextValue(a.Default, eval.KindDefault, ctor.Pos(), a.DefaultWhy))
			} else {
				out = append(out, eval.Value{Pos: call.Pos()})
			}
		}
	}
	return out
}

// ownOptionAddrs finds the address option among a constructor's own
// arguments (Kratos's http.NewServer(http.Address(a))); without one, and
// with only option calls to look at, the address is the default.
func ownOptionAddrs(ev *eval.Evaluator, call *ast.CallExpr, a api) []eval.Value {
	args, ok := ev.Args(call) // an option slice (NewServer(opts...)) is spread
	if !ok {
		return []eval.Value{{Pos: call.Pos()}}
	}
	var out []eval.Value
	maybe, opaque := false, false
	for _, opt := range args {
		oc, ok := ast.Unparen(opt.Expr).(*ast.CallExpr)
		if !ok {
			opaque = true // an option held in a variable: not followed
			continue
		}
		if f := ev.Callee(oc); f != nil && f.FullName() == a.AddrOption && len(oc.Args) == 1 {
			out = append(out, ev.Eval(oc.Args[0])...)
			maybe = maybe || opt.Maybe
		}
	}
	switch {
	case len(out) > 0 && maybe:
		// An address appended only in a branch (if c.Addr != "" {...}):
		// without it the default applies, under a condition not followed.
		return append(out, eval.Value{Pos: call.Pos()})
	case len(out) > 0:
		return out
	case !opaque:
		return []eval.Value{eval.TextValue(a.Default, eval.KindDefault, call.Pos(), a.DefaultWhy)}
	}
	return []eval.Value{{Pos: call.Pos()}}
}

// hostPortAddrs evaluates a configuration struct's host and integer port
// fields as "host:port" values (go-zero's RestConf: fmt.Sprintf("%s:%d")).
func hostPortAddrs(ev *eval.Evaluator, x ast.Expr, a api) []eval.Value {
	var out []eval.Value
	for _, host := range ev.Field(x, a.Field) {
		if host.Kind == eval.KindZero && host.Const == nil {
			host = eval.TextValue("", eval.KindZero, host.Pos, "")
		}
		for _, port := range ev.Field(x, a.PortField) {
			parts := append(append(append([]eval.Part(nil), host.Str()...), eval.Part{Text: ":", Pos: x.Pos()}), port.Str()...)
			out = append(out, eval.Value{Parts: parts, Pos: x.Pos(), Kind: host.Kind})
		}
	}
	return out
}

func onlyCalls(args []ast.Expr) bool {
	for _, a := range args {
		if _, ok := ast.Unparen(a).(*ast.CallExpr); !ok {
			return false
		}
	}
	return true
}

// tcpAddrs evaluates a *net.TCPAddr argument as "IP:Port" values.
func tcpAddrs(ev *eval.Evaluator, x ast.Expr) []eval.Value {
	ips := ev.Field(x, "IP")
	ports := ev.Field(x, "Port")
	var out []eval.Value
	for _, ip := range ips {
		host := ip
		if ip.Kind == eval.KindZero && ip.Const == nil {
			host = eval.TextValue("", eval.KindZero, ip.Pos, "") // nil IP: all interfaces
		}
		hostParts := host.Str()
		if host.Const != nil && containsColon(host) {
			hostParts = append(append([]eval.Part{{Text: "["}}, hostParts...), eval.Part{Text: "]"})
		}
		for _, port := range ports {
			parts := append(append(append([]eval.Part(nil), hostParts...), eval.Part{Text: ":", Pos: x.Pos()}), port.Str()...)
			v := eval.Value{Parts: parts, Pos: x.Pos(), Kind: host.Kind}
			out = append(out, v)
		}
	}
	return out
}

func containsColon(v eval.Value) bool {
	if v.Const == nil || v.Const.Kind() != constant.String {
		return false
	}
	s := constant.StringVal(v.Const)
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return true
		}
	}
	return false
}
