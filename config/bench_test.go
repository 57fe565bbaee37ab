package config

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkResolve measures discovery plus parsing of a typical fc3 s.yaml
// from a package folder two levels below it (the budget: well under 1 ms).
func BenchmarkResolve(b *testing.B) {
	root := b.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "fc3", "s.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	pkg := filepath.Join(root, "code", "cmd", "api")
	for _, err := range []error{
		os.MkdirAll(filepath.Join(root, ".git"), 0o755),
		os.MkdirAll(pkg, 0o755),
		os.WriteFile(filepath.Join(root, "s.yaml"), data, 0o644),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Resolve(Options{Dir: pkg})
		if err != nil || res.File == nil {
			b.Fatal(res, err)
		}
	}
}
