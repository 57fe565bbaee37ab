package go1sdk_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/go1sdk"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestConfigured needs the s.yaml files beside the fixtures.
func TestConfigured(t *testing.T) {
	results := analysistest.Run(t, testdata(t), go1sdk.Analyzer, "go1sdk/custom", "go1sdk/go1", "go1sdk/noconfig")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			want := "FC107"
			if r.Pass.Pkg.Path() == "go1sdk/noconfig" {
				want = "FC107:warning"
			}
			if d.Category != want {
				t.Errorf("%s: category %q, want %q", r.Pass.Fset.Position(d.Pos), d.Category, want)
			}
		}
	}
}

// TestRuntimeFlag: --runtime custom makes the unconfigured package an error.
func TestRuntimeFlag(t *testing.T) {
	saved := fcconfig.Current
	fcconfig.Current = fcconfig.Settings{Runtime: "custom"}
	t.Cleanup(func() { fcconfig.Current = saved })
	analysistest.Run(t, testdata(t), go1sdk.Analyzer, "go1sdk/flagged")
}
