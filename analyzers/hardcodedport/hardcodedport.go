// Package hardcodedport reports FC103 (info): the server listens on CAPort,
// but the port is written in the code (":9000", a constant, a flag default)
// instead of read from FC_CUSTOM_LISTEN_PORT, so it breaks silently when
// customRuntimeConfig.port changes. Values from the configuration (args,
// environmentVariables) and library defaults are not literals of the code.
package hardcodedport

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/eval"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/listen"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC103")

// Analyzer reports FC103.
var Analyzer = listen.NewRuleAnalyzer(rule, check)

func check(pass *analysis.Pass, res *listen.Result, site *listen.Site, caport int) {
	ev := res.Eval
	var literal *listen.Addr
	for i, a := range site.Addrs {
		if a.Port.CAPort {
			return // the port is read from FC's environment; a literal fallback is fine
		}
		if literal == nil && a.IsCAPort(caport) && !a.Loopback() && a.Default == "" && fromCode(a.Port.From.Kind) {
			literal = &site.Addrs[i]
		}
	}
	if literal == nil {
		return
	}
	msg := fmt.Sprintf("CAPort %d is written as a literal", caport)
	if o := listen.Origin(ev, literal.Port.From, site.Call); o != "" {
		msg += fmt.Sprintf(" (%d comes from %s)", caport, o)
	}
	msg += fmt.Sprintf("; FC passes the port in FC_CUSTOM_LISTEN_PORT, and a changed %s would leave this server on %d", fcconfig.PortKey(pass), caport)
	diag.Report(pass, diag.Finding{
		Rule:    rule,
		Node:    site.Call,
		Message: msg,
		Fix:     fmt.Sprintf("read the port: cmp.Or(os.Getenv(\"FC_CUSTOM_LISTEN_PORT\"), \"%d\")", caport),
		Related: listen.Related(ev, literal.Port.From, site.Call, fmt.Sprintf("port %d written here", caport)),
	})
}

func fromCode(k eval.Kind) bool { return k == eval.KindLiteral || k == eval.KindFlagDefault }
