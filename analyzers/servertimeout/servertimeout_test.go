package servertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/servertimeout"
)

func TestServerTimeout(t *testing.T) {
	t.Parallel()
	dir := fixture.Dir(t)
	analysistest.RunWithSuggestedFixes(t, dir, servertimeout.Analyzer, "servertimeout")
}

// TestConfigured: s.yaml args and environmentVariables set timeouts as they
// set ports (the configuration beside the fixture is discovered).
func TestConfigured(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), servertimeout.Analyzer, "servertimeout/configured")
}

// TestLayouts: timeouts decided in another package of the module (a package
// variable, the fields of a struct a function returns).
func TestLayouts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), servertimeout.Analyzer, "servertimeoutlayouts/...")
}

// TestGoFrameConf: the timeouts of the configuration file's server node
// replace GoFrame's 60 s defaults (g.Server reads the file).
func TestGoFrameConf(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), servertimeout.Analyzer, "servertimeout/goframeconf/...")
}

// TestGoFrameSetConfig: a ghttp.ServerConfig literal replaces the 60 s
// defaults with its own timeouts.
func TestGoFrameSetConfig(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), servertimeout.Analyzer, "servertimeout/goframesetconfig")
}
