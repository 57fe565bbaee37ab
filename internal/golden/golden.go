// Package golden compares a test's output with a file under testdata and
// rewrites the file when the test runs with -update.
package golden

import (
	"flag"
	"os"
	"testing"
)

// Update is the -update flag of every test binary that uses this package.
var Update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Check compares got with the file at path, or rewrites the file under
// -update. regen is the command that rewrites it, for the failure message.
func Check(t testing.TB, path, got, regen string) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with: %s)", err, regen)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (if the change is intended: %s)\n--- got ---\n%s\n--- want ---\n%s", path, regen, got, want)
	}
}
