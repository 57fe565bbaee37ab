package gocheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// A go.sum error keeps the command that fixes it (go list puts it on the
// next, indented line).
func TestDescribeKeepsFixCommand(t *testing.T) {
	e := packages.Error{Pos: "main.go:3:8", Msg: "main.go:3:8: missing go.sum entry for module providing package github.com/a/b (imported by example.com/x); to add:\n\tgo get example.com/x"}
	got := describe(e)
	if !strings.HasSuffix(got, "to add: go get example.com/x") {
		t.Errorf("describe = %q", got)
	}
}

func TestMissingPath(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "cmd"), 0o755)
	for pattern, wantMissing := range map[string]bool{
		"./...": false, ".": false, "./cmd/...": false, "./cmd": false, "example.com/x/...": false, "fmt": false,
		"./gone/...": true, "./gone": true, "../nowhere-" + filepath.Base(dir): true, "/nonexistent-fclint": true,
	} {
		err := missingPath(dir, []string{pattern})
		if (err != nil) != wantMissing {
			t.Errorf("missingPath(%q) = %v, want missing %v", pattern, err, wantMissing)
		}
		if err != nil && err.Error() != pattern+" does not exist" {
			t.Errorf("message %q", err)
		}
	}
}
