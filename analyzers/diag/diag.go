// Package diag is how fclint's analyzers report: it attaches the rule's ID, URL
// and fix text, drops findings in test and generated files (unless asked), and
// honors suppression directives. Rule analyzers must Require Requires.
package diag

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/directive"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/rules"
)

// Requires lists the analyzers Report depends on; rule analyzers include them.
var Requires = []*analysis.Analyzer{fcconfig.Analyzer, directive.Analyzer}

// HelpPrefix marks the related-information entry that carries the fix text.
const HelpPrefix = "help: "

// Finding is one diagnostic about to be reported. Its Message says what is
// wrong, then why FC cares: the text printer shows up to the first "; ", ": "
// or " — " outside quotes and parentheses as the headline and the rest as
// "why:" (report.SplitMessage), so the short statement of the problem comes first.
type Finding struct {
	Rule     *rules.Rule
	Node     analysis.Range // where: the call, the field, the literal
	Message  string         // what is wrong and why FC cares
	Fix      string         // how to fix; "" uses the rule's Fix
	Severity rules.Severity // 0 uses the rule's default
	Related  []analysis.RelatedInformation
	Fixes    []analysis.SuggestedFix
}

// Report reports f unless it is suppressed or in a file the user did not ask about.
func Report(pass *analysis.Pass, f Finding) {
	pos := f.Node.Pos()
	tf := pass.Fset.File(pos)
	if tf == nil {
		return
	}
	name := tf.Name()
	if strings.HasSuffix(name, "_test.go") && !fcconfig.Of(pass).Tests {
		return
	}
	if generated(pass, pos) {
		return
	}
	set := pass.ResultOf[directive.Analyzer].(*directive.Set)
	if set.Suppress(f.Rule, name, tf.Line(pos)) {
		return
	}
	fix := f.Fix
	if fix == "" {
		fix = f.Rule.Fix
	}
	related := f.Related
	if fix != "" {
		related = append(related, analysis.RelatedInformation{Pos: pos, End: f.Node.End(), Message: HelpPrefix + fix})
	}
	category := f.Rule.ID
	if f.Severity != 0 && f.Severity != f.Rule.Severity {
		category += ":" + f.Severity.String()
	}
	pass.Report(analysis.Diagnostic{
		Pos:            pos,
		End:            f.Node.End(),
		Category:       category,
		Message:        f.Message,
		URL:            f.Rule.URL(),
		Related:        related,
		SuggestedFixes: f.Fixes,
	})
}

// ParseCategory splits a Category written by Report into the rule and its severity.
func ParseCategory(cat string) (*rules.Rule, rules.Severity, bool) {
	id, sev, _ := strings.Cut(cat, ":")
	r, ok := rules.Lookup(id)
	if !ok {
		return nil, 0, false
	}
	s := r.Severity
	if sev != "" {
		if v, err := rules.ParseSeverity(sev); err == nil {
			s = v
		}
	}
	return r, s, true
}

func generated(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return ast.IsGenerated(f)
		}
	}
	return false
}
