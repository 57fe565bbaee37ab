package servertimeout_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/servertimeout"
)

func TestFrameworks(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, servertimeout.Analyzer, "servertimeoutecho", "servertimeoutechoserver", "servertimeoutfiber", "servertimeouthertz", "servertimeoutgrpc")
}
