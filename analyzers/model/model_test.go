package model_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/model"
)

// TestFacts: the summaries a package exports (and the ones it does not:
// booleans, unknown results, Stringers).
func TestFacts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), model.Analyzer, "modelfacts/...")
}
