package gclplugin

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers"
	"github.com/fclint/fclint/analyzers/directive"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/analyzers/ignoredirective"
)

// yamlSettings is what golangci-lint hands New: the YAML settings map.
func yamlSettings(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("New(nil): %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestNewConfiguresAnalyzers(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(cfg, []byte("edition: 3.0.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(yamlSettings("port", 8080, "runtime", "custom.debian12", "config", cfg, "tests", true))
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	cfgAnalyzer := findAnalyzer(as, "fclint")
	if cfgAnalyzer == nil || cfgAnalyzer == fcconfig.Analyzer {
		t.Fatalf("the analyzers do not require a configuration analyzer of their own: %v", cfgAnalyzer)
	}
	for flag, want := range map[string]string{"port": "8080", "runtime": "custom.debian12", "config": cfg, "tests": "true"} {
		if got := cfgAnalyzer.Flags.Lookup(flag).Value.String(); got != want {
			t.Errorf("configuration %s = %q, want %q", flag, got, want)
		}
	}
	if got := fcconfig.Analyzer.Flags.Lookup("port").Value.String(); got != "0" {
		t.Errorf("New changed the default configuration analyzer's port to %s", got)
	}
}

// findAnalyzer finds the analyzer named name among as and their requirements.
func findAnalyzer(as []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range as {
		if a.Name == name {
			return a
		}
		if r := findAnalyzer(a.Requires, name); r != nil {
			return r
		}
	}
	return nil
}

func TestNewRejectsBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  string
	}{
		{"unknown key", yamlSettings("prot", 9000), "unknown field"},
		{"port type", yamlSettings("port", "nine thousand"), "port"},
		{"port range", yamlSettings("port", 70000), "outside 1-65535"},
		{"negative port", yamlSettings("port", -1), "outside 1-65535"},
		{"runtime", yamlSettings("runtime", "go1"), `runtime "go1" is not a custom runtime`},
		{"runtime typo", yamlSettings("runtime", "custom.debain12"), `runtime "custom.debain12" is not a custom runtime`},
		{"config missing", yamlSettings("config", filepath.Join(t.TempDir(), "nope.yaml")), "config:"},
		{"unknown enable", yamlSettings("enable", []any{"FC999"}), `enable: unknown rule "FC999"`},
		{"unknown disable", yamlSettings("disable", []any{"loopback"}), `disable: unknown rule "loopback"`},
		{"package rule", yamlSettings("enable", []any{"FC201"}), "FC201 (missing-entrypoint) is a package rule"},
		{"probe rule", yamlSettings("disable", []any{"not-listening"}), "fclint probe"},
		{"enable type", yamlSettings("enable", "FC101"), "enable"},
		{"nothing left", yamlSettings("enable", []any{"FC001"}, "disable", []any{"FC001"}), "no rule to run"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%v) = %v, want an error containing %q", tc.settings, p, tc.wantErr)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("New(%v) error = %q, want it to contain %q", tc.settings, err, tc.wantErr)
			}
		})
	}
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// fakeRule is a stand-in rule analyzer, so selection is tested whatever the
// registry holds today.
func fakeRule(name string) *analysis.Analyzer {
	return &analysis.Analyzer{Name: name, Doc: "fake " + name, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
}

func fakeRegistry() []*analysis.Analyzer {
	fc101, fc103, fc104 := fakeRule("FC101"), fakeRule("FC103"), fakeRule("FC104")
	meta := &analysis.Analyzer{
		Name:     "FC001",
		Doc:      "fake FC001",
		Requires: []*analysis.Analyzer{directive.Analyzer, fc101, fc103, fc104},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	helper := &analysis.Analyzer{Name: "serversites", Doc: "no rule", Run: meta.Run}
	return []*analysis.Analyzer{fc101, helper, fc103, fc104, meta}
}

func TestSelectAnalyzers(t *testing.T) {
	for _, tc := range []struct {
		name            string
		enable, disable []string
		want            []string
	}{
		{"all by default", nil, nil, []string{"FC101", "serversites", "FC103", "FC104", "FC001"}},
		{"disable by ID", nil, []string{"FC103"}, []string{"FC101", "serversites", "FC104", "FC001"}},
		{"disable by name", nil, []string{"hardcoded-port", "Server-Timeout"}, []string{"FC101", "serversites", "FC001"}},
		{"enable keeps FC001", []string{"FC101"}, nil, []string{"FC101", "serversites", "FC001"}},
		{"enable by name", []string{"loopback-listen", "FC104"}, nil, []string{"FC101", "serversites", "FC104", "FC001"}},
		{"disable wins", []string{"FC101", "FC104"}, []string{"FC104"}, []string{"FC101", "serversites", "FC001"}},
		{"disable FC001", nil, []string{"ignore-directive"}, []string{"FC101", "serversites", "FC103", "FC104"}},
		{"only FC001", []string{"FC001"}, nil, []string{"serversites", "FC001"}},
		{"rule without analyzer", []string{"FC107"}, nil, []string{"serversites", "FC001"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := selectAnalyzers(fakeRegistry(), tc.enable, tc.disable)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tc.want) {
				t.Errorf("selectAnalyzers(enable=%v, disable=%v) = %v, want %v", tc.enable, tc.disable, names(got), tc.want)
			}
			if err := analysis.Validate(got); err != nil {
				t.Errorf("selected analyzers are invalid: %v", err)
			}
			// A disabled rule must not run as a prerequisite of FC001 either.
			last := got[len(got)-1]
			if last.Name != "FC001" {
				return
			}
			for _, req := range last.Requires {
				for _, off := range tc.disable {
					if r, ok := ruleOf(req); ok && (r.ID == off || r.Name == strings.ToLower(off)) {
						t.Errorf("FC001 still requires disabled %s", req.Name)
					}
				}
			}
		})
	}
}

func TestSelectKeepsRegistryMetaWhenNothingIsOff(t *testing.T) {
	all := fakeRegistry()
	got, err := selectAnalyzers(all, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[len(got)-1] != all[len(all)-1] {
		t.Error("with every rule on, FC001 should be the registry's analyzer, not a copy")
	}
}

func TestBuildAnalyzersFromRegistry(t *testing.T) {
	p, err := New(yamlSettings("disable", []any{"FC103"}))
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[len(got)-1].Name != "FC001" {
		t.Fatalf("BuildAnalyzers() = %v, want FC001 last", names(got))
	}
	for _, a := range got {
		if a.Name == "FC103" {
			t.Errorf("BuildAnalyzers() = %v still has the disabled FC103", names(got))
		}
	}
	want := len(analyzers.All()) + 1 // the configuration's cache key
	if hasAnalyzer("FC103") {
		want--
	}
	if len(got) != want {
		t.Errorf("BuildAnalyzers() = %v, want the %d registry analyzers other than FC103", names(got), want)
	}
	if err := analysis.Validate(got); err != nil {
		t.Error(err)
	}
}

// golangci-lint keys its cache with the sorted analyzer names (and not with
// s.yaml): the first analyzer's name carries the configuration's fingerprint,
// so a changed s.yaml, or another file found, gives another key.
func TestConfigIsPartOfTheCacheKey(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	keyName := func() string {
		t.Helper()
		p, err := New(nil)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := p.BuildAnalyzers()
		if err := analysis.Validate(got); err != nil {
			t.Fatal(err)
		}
		return got[0].Name
	}
	write := func(name, port string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		body := "edition: 3.0.0\nresources:\n  api:\n    component: fc3\n    props:\n      functionName: api\n      runtime: custom.debian10\n      customRuntimeConfig:\n        port: " + port + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	none := keyName()
	write("s.yaml", "9000")
	at9000 := keyName()
	write("s.yaml", "8080")
	at8080 := keyName()
	write("s.yaml", "9000")
	again := keyName()
	write("cmd/api/s.yaml", "9000") // a nearer file for cmd/api
	nested := keyName()
	if none == at9000 || at9000 == at8080 || again != at9000 || nested == at9000 {
		t.Errorf("cache key analyzer names: none %s, 9000 %s, 8080 %s, 9000 again %s, nested %s; want a new name for each change", none, at9000, at8080, again, nested)
	}

	// A configuration that cannot be parsed stops golangci-lint, with the file and line.
	if err := os.WriteFile(filepath.Join(dir, "cmd/api/s.yaml"), []byte("edition: 3.0.0\nresources: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(nil); err == nil || !strings.Contains(err.Error(), "s.yaml:") {
		t.Errorf("New with a broken cmd/api/s.yaml: %v, want an error naming the file", err)
	}

	// So does a value of the wrong type: FC301 at its line, not CAPort 9000.
	write("cmd/api/s.yaml", "abc")
	if _, err := New(nil); err == nil || !strings.Contains(err.Error(), "s.yaml:9: ") || !strings.Contains(err.Error(), "(FC301)") {
		t.Errorf("New with port: abc: %v, want an FC301 error naming s.yaml:9", err)
	}
}

func hasAnalyzer(name string) bool {
	for _, a := range analyzers.All() {
		if a.Name == name {
			return true
		}
	}
	return false
}

// TestRestrictedMetaIgnoresDirectivesOfDisabledRules runs the real FC001 over
// a file with directives and checks that, with FC103 disabled, only the
// directives it can still judge are reported.
func TestRestrictedMetaIgnoresDirectivesOfDisabledRules(t *testing.T) {
	const src = `package p

//fclint:ignore FC103 the port is fixed by the platform
var a = 1

//fclint:ignore FC101 nothing here listens
var b = 2

//fclint:ignore FC103
var c = 3
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	lines := func(meta *analysis.Analyzer) []int {
		var got []int
		pass := &analysis.Pass{
			Analyzer: meta,
			Fset:     fset,
			Files:    []*ast.File{f},
			ReadFile: func(string) ([]byte, error) { return []byte(src), nil },
			Report:   func(d analysis.Diagnostic) { got = append(got, fset.Position(d.Pos).Line) },
			ResultOf: map[*analysis.Analyzer]any{},
		}
		set, err := directive.Analyzer.Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		pass.ResultOf[directive.Analyzer] = set
		pass.ResultOf[fcconfig.Analyzer] = fcconfig.Resolve(fcconfig.Settings{}, t.TempDir())
		if _, err := meta.Run(pass); err != nil {
			t.Fatal(err)
		}
		return got
	}

	// Unrestricted, FC001 reports all three: two unused, one without a reason.
	if got := lines(ignoredirective.Analyzer); !reflect.DeepEqual(got, []int{3, 6, 9}) {
		t.Fatalf("FC001 reported lines %v, want [3 6 9]", got)
	}
	restricted := restrictMeta(ignoredirective.Analyzer, map[string]bool{"FC103": true})
	// FC103 is off: line 3 cannot be judged; line 9 is malformed regardless.
	if got := lines(restricted); !reflect.DeepEqual(got, []int{6, 9}) {
		t.Errorf("restricted FC001 reported lines %v, want [6 9]", got)
	}
}
