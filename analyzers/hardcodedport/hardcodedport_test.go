package hardcodedport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/hardcodedport"
	"github.com/fclint/fclint/analyzers/internal/fixture"
)

func TestHardcodedPort(t *testing.T) {
	t.Parallel()
	dir := fixture.Dir(t)
	analysistest.Run(t, dir, hardcodedport.Analyzer, "hardcodedport/basic", "hardcodedport/compliant", "hardcodedport/helper", "hardcodedport/container")
}
