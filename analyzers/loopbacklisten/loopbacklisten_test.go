package loopbacklisten_test

import (
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/loopbacklisten"
)

func TestBasic(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/basic", "loopbacklisten/frameworks", "loopbacklisten/side", "loopbacklisten/fallback",
		"loopbacklisten/sidewrong", "loopbacklisten/alone", "loopbacklisten/aloneunknown", "loopbacklisten/randomport", "loopbacklisten/sideenv", "loopbacklisten/deadstore",
		"loopbacklisten/unreachable", "loopbacklisten/reachable", "loopbacklisten/unreachablelib", "loopbacklisten/reachablelib", "loopbacklisten/embedded", "loopbacklisten/flagfield")
}

// TestFixes checks the suggested edits against fix.go.golden.
func TestFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/fix")
}

// TestChain: a long re-assignment chain of a server pointer is followed in
// linear time and keeps the loopback address it starts with.
func TestChain(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/chain")
}

// TestCgo: a file that imports "C" is analyzed, not dropped as generated.
func TestCgo(t *testing.T) {
	t.Parallel()
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled: files importing \"C\" are not built")
	}
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/cgo")
}

// TestLayouts: servers whose loopback host is decided in one package and
// used in another (a start wrapper, a method, a getter).
func TestLayouts(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, fixture.Dir(t), fixture.Configure(loopbacklisten.Analyzer, fcconfig.Settings{Port: 9000}), "loopbacklisten/layouts/...")
}
