// Package portmismatch reports FC102: the function's server can listen on a
// port other than CAPort, so FC's requests to CAPort never arrive. The bad
// port may be a literal, a library default (gin's :8080, net/http's :80 for an
// empty Addr, hertz's :8888, :0 for a random port), a flag default, or the
// fallback of an environment variable FC does not set.
//
// It is not reported when another server in the same program listens on
// CAPort (a metrics server beside the function's server), nor on a loopback
// side server beside a server that may be public (FC101's side-server rule). The analyzers see
// one package at a time: "the same program" is the same package, which for a
// main package is the program.
package portmismatch

import (
	"fmt"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/listen"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC102")

// Analyzer reports FC102.
var Analyzer = listen.NewRuleAnalyzer(rule, check)

// loopbackOnly reports whether every address of the site is loopback.
func loopbackOnly(site *listen.Site) bool {
	for _, a := range site.Addrs {
		if !a.Loopback() {
			return false
		}
	}
	return len(site.Addrs) > 0
}

func check(pass *analysis.Pass, res *listen.Result, site *listen.Site, caport int) {
	if res.ServesCAPort(site, caport) {
		return // another server of the program is on CAPort
	}
	if loopbackOnly(site) && res.HasPublicServer(site) {
		return // a side server (pprof on localhost:6060): FC never reaches it, nor needs to
	}
	if site.ReadsCAPort() {
		return // FC always sets its port variables: another port is a fallback FC never uses
	}
	ev := res.Eval
	var bad []listen.Addr
	for _, a := range site.Addrs {
		if n, ok := a.PortNumber(); ok && n != caport && !a.Internal() {
			bad = append(bad, a)
		}
	}
	if len(bad) == 0 {
		return
	}
	first := bad[0]
	port, _ := first.PortNumber()
	verb := "listens on"
	if len(site.Addrs) > 1 {
		verb = "can listen on"
	}
	msg := fmt.Sprintf("server %s port %d%s, but FC sends requests to CAPort %d, so they never arrive (health check failed on port %d … connection refused)",
		verb, port, fallback(first), caport, caport)
	if why := explain(ev, site, first, port); why != "" {
		msg += "; " + why
	}
	msg += site.StartedIn()
	var related []analysis.RelatedInformation
	for _, a := range bad {
		n, _ := a.PortNumber()
		related = append(related, listen.Related(ev, a.Port.From, site.Call, fmt.Sprintf("port %d written here", n))...)
	}
	fix := fmt.Sprintf("listen on \":\" + os.Getenv(\"FC_CUSTOM_LISTEN_PORT\") (CAPort %d)", caport)
	if port != 0 && first.Default == "" {
		fix += fmt.Sprintf(", or set %s to %d", fcconfig.PortKey(pass), port)
	}
	diag.Report(pass, diag.Finding{Rule: rule, Node: site.Call, Message: msg, Fix: fix, Related: related})
}

func fallback(a listen.Addr) string {
	if fb := a.Port.From.Fallback; fb != "" {
		return fmt.Sprintf(" (the fallback when %s)", fb)
	}
	return ""
}

// explain says where the bad port comes from.
func explain(ev *eval.Evaluator, site *listen.Site, a listen.Addr, port int) string {
	switch {
	case a.Default != "":
		if port == 0 {
			return a.Default
		}
		return fmt.Sprintf("port %d is %s", port, a.Default)
	case port == 0:
		return "port 0 picks a random port"
	}
	o := listen.Origin(ev, a.Port.From, site.Call)
	text := a.Port.Text
	if _, err := strconv.Atoi(text); err != nil {
		why := fmt.Sprintf("the service name %q is port %d", text, port)
		if o != "" {
			why += ", from " + o
		}
		return why
	}
	if o == "" {
		return ""
	}
	return fmt.Sprintf("%s comes from %s", text, o)
}
