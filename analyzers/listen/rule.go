package listen

import (
	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/rules"
)

// CheckSite judges one listen site of a package for a rule.
type CheckSite func(pass *analysis.Pass, res *Result, site *Site, caport int)

// NewRuleAnalyzer is the analyzer of a rule judged site by site (FC101–FC103):
// named and documented from the catalog, it runs check on every listen site
// of the package with the CAPort in force.
func NewRuleAnalyzer(rule *rules.Rule, check CheckSite) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     rule.ID,
		Doc:      rule.AnalyzerDoc(),
		URL:      rule.URL(),
		Requires: append([]*analysis.Analyzer{Analyzer}, diag.Requires...),
		Run: func(pass *analysis.Pass) (any, error) {
			res, _ := fcconfig.ResultOf[*Result](pass)
			if len(res.Sites) == 0 {
				return nil, nil
			}
			caport := fcconfig.Of(pass).CAPort()
			for _, site := range res.Sites {
				check(pass, res, site, caport)
			}
			return nil, nil
		},
	}
}
