package loopbacklisten_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/loopbacklisten"
)

func TestDump(t *testing.T) {
	pkg := os.Getenv("DUMP")
	if pkg == "" {
		t.Skip()
	}
	withSettings(t, fcconfig.Settings{Port: 9000})
	for _, r := range analysistest.Run(new(testing.T), testdata(t), loopbacklisten.Analyzer, pkg) {
		for _, d := range r.Diagnostics {
			t.Logf("%v: %s", r.Pass.Fset.Position(d.Pos), d.Message)
			for _, rel := range d.Related {
				t.Logf("    related %v: %s", r.Pass.Fset.Position(rel.Pos), rel.Message)
			}
			for _, f := range d.SuggestedFixes {
				for _, e := range f.TextEdits {
					t.Logf("    fix %v: %q", r.Pass.Fset.Position(e.Pos), e.NewText)
				}
			}
		}
	}
}
