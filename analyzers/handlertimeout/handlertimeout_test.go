package handlertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/handlertimeout"
	"github.com/fclint/fclint/analyzers/internal/fixture"
)

func TestHandlerTimeout(t *testing.T) {
	t.Parallel()
	dir := fixture.Dir(t)
	analysistest.Run(t, dir, handlertimeout.Analyzer, "handlertimeout")
}
