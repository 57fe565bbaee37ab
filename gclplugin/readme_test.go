package gclplugin

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The README's .golangci.yml sample works when copied into fclint init's
// layout and run where golangci-lint runs: in the Go module, code/, with
// s.yaml one folder up. (A `config: s.yaml` in the sample stopped
// golangci-lint with exit 3 there.)
func TestReadmeSampleWorksWhenCopied(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	sec := strings.Index(text, "### golangci-lint (module plugin)")
	if sec < 0 {
		t.Fatal("README has no golangci-lint section")
	}
	text = text[sec:]
	var sample string
	for _, block := range strings.Split(text, "```yaml\n")[1:] {
		block = block[:strings.Index(block, "```")]
		if strings.Contains(block, "linters:") {
			sample = block
			break
		}
	}
	if sample == "" {
		t.Fatal("README's golangci-lint section has no .golangci.yml sample")
	}
	var cfg struct {
		Linters struct {
			Settings struct {
				Custom map[string]struct {
					Type     string `yaml:"type"`
					Settings any    `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	if err := yaml.Unmarshal([]byte(sample), &cfg); err != nil {
		t.Fatalf("README sample: %v", err)
	}
	fc, ok := cfg.Linters.Settings.Custom[Name]
	if !ok || fc.Type != "module" {
		t.Fatalf("README sample has no module linter %q: %+v", Name, cfg.Linters.Settings.Custom)
	}

	root := t.TempDir()
	for name, body := range map[string]string{
		"s.yaml":       "edition: 3.0.0\nresources:\n  api:\n    component: fc3\n    props:\n      functionName: api\n      runtime: custom.debian12\n      code: ./code\n      customRuntimeConfig:\n        port: 9000\n",
		"code/go.mod":  "module example.com/api\n\ngo 1.22\n",
		"code/main.go": "package main\n\nfunc main() {}\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "code"))
	p, err := New(fc.Settings)
	if err != nil {
		t.Fatalf("New(README sample settings) in code/: %v (golangci-lint would exit 3)", err)
	}
	if _, err := p.BuildAnalyzers(); err != nil {
		t.Fatal(err)
	}
}
