package keepalivedisabled_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/keepalivedisabled"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNetHTTP(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), keepalivedisabled.Analyzer, "keepalivedisabled")
}

func TestFrameworks(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), keepalivedisabled.Analyzer, "keepalivedisabledframeworks")
}
