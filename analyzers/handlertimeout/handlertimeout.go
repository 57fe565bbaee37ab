// Package handlertimeout reports FC106 handler-timeout: http.TimeoutHandler,
// or an equivalent timeout middleware (chi, echo, gin-contrib, fiber), with a
// deadline below 24 h.
package handlertimeout

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"maps"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/lazyinspect"
	"github.com/fclint/fclint/analyzers/model"
	"github.com/fclint/fclint/analyzers/serverconf"
	"github.com/fclint/fclint/rules"

	"github.com/fclint/fclint/internal/fcfacts"
)

var rule = rules.MustGet("FC106")

// Analyzer reports FC106.
var Analyzer = &analysis.Analyzer{
	Name:     rule.ID,
	Doc:      rule.AnalyzerDoc(),
	URL:      rule.URL(),
	Requires: append([]*analysis.Analyzer{lazyinspect.Analyzer, model.Analyzer, serverconf.UsesAnalyzer}, diag.Requires...),
	Run:      run,
}

const limit = fcfacts.MaxRequestDuration

// The registry's handler-deadline tables, merged. deadlineArgs are calls
// taking a handler deadline, by types.Func.FullName: the value is the
// argument's index. Each answers 503/504/408 once the deadline passes. A
// deadline of zero or less is not judged (no timeout in most of them; chi
// and net/http would fail every request, another bug). deadlineFields are
// configuration structs holding a handler deadline, by "importpath.Type":
// the value is the field. defaultDeadlines are middleware constructors with
// a deadline of their own unless one of their options sets another.
var deadlineArgs, deadlineFields, defaultDeadlines = func() (map[string]int, map[string]string, map[string]frameworks.DefaultDeadline) {
	args, fields, defaults := map[string]int{}, map[string]string{}, map[string]frameworks.DefaultDeadline{}
	for _, fw := range frameworks.All() {
		maps.Copy(args, fw.Deadlines)
		maps.Copy(fields, fw.DeadlineFields)
		maps.Copy(defaults, fw.DefaultDeadlines)
	}
	return args, fields, defaults
}()

// confDeadlines are server constructors whose configuration holds every
// route's deadline (go-zero's RestConf.Timeout), by FullName.
var confDeadlines = func() map[string]frameworks.ConfDeadline {
	out := map[string]frameworks.ConfDeadline{}
	for _, fw := range frameworks.All() {
		maps.Copy(out, fw.ConfDeadlines)
	}
	return out
}()

// api feeds the fast path.
var api = func() *serverconf.APISet {
	var out []string
	for k := range deadlineArgs {
		out = append(out, k)
	}
	for k := range defaultDeadlines {
		out = append(out, k)
	}
	for k := range confDeadlines {
		out = append(out, k)
	}
	for typ, field := range deadlineFields {
		out = append(out, typ, typ[:len(typ)-len(typeName(typ))]+field)
	}
	return serverconf.NewAPISet(out...)
}()

func typeName(qualified string) string {
	for i := len(qualified) - 1; i >= 0; i-- {
		if qualified[i] == '.' {
			return qualified[i+1:]
		}
	}
	return qualified
}

func run(pass *analysis.Pass) (any, error) {
	if !api.UsedIn(pass) {
		return nil, nil
	}
	ev := eval.New(pass)
	lazyinspect.Walk(pass.Files, func(path []ast.Node) {
		switch n := path[len(path)-1].(type) {
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(pass.TypesInfo, n).(*types.Func)
			if !ok || !api.MayName(fn.Name()) {
				return
			}
			name := fn.FullName()
			if i, ok := deadlineArgs[name]; ok && i < len(n.Args) {
				judge(pass, ev, n, n.Args[i], types.ExprString(n.Fun))
			}
			if cd, ok := confDeadlines[name]; ok && cd.Arg < len(n.Args) {
				judgeConf(pass, ev, n, n.Args[cd.Arg], cd)
			}
			if d, ok := defaultDeadlines[name]; ok && !setsDeadline(pass, ev, n, d.Option) {
				diag.Report(pass, diag.Finding{
					Rule: rule,
					Node: n,
					Message: fmt.Sprintf("%s without a timeout option ends requests after its default %s; %s",
						types.ExprString(n.Fun), serverconf.Format(d.Deadline), why),
				})
			}
		case *ast.CompositeLit:
			field, ok := deadlineFields[serverconf.TypeKey(pass.TypesInfo.TypeOf(n))]
			if !ok {
				return
			}
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
					judge(pass, ev, kv, kv.Value, types.ExprString(n.Type)+" "+field)
				}
			}
		}
	})
	return nil, nil
}

const why = `requests that FC would let run up to the function's timeout (at most 24 h) are answered with an error instead`

// judge reports node when deadline can be in (0, 24h).
func judge(pass *analysis.Pass, ev *eval.Evaluator, node analysis.Range, deadline ast.Expr, what string) {
	vs := ev.Eval(deadline)
	var short []time.Duration
	for _, v := range vs {
		if d, ok := serverconf.Duration(v.Const); ok && d > 0 && d < limit {
			short = append(short, d)
		}
	}
	if len(short) == 0 {
		return
	}
	verb := "is"
	if len(short) < len(vs) {
		verb = "can be"
	}
	msg := fmt.Sprintf("%s deadline %s %s: %s", what, verb, serverconf.Format(short[0]), why)
	for _, v := range vs {
		if d, ok := serverconf.Duration(v.Const); ok && d == short[0] {
			if o := eval.Source(pass.Fset, v, node); o != "" {
				msg += "; " + serverconf.Format(d) + " comes from " + o
			}
			break
		}
	}
	diag.Report(pass, diag.Finding{Rule: rule, Node: node, Message: msg})
}

// judgeConf reports a server constructor whose configuration, filled from a
// file, gives every route a deadline in (0, 24h): only a file-filled
// configuration is judged, since its defaults (go-zero's Timeout 3000 ms,
// Middlewares.Timeout on) apply only there.
func judgeConf(pass *analysis.Pass, ev *eval.Evaluator, call *ast.CallExpr, conf ast.Expr, cd frameworks.ConfDeadline) {
	on, ok := ev.LoadedField(conf, cd.Switch...)
	if !ok || len(on) == 0 {
		return
	}
	for _, v := range on {
		if v.Const == nil || v.Const.Kind() != constant.Bool || !constant.BoolVal(v.Const) {
			return // the middleware may be off
		}
	}
	vs, ok := ev.LoadedField(conf, cd.Field)
	if !ok {
		return
	}
	for _, v := range vs {
		if v.Const == nil || v.Const.Kind() != constant.Int {
			continue
		}
		n, exact := constant.Int64Val(v.Const)
		d := time.Duration(n) * cd.Unit
		if !exact || d <= 0 || d >= limit {
			continue
		}
		msg := fmt.Sprintf("%s gives every route a deadline of %s; %s; %s is %s", types.ExprString(call.Fun), serverconf.Format(d), why, serverconf.Format(d), v.Origin)
		if cd.Note != "" {
			msg += "; " + cd.Note
		}
		diag.Report(pass, diag.Finding{Rule: rule, Node: call, Message: msg})
		return
	}
}

// setsDeadline reports whether a constructor call may set its deadline: an
// argument is the deadline option, or something fclint cannot see into.
func setsDeadline(pass *analysis.Pass, ev *eval.Evaluator, call *ast.CallExpr, option string) bool {
	args, ok := ev.Args(call) // an option slice (NewServer(opts...)) is spread
	if !ok {
		return true
	}
	for _, arg := range args {
		inner, ok := ast.Unparen(arg.Expr).(*ast.CallExpr)
		if !ok {
			return true // an option held in a variable: unknown
		}
		fn, ok := typeutil.Callee(pass.TypesInfo, inner).(*types.Func)
		if !ok || fn.FullName() == option {
			return true
		}
	}
	return false
}
