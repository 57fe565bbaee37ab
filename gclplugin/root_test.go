package gclplugin

import (
	"path/filepath"
	"testing"
)

// moduleRoot is the repository root, one level up from this package.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}
