package handlertimeout

import (
	"testing"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/internal/stubcheck"
)

// TestRowsResolveInStandIns: every middleware, configuration field and
// option the tables name is declared by the framework stand-in the fixtures
// use (or by the standard library).
func TestRowsResolveInStandIns(t *testing.T) {
	var names []string
	for name := range deadlineArgs {
		names = append(names, name)
	}
	for typ, field := range deadlineFields {
		names = append(names, typ, typ+"."+field)
	}
	for name, d := range defaultDeadlines {
		names = append(names, name, d.Option)
	}
	stubcheck.CheckNames(t, fixture.Dir(t), names...)
}
