package loopbacklisten_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/loopbacklisten"
)

func withSettings(t *testing.T, s fcconfig.Settings) {
	saved := fcconfig.Current
	fcconfig.Current = s
	t.Cleanup(func() { fcconfig.Current = saved })
}

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBasic(t *testing.T) {
	withSettings(t, fcconfig.Settings{Port: 9000})
	analysistest.Run(t, testdata(t), loopbacklisten.Analyzer, "loopbacklisten/basic", "loopbacklisten/frameworks", "loopbacklisten/side", "loopbacklisten/fallback",
		"loopbacklisten/sidewrong", "loopbacklisten/alone", "loopbacklisten/aloneunknown", "loopbacklisten/randomport", "loopbacklisten/sideenv")
}

// TestFixes checks the suggested edits against fix.go.golden.
func TestFixes(t *testing.T) {
	withSettings(t, fcconfig.Settings{Port: 9000})
	analysistest.RunWithSuggestedFixes(t, testdata(t), loopbacklisten.Analyzer, "loopbacklisten/fix")
}
