package listen

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/serverconf"
)

// severalSites builds the sites of a call that can start servers on several
// addresses at once (GoFrame's SetPort(8000, 9000), or Run with
// "address: :8000,:9000" in config.yaml): one site per address, so a server
// on the CAPort beside them is seen as such. handled is false for the other
// entry points; a nil result with handled true means the call starts none.
func severalSites(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, name string, a api) (sites []*Site, handled bool) {
	var groups [][]eval.Value
	switch a.How {
	case frameworks.FromPorts:
		groups = portGroups(ev, call, a)
	case frameworks.FromBuilt:
		groups = builtGroups(ev, pass, call, a)
	default:
		return nil, false
	}
	for _, g := range groups {
		site := &Site{Call: call, API: name, Framework: a.Framework.Name}
		for _, v := range g {
			site.Addrs = append(site.Addrs, addrOf(v, a, call.Pos()))
		}
		sites = append(sites, site)
	}
	return sites, true
}

// portGroups are SetPort's ports: ":"+port for each argument, each its own
// server; a spread slice is one unknown address; no argument changes nothing.
func portGroups(ev *eval.Evaluator, call *ast.CallExpr, a api) [][]eval.Value {
	if call.Ellipsis.IsValid() {
		return [][]eval.Value{{{Pos: call.Pos()}}}
	}
	var out [][]eval.Value
	for _, arg := range call.Args[min(a.Arg, len(call.Args)):] {
		var g []eval.Value
		for _, v := range ev.Eval(arg) {
			parts := append([]eval.Part{{Text: ":", Kind: eval.KindLiteral, Pos: arg.Pos()}}, v.Str()...)
			g = append(g, eval.Value{Parts: parts, Pos: v.Pos, Kind: v.Kind, Origin: v.Origin, Env: v.Env, Fallback: v.Fallback})
		}
		out = append(out, g)
	}
	return out
}

// builtGroups are the addresses a start method (GoFrame's Run) serves when
// the package sets none: the configuration file's for a server its
// constructor reads it for, else the default. Nil when the package calls an
// address setter (those calls are the sites); unknown when the server is
// handed to code of another package that may set it.
func builtGroups(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, a api) [][]eval.Value {
	if setsAddress(ev, pass, a) {
		return nil
	}
	unknown := [][]eval.Value{{{Pos: call.Pos()}}}
	if handedOut(ev, pass, call) {
		return unknown
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return unknown
	}
	var groups [][]eval.Value
	for _, src := range ev.Sources(sel.X) {
		ctor, ok := src.(*ast.CallExpr)
		var fn *types.Func
		if ok {
			fn = ev.Callee(ctor)
		}
		if fn == nil || !slices.Contains(a.Constructors, fn.FullName()) {
			groups = append(groups, []eval.Value{{Pos: call.Pos()}})
			continue
		}
		groups = append(groups, builtAddrs(pass, ctor, fn.FullName(), a))
	}
	if len(groups) == 1 {
		var each [][]eval.Value // each address its own server
		for _, v := range groups[0] {
			each = append(each, []eval.Value{v})
		}
		return each
	}
	var alts []eval.Value // several constructions: one server, any of them
	for _, g := range groups {
		alts = append(alts, g...)
	}
	return [][]eval.Value{alts}
}

// builtAddrs are the addresses of a server built by ctor.
func builtAddrs(pass *analysis.Pass, ctor *ast.CallExpr, name string, a api) []eval.Value {
	def := []eval.Value{eval.TextValue(a.Default, eval.KindDefault, ctor.Pos(), a.DefaultWhy)}
	if a.BuiltFile == nil || !slices.Contains(a.FileConstructors, name) {
		return def
	}
	dirs, env := serverconf.ConfigSearch(pass)
	instance, ok := serverconf.ConstName(pass, ctor)
	if !ok {
		if _, found := a.BuiltFile("", dirs, env); found {
			return []eval.Value{{Pos: ctor.Pos()}} // which node applies is unknown
		}
		return def
	}
	fas, found := a.BuiltFile(instance, dirs, env)
	switch {
	case !found:
		def[0] = eval.TextValue(a.Default, eval.KindDefault, ctor.Pos(), a.DefaultWhy+
			", and there is no configuration file (config.yaml, .yml, .json, .toml, ... in the working directory, config/ or manifest/config/)")
		return def
	case fas == nil:
		return []eval.Value{{Pos: ctor.Pos()}}
	}
	var out []eval.Value
	for _, fa := range fas {
		out = append(out, eval.TextValue(fa.Host+":"+fa.Port, eval.KindDefault, ctor.Pos(), fa.Why))
	}
	return out
}

// setsAddress reports whether the package calls one of a's address setters
// (a SetConfigWithMap literal without an address key, or SetPort without a
// port, sets none).
func setsAddress(ev *eval.Evaluator, pass *analysis.Pass, a api) bool {
	return anyCall(pass, func(call *ast.CallExpr) bool {
		fn := ev.Callee(call)
		if fn == nil || !slices.Contains(a.Setters, fn.FullName()) {
			return false
		}
		if s, ok := apis[fn.FullName()]; ok {
			switch {
			case s.How == frameworks.FromPorts && len(call.Args) == 0:
				return false
			case s.How == frameworks.FromMapKey && !call.Ellipsis.IsValid():
				if _, ok := mapKeyAddrs(ev, pass, call, s); !ok {
					return false
				}
			}
		}
		return true
	})
}

// anyCall reports whether some call of the package satisfies match; the
// walk stops at the first.
func anyCall(pass *analysis.Pass, match func(*ast.CallExpr) bool) bool {
	found := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !found {
				found = match(call)
			}
			return !found
		})
	}
	return found
}

// handedOut reports whether the package passes a value of the start call's
// receiver type to a function of another package, other than the
// framework's own, which may set its address.
func handedOut(ev *eval.Evaluator, pass *analysis.Pass, start *ast.CallExpr) bool {
	sel, ok := ast.Unparen(start.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	recv := pass.TypesInfo.TypeOf(sel.X)
	if recv == nil {
		return false
	}
	fw := "" // the framework's repository: github.com/gogf/gf
	if n, ok := types.Unalias(serverconf.Deref(recv)).(*types.Named); ok && n.Obj().Pkg() != nil {
		if parts := strings.SplitN(n.Obj().Pkg().Path(), "/", 4); len(parts) >= 3 {
			fw = strings.Join(parts[:3], "/") + "/"
		}
	}
	return anyCall(pass, func(call *ast.CallExpr) bool {
		fn := ev.Callee(call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == pass.Pkg || fw != "" && strings.HasPrefix(fn.Pkg().Path(), fw) {
			return false
		}
		for _, arg := range call.Args {
			if t := pass.TypesInfo.TypeOf(arg); t != nil && types.Identical(t, recv) {
				return true
			}
		}
		return false
	})
}

// mapKeyAddrs is the address a map literal argument sets (GoFrame's
// SetConfigWithMap(g.Map{"address": a})): the key a.Field matched without
// case or symbols; a number or text without a colon is a port (SetConfig
// prefixes ":"). ok is false when the literal has no such key; an argument
// that is not a literal is unknown.
func mapKeyAddrs(ev *eval.Evaluator, pass *analysis.Pass, call *ast.CallExpr, a api) (values []eval.Value, ok bool) {
	if a.Arg >= len(call.Args) || call.Ellipsis.IsValid() {
		return []eval.Value{{Pos: call.Pos()}}, true
	}
	lit, isLit := ast.Unparen(call.Args[a.Arg]).(*ast.CompositeLit)
	if !isLit {
		return []eval.Value{{Pos: call.Pos()}}, true
	}
	var val ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		tv := pass.TypesInfo.Types[kv.Key]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return []eval.Value{{Pos: call.Pos()}}, true // a key fclint cannot read
		}
		if strings.EqualFold(symbolless(constant.StringVal(tv.Value)), symbolless(a.Field)) && val == nil {
			val = kv.Value
		}
	}
	if val == nil {
		return nil, false
	}
	for _, v := range ev.Eval(val) {
		switch {
		case v.Const != nil && v.Const.Kind() == constant.Int:
			parts := append([]eval.Part{{Text: ":", Kind: eval.KindLiteral, Pos: val.Pos()}}, v.Str()...)
			v = eval.Value{Parts: parts, Pos: v.Pos, Kind: v.Kind, Origin: v.Origin}
		case v.Const != nil && v.Const.Kind() == constant.String:
			if s := constant.StringVal(v.Const); s != "" && !strings.Contains(s, ":") {
				parts := append([]eval.Part{{Text: ":", Kind: eval.KindLiteral, Pos: val.Pos()}}, v.Str()...)
				v = eval.Value{Parts: parts, Pos: v.Pos, Kind: v.Kind, Origin: v.Origin}
			}
		}
		values = append(values, v)
	}
	return values, true
}

// symbolless keeps letters, digits and non-ASCII (GoFrame's key matching).
func symbolless(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c > 127 || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}
