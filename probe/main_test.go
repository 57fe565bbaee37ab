package probe

import (
	"os"
	"testing"
)

var (
	// runTempDir is the temporary folder when the tests start (tests change TMPDIR).
	runTempDir string
	// binDir holds the test servers, built on first use (Linux only).
	binDir string
)

func TestMain(m *testing.M) {
	// The namespace helper re-executes the running binary: here, the test binary.
	if IsHelper() {
		os.Exit(HelperMain())
	}
	runTempDir = os.TempDir()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir) // the test servers built by server()
	}
	os.Exit(code)
}
