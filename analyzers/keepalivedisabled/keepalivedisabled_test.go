package keepalivedisabled_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/keepalivedisabled"
)

func TestNetHTTP(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), keepalivedisabled.Analyzer, "keepalivedisabled")
}

func TestFrameworks(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), keepalivedisabled.Analyzer, "keepalivedisabledframeworks")
}

// TestGoFrameConfigFile: keepAlive in GoFrame's configuration file, read the
// way gcfg and gconv read it.
func TestGoFrameConfigFile(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), keepalivedisabled.Analyzer, "keepalivedisabled/goframeconf/...")
}

// TestGoFrameSetConfig: a ghttp.ServerConfig literal replaces the defaults.
func TestGoFrameSetConfig(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), keepalivedisabled.Analyzer, "keepalivedisabled/goframesetconfig")
}
