package handlertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/handlertimeout"
	"github.com/fclint/fclint/analyzers/internal/fixture"
)

// TestRowsWithoutOtherFixtures runs the rows that no other fixture used:
// chi v1 and echo v5 middleware.
func TestRowsWithoutOtherFixtures(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), handlertimeout.Analyzer, "handlertimeoutrows")
}

// TestFrameworksFromSource runs the frameworks modelled from their source
// (docs/frameworks.md).
func TestFrameworksFromSource(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), handlertimeout.Analyzer, "handlertimeoutframeworks2")
}
