package servertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/servertimeout"
)

func TestFrameworks(t *testing.T) {
	t.Parallel()
	dir := fixture.Dir(t)
	analysistest.Run(t, dir, servertimeout.Analyzer, "servertimeoutecho", "servertimeoutechoserver", "servertimeoutfiber", "servertimeouthertz", "servertimeoutgrpc")
}
