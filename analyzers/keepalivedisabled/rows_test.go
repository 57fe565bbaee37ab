package keepalivedisabled_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/keepalivedisabled"
)

// TestFrameworksFromSource runs the frameworks modelled from their source
// (docs/frameworks.md).
func TestFrameworksFromSource(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), keepalivedisabled.Analyzer, "keepalivedisabledframeworks2")
}
