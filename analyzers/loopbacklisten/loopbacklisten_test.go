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

func testdata(t *testing.T) string {
	dir := fixture.Dir(t)
	return dir
}

func TestBasic(t *testing.T) {
	fixture.Settings(t, fcconfig.Settings{Port: 9000})
	analysistest.Run(t, fixture.Dir(t), loopbacklisten.Analyzer, "loopbacklisten/basic", "loopbacklisten/frameworks", "loopbacklisten/side", "loopbacklisten/fallback",
		"loopbacklisten/sidewrong", "loopbacklisten/alone", "loopbacklisten/aloneunknown", "loopbacklisten/randomport", "loopbacklisten/sideenv", "loopbacklisten/deadstore")
}

// TestFixes checks the suggested edits against fix.go.golden.
func TestFixes(t *testing.T) {
	fixture.Settings(t, fcconfig.Settings{Port: 9000})
	analysistest.RunWithSuggestedFixes(t, fixture.Dir(t), loopbacklisten.Analyzer, "loopbacklisten/fix")
}

// TestChain: a long re-assignment chain of a server pointer is followed in
// linear time and keeps the loopback address it starts with.
func TestChain(t *testing.T) {
	fixture.Settings(t, fcconfig.Settings{Port: 9000})
	analysistest.Run(t, fixture.Dir(t), loopbacklisten.Analyzer, "loopbacklisten/chain")
}

// TestCgo: a file that imports "C" is analyzed, not dropped as generated.
func TestCgo(t *testing.T) {
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled: files importing \"C\" are not built")
	}
	fixture.Settings(t, fcconfig.Settings{Port: 9000})
	analysistest.Run(t, fixture.Dir(t), loopbacklisten.Analyzer, "loopbacklisten/cgo")
}
