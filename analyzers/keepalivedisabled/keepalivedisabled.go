// Package keepalivedisabled reports FC105 keepalive-disabled: a server that
// turns HTTP keep-alive off (SetKeepAlivesEnabled(false), DisableKeepalive:
// true, hertz WithKeepAlive(false)) or a handler that answers
// "Connection: close".
package keepalivedisabled

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/lazyinspect"
	"github.com/fclint/fclint/analyzers/model"
	"github.com/fclint/fclint/analyzers/serverconf"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC105")

// Analyzer reports FC105.
var Analyzer = &analysis.Analyzer{
	Name:     rule.ID,
	Doc:      rule.AnalyzerDoc(),
	URL:      rule.URL(),
	Requires: append([]*analysis.Analyzer{serverconf.Analyzer, lazyinspect.Analyzer, model.Analyzer, serverconf.UsesAnalyzer}, diag.Requires...),
	Run:      run,
}

const why = `FC keeps connections to the instance open and reuses them; a request sent on a connection ` +
	`the server has closed fails with "Process exited unexpectedly before completing request" (502)`

// headerSetters set a response header: the key is argument 0, the value
// argument 1; connectionClosers mark the response "Connection: close" by
// themselves. Both come from the registry. net/http's Header methods count
// only on a response's header (see responseHeader).
var headerSetters, connectionClosers = func() (setters, closers map[string]bool) {
	setters, closers = map[string]bool{}, map[string]bool{}
	for _, fw := range frameworks.All() {
		for _, name := range fw.HeaderSetters {
			setters[name] = true
		}
		for _, name := range fw.ConnectionClosers {
			closers[name] = true
		}
	}
	return setters, closers
}()

var headerAPI = func() *serverconf.APISet {
	var names []string
	for k := range headerSetters {
		names = append(names, k)
	}
	for k := range connectionClosers {
		names = append(names, k)
	}
	// w.Header()["Connection"] = []string{"close"} calls no setter.
	names = append(names, "(net/http.ResponseWriter).Header")
	return serverconf.NewAPISet(names...)
}()

func run(pass *analysis.Pass) (any, error) {
	var removable []ast.Node
	var findings []diag.Finding
	var fixOf []ast.Node
	for _, s := range serverconf.Of(pass).Servers {
		for _, st := range s.Settings {
			f, certain, ok := judgeSwitch(pass, s, st)
			if !ok {
				continue
			}
			var rm ast.Node
			if certain && st.Removable != nil && !st.Configurable() {
				rm = st.Removable
				removable = append(removable, rm)
			}
			findings = append(findings, f)
			fixOf = append(fixOf, rm)
		}
	}
	edits := serverconf.Removals(pass, removable)
	for i, f := range findings {
		if e, ok := edits[fixOf[i]]; ok && fixOf[i] != nil {
			f.Fixes = []analysis.SuggestedFix{{Message: "keep keep-alive on", TextEdits: e}}
		}
		diag.Report(pass, f)
	}
	connectionClose(pass)
	return nil, nil
}

// judgeSwitch reports a keep-alive switch that can be off; certain when every
// value turns it off.
func judgeSwitch(pass *analysis.Pass, s *serverconf.Server, st *serverconf.Setting) (f diag.Finding, certain, ok bool) {
	var off bool // the value that turns keep-alive off
	switch st.Knob {
	case serverconf.MaxRequestsPerConn:
		return judgeRequestLimit(s, st)
	case serverconf.KeepAlive:
		off = false
	case serverconf.DisableKeepalive:
		off = true
	default:
		return f, false, false
	}
	if st.Overridden {
		return f, false, false
	}
	bs, allKnown := st.Bools()
	n := 0
	for _, b := range bs {
		if b == off {
			n++
		}
	}
	if n == 0 {
		return f, false, false
	}
	// implied: no argument writes the value, it comes from a configuration
	// file or is a field a replacing literal leaves out (GoFrame); it is
	// reported at the call, which has a fix text of its own.
	implied := st.Fix != ""
	if st.Knob == serverconf.KeepAlive && !implied && shuttingDown(pass, st) {
		return f, false, false
	}
	certain = allKnown && n == len(bs)
	verb := "turns"
	if !certain {
		verb = "can turn"
	}
	var what, fix string
	switch call := st.Node.(type) {
	case *ast.CallExpr:
		if implied {
			// In parentheses: a file's "key: value" is not where the
			// headline ends (report.SplitMessage).
			what = fmt.Sprintf("%s %s HTTP keep-alive off (%s)", types.ExprString(call.Fun), verb, st.Values[0].Origin)
			fix = st.Fix
			break
		}
		what = fmt.Sprintf("%s(%v) %s HTTP keep-alive off", types.ExprString(call.Fun), off, verb)
		fix = "remove the " + types.ExprString(call.Fun) + " call: keep-alive is on by default"
	case *ast.AssignStmt:
		what = fmt.Sprintf("%s DisableKeepalive = true %s HTTP keep-alive off", s.Name, verb)
		fix = "remove the assignment: keep-alive is on by default"
	default:
		what = fmt.Sprintf("%s DisableKeepalive: true %s HTTP keep-alive off", s.Name, verb)
		fix = "remove DisableKeepalive: keep-alive is on by default"
		if st.Knob == serverconf.KeepAlive { // a replacing literal's KeepAlive: false (GoFrame's SetConfig)
			what = fmt.Sprintf("%s %s: false %s HTTP keep-alive off", s.Name, st.Field, verb)
			fix = "set " + st.Field + " to true"
		}
	}
	msg := what + ": the server closes each connection after one response; " + why
	for _, v := range st.Values {
		if implied {
			break // where the value comes from is in the headline
		}
		if v.Const != nil && v.Const.Kind() == constant.Bool && constant.BoolVal(v.Const) == off {
			if o := eval.Source(pass.Fset, v, st.Node); o != "" {
				msg += fmt.Sprintf("; %v comes from %s", off, o)
			}
			break
		}
	}
	return diag.Finding{
		Rule:    rule,
		Node:    st.Node,
		Message: msg,
		Fix:     fix,
	}, certain, true
}

// judgeRequestLimit reports fasthttp's MaxRequestsPerConn when it can be
// positive: the server answers the N-th request of a connection with
// Connection: close and closes it (fasthttp server.go serveConn @v1.78.0).
func judgeRequestLimit(s *serverconf.Server, st *serverconf.Setting) (f diag.Finding, certain, ok bool) {
	if st.Overridden {
		return f, false, false
	}
	limits, allKnown := st.Durations() // integer constants; no unit here
	var first int64
	positive := 0
	for _, l := range limits {
		if l > 0 {
			if positive == 0 {
				first = int64(l)
			}
			positive++
		}
	}
	if positive == 0 {
		return f, false, false
	}
	certain = allKnown && positive == len(limits)
	verb := "is"
	if !certain {
		verb = "can be"
	}
	return diag.Finding{
		Rule: rule,
		Node: st.Node,
		Message: fmt.Sprintf("%s MaxRequestsPerConn %s %d: the server closes each connection after %d requests (Connection: close on the last response); %s",
			s.Name, verb, first, first, why),
		Fix: "remove MaxRequestsPerConn: 0 serves any number of requests on a connection",
	}, certain, true
}

// shuttingDown reports whether SetKeepAlivesEnabled(false) is part of a
// shutdown, where closing keep-alive connections is what FC expects: the
// enclosing function is named like Close/Shutdown/Stop, or it also shuts
// the server down or closes its listener (not deferred: a deferred Close in
// main runs only after serving).
func shuttingDown(pass *analysis.Pass, st *serverconf.Setting) bool {
	in := lazyinspect.Of(pass)
	c, ok := in.Root().FindNode(st.Node)
	if !ok {
		return false
	}
	var body inspector.Cursor
	for fn := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if body.Valid() {
			break
		}
		body = fn
		if fd, ok := fn.Node().(*ast.FuncDecl); ok && shutdownName(fd.Name.Name) {
			return true
		}
	}
	if !body.Valid() {
		return false
	}
	for cc := range body.Preorder((*ast.CallExpr)(nil)) {
		if _, deferred := cc.Parent().Node().(*ast.DeferStmt); deferred {
			continue
		}
		fn, ok := typeutil.Callee(pass.TypesInfo, cc.Node().(*ast.CallExpr)).(*types.Func)
		if !ok {
			continue
		}
		switch fn.FullName() {
		case "(*net/http.Server).Shutdown", "(*net/http.Server).Close", "(net.Listener).Close":
			return true
		}
	}
	return false
}

func shutdownName(name string) bool {
	name = strings.ToLower(name)
	for _, w := range []string{"close", "shutdown", "stop"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// connectionClose reports handlers that answer "Connection: close".
func connectionClose(pass *analysis.Pass) {
	if !headerAPI.UsedIn(pass) {
		return
	}
	var ev *eval.Evaluator // only when a Connection header is set
	lazyinspect.Walk(pass.Files, func(path []ast.Node) {
		if as, ok := path[len(path)-1].(*ast.AssignStmt); ok {
			if ev == nil {
				ev = eval.New(pass)
			}
			headerMapAssign(pass, ev, as)
			return
		}
		call, ok := path[len(path)-1].(*ast.CallExpr)
		if !ok {
			return
		}
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok || !headerAPI.MayName(fn.Name()) {
			return
		}
		name := fn.FullName()
		switch {
		case connectionClosers[name]:
			report(pass, call, types.ExprString(call.Fun)+"() makes the response Connection: close")
		case headerSetters[name] && len(call.Args) == 2:
			// The key is a constant in practice; checking it first keeps
			// the (rarer) receiver and value checks off the hot path.
			key := pass.TypesInfo.Types[call.Args[0]].Value
			if key == nil || key.Kind() != constant.String || !strings.EqualFold(constant.StringVal(key), "Connection") {
				return
			}
			if strings.HasPrefix(name, "(net/http.Header)") && !responseHeader(pass, call) {
				return // a request's header: an outgoing call, not this server's answer
			}
			if ev == nil {
				ev = eval.New(pass)
			}
			verb, ok := closes(ev, call.Args[1])
			if !ok {
				return
			}
			report(pass, call, fmt.Sprintf("the handler %s the response header Connection: close", verb))
		}
	})
}

// headerMapAssign reports w.Header()["Connection"] = []string{"close"}, in
// any case: a non-canonical key still goes out on the wire.
func headerMapAssign(pass *analysis.Pass, ev *eval.Evaluator, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
		if !ok || serverconf.TypeKey(pass.TypesInfo.TypeOf(ix.X)) != "net/http.Header" {
			continue
		}
		key := pass.TypesInfo.Types[ix.Index].Value
		if key == nil || key.Kind() != constant.String || !strings.EqualFold(constant.StringVal(key), "Connection") {
			continue
		}
		lit, ok := ast.Unparen(as.Rhs[i]).(*ast.CompositeLit)
		if !ok || !isResponseHeader(pass, ix.X) {
			continue
		}
		for _, elt := range lit.Elts {
			if verb, ok := closes(ev, elt); ok {
				report(pass, as, fmt.Sprintf("the handler %s the response header Connection: close", verb))
				break
			}
		}
	}
}

func report(pass *analysis.Pass, node analysis.Range, what string) {
	diag.Report(pass, diag.Finding{
		Rule:    rule,
		Node:    node,
		Message: what + ", so the server closes the connection after this response; " + why + "; FC also forbids responses to set the connection header",
		Fix:     "do not set the Connection header: FC manages the connection",
	})
}

// closes reports whether a Connection header value can hold the token close:
// "sets" when every value does, "can set" when one visible value does.
func closes(ev *eval.Evaluator, e ast.Expr) (verb string, ok bool) {
	vs := ev.Eval(e)
	n := 0
	for _, v := range vs {
		if v.Const == nil || v.Const.Kind() != constant.String {
			continue
		}
		for _, tok := range strings.Split(constant.StringVal(v.Const), ",") {
			if strings.EqualFold(strings.TrimSpace(tok), "close") {
				n++
				break
			}
		}
	}
	switch {
	case n == 0:
		return "", false
	case n == len(vs):
		return "sets", true
	}
	return "can set", true
}

// responseHeader reports whether an http.Header method call acts on a
// response's header: its receiver is a Header() method call (w.Header(),
// c.Response().Header(), c.Writer.Header()) or a variable holding one. A
// request's or client response's Header is a field, never a method.
func responseHeader(pass *analysis.Pass, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && isResponseHeader(pass, sel.X)
}

// isResponseHeader reports whether an http.Header expression is a response's.
func isResponseHeader(pass *analysis.Pass, recv ast.Expr) bool {
	recv = ast.Unparen(recv)
	if id, ok := recv.(*ast.Ident); ok {
		init := initializer(pass, pass.TypesInfo.ObjectOf(id))
		if init == nil {
			return false
		}
		recv = ast.Unparen(init)
	}
	hc, ok := recv.(*ast.CallExpr)
	if !ok || len(hc.Args) != 0 {
		return false
	}
	fn, ok := typeutil.Callee(pass.TypesInfo, hc).(*types.Func)
	return ok && fn.Name() == "Header" && fn.Signature().Recv() != nil
}

// initializer is the expression a local variable is defined with (h := w.Header()).
func initializer(pass *analysis.Pass, obj types.Object) ast.Expr {
	if obj == nil {
		return nil
	}
	var init ast.Expr
	for _, file := range pass.Files {
		if obj.Pos() < file.FileStart || obj.Pos() > file.FileEnd {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok && pass.TypesInfo.Defs[id] == obj {
						init = as.Rhs[i]
					}
				}
			}
			return init == nil
		})
	}
	return init
}
