package loopbacklisten_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/loopbacklisten"
)

// TestRowsWithoutOtherFixtures runs the rows that no other fixture used:
// echo v4 StartAutoTLS, fiber v2 ListenTLS, hertz route.Engine.Run.
func TestRowsWithoutOtherFixtures(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/rows")
}

// TestFrameworksFromSource runs the frameworks modelled from their source
// (docs/frameworks.md).
func TestFrameworksFromSource(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/frameworks2")
}
