// Package analyzers is the registry of fclint's Go analyzers: every driver
// (fclint check, go vet -vettool, the golangci-lint plugin) takes its list here.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/go1sdk"
	"github.com/fclint/fclint/analyzers/handlertimeout"
	"github.com/fclint/fclint/analyzers/hardcodedport"
	"github.com/fclint/fclint/analyzers/ignoredirective"
	"github.com/fclint/fclint/analyzers/keepalivedisabled"
	"github.com/fclint/fclint/analyzers/loopbacklisten"
	"github.com/fclint/fclint/analyzers/portmismatch"
	"github.com/fclint/fclint/analyzers/servertimeout"
)

// rulesAnalyzers are the analyzers for rules FC101–FC107, one package per rule.
var ruleAnalyzers = []*analysis.Analyzer{
	// Each rule package adds its Analyzer here.
	loopbacklisten.Analyzer,
	portmismatch.Analyzer,
	hardcodedport.Analyzer,
	go1sdk.Analyzer,
	servertimeout.Analyzer,
	keepalivedisabled.Analyzer,
	handlertimeout.Analyzer,
}

func init() {
	// FC001 judges directives after every rule has reported.
	ignoredirective.Analyzer.Requires = append(ignoredirective.Analyzer.Requires, ruleAnalyzers...)
}

// All returns the analyzers to run, FC001 last.
func All() []*analysis.Analyzer {
	out := append([]*analysis.Analyzer(nil), ruleAnalyzers...)
	return append(out, ignoredirective.Analyzer)
}
