package gclplugin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"
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
	for _, seed := range documentedSettings(f) {
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

// documentedSettings are the plugin settings docs/integrations.md shows, as
// JSON: what users copy into .golangci.yml.
func documentedSettings(tb testing.TB) []string {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "integrations.md"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, block := range regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllSubmatch(doc, -1) {
		var v any
		if yaml.Unmarshal(block[1], &v) != nil {
			continue
		}
		var find func(v any)
		find = func(v any) {
			m, ok := v.(map[string]any)
			if !ok {
				return
			}
			if plugin, ok := m["fclint"].(map[string]any); ok && plugin["settings"] != nil {
				if b, err := json.Marshal(plugin["settings"]); err == nil {
					out = append(out, string(b))
				}
			}
			for _, child := range m {
				find(child)
			}
		}
		find(v)
	}
	if len(out) == 0 {
		tb.Fatal("docs/integrations.md shows no fclint plugin settings")
	}
	return out
}
