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

// TestGoZero: a RestConf filled from etc/*.yaml gives every route go-zero's
// Timeout (3000 ms unless the file sets it) while Middlewares.Timeout is on.
func TestGoZero(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), handlertimeout.Analyzer, "handlertimeoutgozero/...")
}
