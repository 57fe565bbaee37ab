package gclplugin

import (
	"encoding/json"
	"testing"
)

// FuzzNew feeds New arbitrary settings, as golangci-lint would decode them
// from any .golangci.yml: New must return an error or a usable plugin, never
// panic, and a plugin must have FC001 last unless FC001 was disabled.
func FuzzNew(f *testing.F) {
	for _, seed := range []string{
		`null`,
		`{}`,
		`{"port": 9000, "runtime": "custom.debian12", "tests": true}`,
		`{"enable": ["FC101", "port-mismatch"], "disable": ["FC103"]}`,
		`{"disable": ["ignore-directive"]}`,
		`{"enable": ["FC001"], "disable": ["FC001"]}`,
		`{"enable": "FC101"}`,
		`{"port": -1}`,
		`{"port": 1e10}`,
		`{"runtime": "python3"}`,
		`{"enable": [null, 1, {"a": 2}]}`,
		`[1, 2]`,
		`"fclint"`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, settings string) {
		var raw any
		if json.Unmarshal([]byte(settings), &raw) != nil {
			return
		}
		p, err := New(raw)
		if err != nil {
			return
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) == 0 {
			t.Fatalf("New(%s) gave a plugin with analyzers %v, error %v", settings, names(as), err)
		}
		s, _ := raw.(map[string]any)
		if disable, _ := s["disable"].([]any); len(disable) == 0 && as[len(as)-1].Name != "FC001" {
			t.Errorf("New(%s): FC001 is not last: %v", settings, names(as))
		}
	})
}
