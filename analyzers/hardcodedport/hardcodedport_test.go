package hardcodedport_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/hardcodedport"
)

func TestHardcodedPort(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, hardcodedport.Analyzer, "hardcodedport/basic", "hardcodedport/compliant")
}
