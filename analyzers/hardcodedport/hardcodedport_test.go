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

// TestHelperInAnotherPackage: FC's port variable read through another
// package's getEnv(key, def) or getEnv(key, defaults...) helper, with CAPort
// as the default, is the compliant pattern: no FC103. (../variadic, where the
// helpers read other variables, is the FC102 near-miss.)
func TestHelperInAnotherPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), hardcodedport.Analyzer, "portmismatch/layouts/variadicfc")
}
