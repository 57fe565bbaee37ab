package keepalivedisabled

import (
	"testing"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/internal/stubcheck"
)

// TestRowsResolveInStandIns: every header setter and connection closer the
// tables name is declared, with that receiver, by the framework stand-in
// the fixtures use (or by the standard library).
func TestRowsResolveInStandIns(t *testing.T) {
	names := []string{"(net/http.ResponseWriter).Header"}
	for name := range headerSetters {
		names = append(names, name)
	}
	for name := range connectionClosers {
		names = append(names, name)
	}
	stubcheck.CheckNames(t, fixture.Dir(t), names...)
}
