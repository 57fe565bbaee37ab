package portmismatch_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/portmismatch"
)

// TestRowsWithoutOtherFixtures runs the rows that no other fixture used:
// echo v4 StartAutoTLS, fiber v2 ListenTLS, hertz route.Engine.Run.
func TestRowsWithoutOtherFixtures(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(portmismatch.Analyzer, fcconfig.Settings{Port: 9000}), "portmismatch/rows", "portmismatch/rowsok")
}

// TestFrameworksFromSource runs the frameworks modelled from their source
// (docs/frameworks.md).
func TestFrameworksFromSource(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(portmismatch.Analyzer, fcconfig.Settings{Port: 9000}), "portmismatch/frameworks2", "portmismatch/frameworks2ok")
}
