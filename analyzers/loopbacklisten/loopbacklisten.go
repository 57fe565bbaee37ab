// Package loopbacklisten reports FC101: the function's server listens on a
// loopback address, which FC's requests to 0.0.0.0:CAPort never reach.
//
// A loopback server on a port other than CAPort beside a server that is not
// on loopback (pprof on localhost:6060 beside the function's server) is a side
// server and fine; if that other server is on the wrong port, FC102 says so.
// "Beside" means in the same package: the analyzers see one package at a
// time, and for a main package that is the program.
package loopbacklisten

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/listen"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC101")

// Analyzer reports FC101.
var Analyzer = listen.NewRuleAnalyzer(rule, check)

func check(pass *analysis.Pass, res *listen.Result, site *listen.Site, caport int) {
	var bad []listen.Addr
	for _, a := range site.Addrs {
		if !a.Loopback() || a.Internal() {
			continue
		}
		if !a.IsCAPort(caport) && res.HasPublicServer(site) {
			continue // a side server (pprof, metrics) beside the function's server
		}
		bad = append(bad, a)
	}
	if len(bad) == 0 {
		return
	}
	ev := res.Eval
	first := bad[0]
	verb, why := "listens on", ""
	if len(site.Addrs) > 1 {
		verb = "can listen on"
	}
	if fb := first.Host.From.Fallback; fb != "" {
		why = fmt.Sprintf(" (the fallback when %s)", fb)
	}
	msg := fmt.Sprintf("server %s %s, a loopback address%s; FC sends requests to 0.0.0.0:%d, so they never arrive (FunctionNotStarted … connection refused)",
		verb, first, why, caport)
	if o := listen.Origin(ev, first.Host.From, site.Call); o != "" {
		msg += fmt.Sprintf("; %s comes from %s", first.Host.Text, o)
	}
	msg += site.StartedIn()
	var related []analysis.RelatedInformation
	var edits []analysis.TextEdit
	seen := map[any]bool{}
	for _, a := range bad {
		related = append(related, listen.Related(ev, a.Host.From, site.Call, fmt.Sprintf("loopback host %s written here", a.Host.Text))...)
		if edit, ok := listen.HostFix(pass, a); ok && !seen[edit.Pos] {
			seen[edit.Pos] = true
			edits = append(edits, edit)
		}
	}
	f := diag.Finding{
		Rule:    rule,
		Node:    site.Call,
		Message: msg,
		Fix:     fmt.Sprintf("listen on all interfaces: \":\" + port (or \"0.0.0.0:\" + port), with port from FC_CUSTOM_LISTEN_PORT (CAPort %d)", caport),
		Related: related,
	}
	if len(edits) > 0 {
		f.Fixes = []analysis.SuggestedFix{{Message: "listen on all interfaces", TextEdits: edits}}
	}
	diag.Report(pass, f)
}
