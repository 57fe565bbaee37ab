package fcconfig

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestConfigure: the copies require a configuration analyzer with the
// settings; analyzers that do not depend on the configuration are shared, and
// the originals (and the default analyzer's flags) are left as they were.
func TestConfigure(t *testing.T) {
	t.Parallel()
	noop := func(*analysis.Pass) (any, error) { return nil, nil }
	plain := &analysis.Analyzer{Name: "plain", Doc: "plain", Run: noop}
	model := &analysis.Analyzer{Name: "model", Doc: "model", Run: noop, Requires: []*analysis.Analyzer{Analyzer, plain}}
	rule := &analysis.Analyzer{Name: "rule", Doc: "rule", Run: noop, Requires: []*analysis.Analyzer{model}}
	got := Configure([]*analysis.Analyzer{rule, plain}, Settings{Port: 8080, Tests: true})
	if got[1] != plain {
		t.Error("an analyzer independent of the configuration was copied")
	}
	if got[0] == rule || got[0].Requires[0] == model {
		t.Fatal("an analyzer depending on the configuration was not copied")
	}
	cfg := got[0].Requires[0].Requires[0]
	if cfg == Analyzer || cfg.Flags.Lookup("port").Value.String() != "8080" || cfg.Flags.Lookup("tests").Value.String() != "true" {
		t.Errorf("the copy requires %v with port %s, want a new analyzer with port 8080", cfg, cfg.Flags.Lookup("port").Value)
	}
	if got[0].Requires[0].Requires[1] != plain {
		t.Error("the copy's independent requirement was copied")
	}
	if rule.Requires[0] != model || model.Requires[0] != Analyzer || Analyzer.Flags.Lookup("port").Value.String() != "0" {
		t.Error("Configure changed the originals")
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
}

// TestEachRunReadsTheConfiguration: a configuration analyzer remembers what
// it read for its own run only; a new one (the next `fclint check` in the same
// process) sees the file as it is now.
func TestEachRunReadsTheConfiguration(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	write := func(port int) {
		t.Helper()
		yaml := fmt.Sprintf("edition: 3.0.0\nname: app\nresources:\n  fn:\n    component: fc3\n    props:\n      functionName: fn\n      runtime: custom.debian12\n      customRuntimeConfig:\n        command: [./main]\n        port: %d\n", port)
		if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, src, "package main", 0)
	if err != nil {
		t.Fatal(err)
	}
	caport := func(a *analysis.Analyzer) int {
		t.Helper()
		res, err := a.Run(&analysis.Pass{Fset: fset, Files: []*ast.File{file}})
		if err != nil {
			t.Fatal(err)
		}
		return res.(*Config).CAPort()
	}

	write(8080)
	first := New(Settings{})
	if got := caport(first); got != 8080 {
		t.Fatalf("CAPort %d, want 8080", got)
	}
	write(9000)
	if got := caport(first); got != 8080 {
		t.Errorf("within a run the configuration changed to %d", got)
	}
	if got := caport(New(Settings{})); got != 9000 {
		t.Errorf("a new run got CAPort %d from the earlier run, want 9000", got)
	}
}
