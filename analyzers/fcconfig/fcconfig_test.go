package fcconfig

import (
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
