// Package servertimeout reports FC104 server-timeout: an effective read, write
// or idle timeout in (0, 24h) on a server (net/http, echo, fiber, fasthttp,
// hertz, gRPC keepalive), including framework defaults and net/http's
// idle->read fallback.
//
// Policies, where the frameworks leave room:
//   - ReadHeaderTimeout is never reported: it only bounds reading a request's
//     headers, is the right slowloris guard, and satisfies gosec G112.
//   - Zero and negative mean "no timeout" (net/http, fasthttp, fiber, gRPC);
//     in hertz that is not documented, so an explicit zero is unknown and
//     not reported, and the fix suggests 24 h instead.
//   - hertz's KeepAliveTimeout (default 1 min) is a TCP keep-alive probe
//     period: it sends probes and closes no healthy connection, so it is
//     never reported. Its ReadTimeout and IdleTimeout defaults (3 min) are.
//   - echo v5's Start serves with ReadTimeout and WriteTimeout 30 s unless
//     StartConfig.BeforeServeFunc changes them; a BeforeServeFunc fclint
//     cannot read makes the defaults unknown.
//   - gRPC: keepalive.ServerParameters.MaxConnectionIdle closes idle
//     connections; Time and Timeout only ping, MaxConnectionAge ends
//     connections gracefully (GOAWAY), so they are not reported.
//   - Values fclint cannot evaluate are unknown and never reported; a value
//     that one visible path gives is reported as "can be".
package servertimeout

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/lazyinspect"
	"github.com/fclint/fclint/analyzers/serverconf"
	"github.com/fclint/fclint/rules"

	"github.com/fclint/fclint/internal/fcfacts"
)

var rule = rules.MustGet("FC104")

// Analyzer reports FC104.
var Analyzer = &analysis.Analyzer{
	Name:     rule.ID,
	Doc:      rule.AnalyzerDoc(),
	URL:      rule.URL(),
	Requires: append([]*analysis.Analyzer{serverconf.Analyzer, lazyinspect.Analyzer}, diag.Requires...),
	Run:      run,
}

// FC runs a request for at most 86,400 s: timeouts at or above it never fire first.
const limit = fcfacts.MaxRequestDuration

const why = `FC keeps connections open and reuses them, and lets a request run up to 24 h; ` +
	`a cut connection fails with "Process exited unexpectedly before completing request" (502)`

type finding struct {
	setting *serverconf.Setting // nil for a framework default
	f       diag.Finding
}

func run(pass *analysis.Pass) (any, error) {
	res := serverconf.Of(pass)
	var out []finding
	for _, s := range res.Servers {
		for _, st := range s.Settings {
			if st.Overridden || !st.Knob.Timeout() {
				continue
			}
			if f, ok := judgeSetting(pass, s, st); ok {
				out = append(out, finding{setting: st, f: f})
			}
		}
		if f, ok := judgeDefaults(s); ok {
			out = append(out, finding{f: f})
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	// Fixes: delete settings whose every value is bad, all together so that
	// an import left unused (time) goes too.
	var removable []ast.Node
	for _, o := range out {
		if o.setting != nil && o.setting.Removable != nil && o.f.Fixes == nil && certain(o.setting) {
			removable = append(removable, o.setting.Removable)
		}
	}
	edits := serverconf.Removals(pass, removable)
	sort.SliceStable(out, func(i, j int) bool { return out[i].f.Node.Pos() < out[j].f.Node.Pos() })
	for _, o := range out {
		if o.setting != nil && o.setting.Removable != nil {
			if e, ok := edits[o.setting.Removable]; ok {
				o.f.Fixes = []analysis.SuggestedFix{{Message: "remove " + o.setting.Field, TextEdits: e}}
			}
		}
		diag.Report(pass, o.f)
	}
	return nil, nil
}

// bad returns the values in (0, 24h), and whether every value is known and bad.
func bad(st *serverconf.Setting) (ds []time.Duration, all bool) {
	known, ok := st.Durations()
	for _, d := range known {
		if d > 0 && d < limit {
			ds = append(ds, d)
		}
	}
	return ds, ok && len(ds) == len(known) && len(ds) > 0
}

// certain reports whether removing the setting is a certain fix: every
// value is bad and written in the code, not a flag's default or a value from
// the configuration, which the program means to be changed from outside.
func certain(st *serverconf.Setting) bool {
	_, all := bad(st)
	return all && !st.Configurable()
}

func judgeSetting(pass *analysis.Pass, s *serverconf.Server, st *serverconf.Setting) (diag.Finding, bool) {
	ds, all := bad(st)
	if len(ds) == 0 {
		return diag.Finding{}, false
	}
	verb := "is"
	if !all {
		verb = "can be"
	}
	d := ds[0]
	what := fmt.Sprintf("%s %s %s %s", s.Name, st.Field, verb, serverconf.Format(d))
	var effect string
	switch st.Knob {
	case serverconf.ReadTimeout:
		effect = "the server cuts a request it has not read within " + serverconf.Format(d)
		if s.Framework.IdleFallsBackToRead && idleUnset(s) {
			effect += ", and with IdleTimeout unset it also closes idle keep-alive connections after " + serverconf.Format(d)
		}
	case serverconf.WriteTimeout:
		effect = "the server cuts a response not written within " + serverconf.Format(d)
	case serverconf.IdleTimeout:
		effect = "the server closes idle keep-alive connections after " + serverconf.Format(d)
	case serverconf.MaxConnectionAge:
		effect = "the server ends every connection about " + serverconf.Format(d) + " after it opens (GOAWAY, ±10 % jitter), busy or not, and FC sends all of an instance's gRPC requests over one connection"
	}
	return diag.Finding{
		Rule:    rule,
		Node:    st.Node,
		Message: what + ": " + effect + "; " + why + source(pass, st, d) + via(st),
		Fix:     fixText(s.Framework, st),
		Related: valueSite(st, d),
	}, true
}

// source names where a bad value is written when that is away from the
// setting: "; 30s comes from the -idle flag's default (main.go:9)".
func source(pass *analysis.Pass, st *serverconf.Setting, d time.Duration) string {
	for _, v := range st.Values {
		if got, ok := serverconf.Duration(v.Const); ok && got == d {
			if o := eval.Source(pass.Fset, v, st.Node); o != "" {
				return "; " + serverconf.Format(d) + " comes from " + o
			}
			return ""
		}
	}
	return ""
}

// via names the other package's constructor that sets the knob from the
// reported argument.
func via(st *serverconf.Setting) string {
	if st.Via == "" {
		return ""
	}
	return "; " + st.Via + " sets " + st.Field + " from this argument"
}

// valueSite points at where a bad value is written when that is away from
// the setting (a constant, a variable's assignment).
func valueSite(st *serverconf.Setting, d time.Duration) []analysis.RelatedInformation {
	for _, v := range st.Values {
		got, ok := serverconf.Duration(v.Const)
		if !ok || got != d || !v.Pos.IsValid() {
			continue
		}
		if st.Node.Pos() <= v.Pos && v.Pos < st.Node.End() {
			return nil
		}
		return []analysis.RelatedInformation{{Pos: v.Pos, Message: st.Field + " gets " + serverconf.Format(d) + " here"}}
	}
	return nil
}

// idleUnset reports whether the server's idle timeout falls back to its read
// timeout: no IdleTimeout is set, or every value set is zero.
func idleUnset(s *serverconf.Server) bool {
	set := s.Effective(serverconf.IdleTimeout)
	for _, st := range set {
		ds, ok := st.Durations()
		if !ok {
			return false
		}
		for _, d := range ds {
			if d != 0 {
				return false
			}
		}
	}
	if len(set) > 0 {
		return true // set to 0 in the code: a default no longer applies
	}
	_, idleDefault := s.Defaults[serverconf.IdleTimeout]
	return !idleDefault
}

// judgeDefaults reports a start call whose framework defaults stay in force.
func judgeDefaults(s *serverconf.Server) (diag.Finding, bool) {
	if s.Start == nil || s.Opaque {
		return diag.Finding{}, false
	}
	var kept, hertzOpts, zeroed []string
	var read time.Duration
	for _, k := range []serverconf.Knob{serverconf.ReadTimeout, serverconf.WriteTimeout, serverconf.IdleTimeout} {
		d, ok := s.Defaults[k]
		if !ok || len(s.Effective(k)) > 0 {
			continue // no default, or the program sets the knob (judged there)
		}
		kept = append(kept, fmt.Sprintf("%s %s", k, serverconf.Format(d)))
		hertzOpts = append(hertzOpts, fmt.Sprintf("server.With%s(24*time.Hour)", k))
		zeroed = append(zeroed, fmt.Sprintf("s.%s = 0", k))
		if k == serverconf.ReadTimeout {
			read = d
		}
	}
	if len(kept) == 0 {
		return diag.Finding{}, false
	}
	callee := calleeText(s.Start)
	msg := fmt.Sprintf("%s serves with %s's default %s", callee, s.DefaultsFrom, strings.Join(kept, " and "))
	if read > 0 && s.Framework.IdleFallsBackToRead && idleUnset(s) {
		msg += fmt.Sprintf(", so idle keep-alive connections are also closed after %s", serverconf.Format(read))
	}
	fix := "pass " + strings.Join(hertzOpts, ", ") + " (whether hertz reads 0 as no timeout is not documented)"
	switch {
	case s.DefaultsFix != "":
		fix = s.DefaultsFix
	case s.Framework == serverconf.NetHTTP:
		fix = "clear them in echo.StartConfig{Address: addr, BeforeServeFunc: func(s *http.Server) error { " +
			strings.Join(zeroed, "; ") + "; s.ReadHeaderTimeout = 10 * time.Second; return nil }}.Start(ctx, e)"
	}
	return diag.Finding{Rule: rule, Node: s.Start, Message: msg + "; " + why, Fix: fix}, true
}

func fixText(fw *serverconf.Framework, st *serverconf.Setting) string {
	switch {
	case st.Fix != "":
		return st.Fix
	case st.Via != "" && fw.ZeroUnconfirmed:
		return fmt.Sprintf("pass 24*time.Hour or more to %s here", st.Via)
	case st.Via != "":
		return fmt.Sprintf("pass 0 (no timeout) or 24*time.Hour or more to %s here", st.Via)
	case fw.ZeroUnconfirmed:
		return fmt.Sprintf("set %s to 24*time.Hour or more", st.Field)
	case st.Knob == serverconf.IdleTimeout && fw.IdleFallsBackToRead:
		return fmt.Sprintf("remove %s (it then follows ReadTimeout; with that unset or 0 there is no idle timeout) or set it to 24*time.Hour or more", st.Field)
	case st.Knob == serverconf.ReadTimeout && fw.HeaderTimeout != "":
		return fmt.Sprintf("remove %s or set it to 0 (no timeout) or 24*time.Hour or more; to guard against slow clients set %s instead: it only bounds reading the headers and satisfies gosec G112", st.Field, fw.HeaderTimeout)
	}
	return fmt.Sprintf("remove %s or set it to 0 (no timeout) or 24*time.Hour or more", st.Field)
}

// calleeText is the start call as written, without arguments: "e.Start",
// "echo.StartConfig{...}.Start".
func calleeText(call *ast.CallExpr) string {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return types.ExprString(call.Fun)
	}
	if lit, ok := ast.Unparen(sel.X).(*ast.CompositeLit); ok && lit.Type != nil {
		return types.ExprString(lit.Type) + "{...}." + sel.Sel.Name
	}
	return types.ExprString(sel)
}
