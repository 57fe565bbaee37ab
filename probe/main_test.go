package probe

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// The namespace helper re-executes the running binary: here, the test binary.
	if IsHelper() {
		os.Exit(HelperMain())
	}
	os.Exit(m.Run())
}
