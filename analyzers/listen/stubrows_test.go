package listen

import (
	"testing"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/internal/stubcheck"
)

// TestRowsResolveInStandIns: every entry point the tables name is declared,
// with that receiver, by the framework stand-in the fixtures use (or by the
// standard library), so no row can name an API that is not there.
func TestRowsResolveInStandIns(t *testing.T) {
	var names []string
	for name := range apis {
		names = append(names, name)
	}
	for name := range hertzConstructors {
		names = append(names, name)
	}
	names = append(names, hertzHostPorts)
	stubcheck.CheckNames(t, fixture.Dir(t), names...)
}
