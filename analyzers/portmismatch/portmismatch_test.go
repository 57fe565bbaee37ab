package portmismatch_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/portmismatch"
)

func TestPortMismatch(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer,
		"portmismatch/basic", "portmismatch/slices/wrong", "portmismatch/slices/right", "portmismatch/defaults", "portmismatch/sidecar", "portmismatch/compliant", "portmismatch/override", "portmismatch/sideloopback", "portmismatch/sidewrong", "loopbacklisten/randomport")
}

// TestConfigured needs the s.yaml beside the fixture (config discovery).
func TestConfigured(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer, "portmismatch/configured/wrong", "portmismatch/configured/flagargs",
		"portmismatch/configured/ginport", "portmismatch/configured/envdead", "portmismatch/configured/override",
		"portmismatch/configured/unsetenv")
}

func TestCAPortOverride(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(portmismatch.Analyzer, fcconfig.Settings{Port: 8080}), "portmismatch/caport8080", "portmismatch/caport8080/gin",
		"portmismatch/caport8080/fcport", "portmismatch/caport8080/fcportwrong")
}

// TestLayouts: servers whose address, server or engine come from another
// package of the module.
func TestLayouts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer, "portmismatch/layouts/...")
}

// TestBeegoAppConf: beego's Run() without an address listens where
// conf/app.conf says (httpport, a [runmode] section, ${VAR||default}).
func TestBeegoAppConf(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer, "portmismatch/beegoconf/...")
}

// TestGoZeroConf: a go-zero RestConf filled by conf.MustLoad from the file
// the -f flag names (its default, or customRuntimeConfig.args).
func TestGoZeroConf(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer, "portmismatch/gozeroconf/...")
}

// TestGoFrameConf: a GoFrame server started without an address listens
// where the configuration file's server node says (g.Server), else on
// NewConfig's :0; SetPort, SetConfig and SetConfigWithMap set it.
func TestGoFrameConf(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), portmismatch.Analyzer, "portmismatch/goframeconf/...")
}
