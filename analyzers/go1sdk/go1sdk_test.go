package go1sdk_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/go1sdk"
	"github.com/fclint/fclint/analyzers/internal/fixture"
)

// TestConfigured needs the s.yaml files beside the fixtures.
func TestConfigured(t *testing.T) {
	t.Parallel()
	results := analysistest.Run(t, fixture.Dir(t), go1sdk.Analyzer, "go1sdk/custom", "go1sdk/go1", "go1sdk/noconfig")
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
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(go1sdk.Analyzer, fcconfig.Settings{Runtime: "custom"}), "go1sdk/flagged")
}
