// Package ignoredirective reports FC001: suppression directives without a
// reason, naming unknown rules, or that suppressed nothing. It must run after
// every rule analyzer of the package, so the registry adds them to Requires.
package ignoredirective

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/directive"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/rules"
)

var rule = rules.MustGet("FC001")

// Analyzer reports FC001.
var Analyzer = &analysis.Analyzer{
	Name:     rule.ID,
	Doc:      rule.AnalyzerDoc(),
	URL:      rule.URL(),
	Requires: []*analysis.Analyzer{directive.Analyzer, fcconfig.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	set := pass.ResultOf[directive.Analyzer].(*directive.Set)
	tests := fcconfig.Of(pass).Tests
	for _, d := range set.List() {
		if strings.HasSuffix(d.File, "_test.go") && !tests {
			continue
		}
		var msg string
		switch {
		case d.Malformed != "":
			msg = d.Malformed
		case d.Kind == directive.NoLint:
			continue // golangci-lint's nolintlint judges nolint directives
		case !set.Used(d):
			msg = "this fclint directive suppressed nothing; remove it"
		default:
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: rule.ID, Message: msg, URL: rule.URL()})
	}
	return nil, nil
}
