package gclplugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint the end-to-end test builds; it must
// build with this module's Go and x/tools. FCLINT_GOLANGCI_VERSION overrides it.
const golangciVersion = "v2.15.0"

// TestGolangciLintCustom builds a custom golangci-lint the way `golangci-lint
// custom` does (golangci-lint's own main package plus a blank import of this
// plugin, with this checkout replacing the fclint module) and runs it on
// testdata/fixture. It downloads golangci-lint's modules and compiles them,
// which takes minutes, so it runs only with FCLINT_GOLANGCI_TEST=1; give it
// `go test -timeout 30m`.
func TestGolangciLintCustom(t *testing.T) {
	if os.Getenv("FCLINT_GOLANGCI_TEST") != "1" {
		t.Skip("set FCLINT_GOLANGCI_TEST=1 to build a custom golangci-lint with the plugin (downloads modules; takes minutes)")
	}
	ctx := context.Background()
	if deadline, ok := t.Deadline(); ok {
		if time.Until(deadline) < 5*time.Minute {
			t.Fatalf("building golangci-lint takes minutes; run with go test -timeout 30m (%v left)", time.Until(deadline).Round(time.Second))
		}
		// Stop the build a little before the test binary would panic, so the
		// failure says what was running.
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-30*time.Second))
		defer cancel()
	}
	version := golangciVersion
	if v := os.Getenv("FCLINT_GOLANGCI_VERSION"); v != "" {
		version = v
	}

	bin := buildCustomGolangci(ctx, t, version)
	lines := fixtureLines(t)

	t.Run("fixture", func(t *testing.T) {
		got, code, stderr := runCustomGolangci(ctx, t, bin, nil)
		if code != 1 {
			t.Fatalf("exit code %d, want 1 (issues found)\n%s", code, stderr)
		}
		// golangci-lint prefixes each message with the analyzer's name: the rule ID.
		for _, w := range []string{
			fmt.Sprintf("main.go:%d: FC001: ", lines.malformed),
			fmt.Sprintf("main.go:%d: FC101: ", lines.loopback),
			// A port passed to another package's wrapper (analysis facts).
			"cmd/wrapped/main.go:12: FC102: ",
		} {
			if !containsPrefix(got, w) {
				t.Errorf("no issue %q...; got:\n%s", w, strings.Join(got, "\n"))
			}
		}
		for _, g := range got {
			if strings.HasPrefix(g, fmt.Sprintf("main.go:%d:", lines.nolint)) {
				t.Errorf("line %d has //nolint:fclint but was reported: %s", lines.nolint, g)
			}
			if strings.Contains(g, "FC103") {
				t.Errorf("FC103 is disabled in .golangci.yml but was reported: %s", g)
			}
		}
	})

	t.Run("port setting", func(t *testing.T) {
		got, code, stderr := runCustomGolangci(ctx, t, bin, strings.NewReplacer("port: 9000", "port: 8080"))
		if code != 1 {
			t.Fatalf("exit code %d, want 1 (issues found)\n%s", code, stderr)
		}
		// The finding names CAPort, which now comes from the settings.
		prefix := fmt.Sprintf("main.go:%d: FC101: ", lines.loopback)
		for _, g := range got {
			if strings.HasPrefix(g, prefix) && strings.Contains(g, "8080") {
				return
			}
		}
		t.Errorf("no issue %q... naming CAPort 8080; got:\n%s", prefix, strings.Join(got, "\n"))
	})

	// golangci-lint caches issues per package; the configuration must be part
	// of the key (see configKeyAnalyzer): one cache, s.yaml changed between runs.
	t.Run("warm cache sees s.yaml changes", func(t *testing.T) {
		cache := t.TempDir()
		work := t.TempDir()
		noPort := strings.NewReplacer("          port: 9000\n", "") // the whole line: its indent would break the YAML
		mentions8080 := func(body string, wantCode int) bool {
			t.Helper()
			writeSYAML(t, work, body)
			got, code, stderr := runCustomGolangciIn(ctx, t, bin, work, cache, noPort)
			if code != wantCode {
				t.Fatalf("exit code %d, want %d\n%s", code, wantCode, stderr)
			}
			return strings.Contains(strings.Join(got, "\n"), "8080") // "CAPort 8080" or "0.0.0.0:8080"
		}
		cold := mentions8080(sYAML(9000), 1)
		warm := mentions8080(sYAML(9000), 1) // the same input again, from the cache
		if cold || warm {
			t.Fatal("port 8080 reported with port 9000 in s.yaml")
		}
		if !mentions8080(sYAML(8080), 1) {
			t.Error("s.yaml changed to port 8080 with a warm cache, but no issue names port 8080: a stale cached result")
		}
		if mentions8080(sYAML(9000), 1) {
			t.Error("s.yaml changed back to port 9000, but an issue still names port 8080")
		}
		// A configuration that cannot be parsed is exit 3 with its file and line.
		writeSYAML(t, work, "edition: 3.0.0\nresources: [\n")
		_, code, stderr := runCustomGolangciIn(ctx, t, bin, work, cache, noPort)
		if code != 3 || !strings.Contains(stderr, "s.yaml:") {
			t.Errorf("broken s.yaml: exit code %d, want 3 naming s.yaml; stderr:\n%s", code, stderr)
		}
	})

	t.Run("bad settings", func(t *testing.T) {
		_, code, stderr := runCustomGolangci(ctx, t, bin, strings.NewReplacer("port: 9000", "port: 70000"))
		// golangci-lint's exit code 3 is "failure": the linter could not be built.
		if code != 3 || !strings.Contains(stderr, "plugin(fclint)") || !strings.Contains(stderr, "port 70000 is outside 1-65535") {
			t.Errorf("exit code %d, want 3 with the plugin's error; stderr:\n%s", code, stderr)
		}
	})
}

// runCustomGolangci runs the custom golangci-lint on a copy of the fixture,
// with edit applied to its .golangci.yml, and returns its issues as
// "file:line: text", its exit code and its stderr.
func runCustomGolangci(ctx context.Context, t *testing.T, bin string, edit *strings.Replacer) (issues []string, code int, stderr string) {
	t.Helper()
	return runCustomGolangciIn(ctx, t, bin, t.TempDir(), t.TempDir(), edit)
}

// sYAML is an fc3 s.yaml for the fixture with the given CAPort.
func sYAML(port int) string {
	return fmt.Sprintf("edition: 3.0.0\nresources:\n  api:\n    component: fc3\n    props:\n      functionName: api\n      runtime: custom.debian12\n      code: ./\n      customRuntimeConfig:\n        port: %d\n", port)
}

func writeSYAML(t *testing.T, dir, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCustomGolangciIn is runCustomGolangci in the folder work (the fixture is
// copied over it, other files stay) with the cache folder cache.
func runCustomGolangciIn(ctx context.Context, t *testing.T, bin, work, cache string, edit *strings.Replacer) (issues []string, code int, stderr string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(work, ".git"), 0o755); err != nil { // stops configuration discovery
		t.Fatal(err)
	}
	copyDir(t, filepath.Join("testdata", "fixture"), work)
	if edit != nil {
		cfg := filepath.Join(work, ".golangci.yml")
		if err := os.WriteFile(cfg, []byte(edit.Replace(string(readFile(t, cfg)))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jsonOut := filepath.Join(t.TempDir(), "issues.json")
	cmd := exec.CommandContext(ctx, bin, "run", "--output.json.path="+jsonOut, "--output.text.path=stderr", "./...")
	cmd.Dir = work
	cmd.Env = append(goEnv(), "GOLANGCI_LINT_CACHE="+cache)
	var errBuf strings.Builder
	cmd.Stderr = &errBuf
	start := time.Now()
	err := cmd.Run()
	t.Logf("custom golangci-lint run: %v", time.Since(start).Round(time.Millisecond))
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running the custom golangci-lint: %v", err)
	}
	if code != 1 {
		return nil, code, errBuf.String()
	}

	var out struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(readFile(t, jsonOut), &out); err != nil {
		t.Fatalf("golangci-lint JSON: %v", err)
	}
	for _, is := range out.Issues {
		if is.FromLinter != Name {
			t.Errorf("issue from linter %q, want only %q: %s", is.FromLinter, Name, is.Text)
		}
		issues = append(issues, fmt.Sprintf("%s:%d: %s", is.Pos.Filename, is.Pos.Line, is.Text))
	}
	t.Logf("issues:\n%s", strings.Join(issues, "\n"))
	return issues, code, errBuf.String()
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

type fixture struct{ nolint, malformed, loopback int }

// fixtureLines finds the lines of interest in the fixture by their comments,
// so that editing the fixture does not silently break the expectations.
func fixtureLines(t *testing.T) fixture {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "fixture", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	for i, line := range strings.Split(string(src), "\n") {
		switch {
		case strings.Contains(line, "//nolint:fclint"):
			f.nolint = i + 1
		case strings.TrimSpace(line) == "//fclint:ignore FC101":
			f.malformed = i + 1
		case strings.Contains(line, "// want FC101"):
			f.loopback = i + 1
		}
	}
	if f.nolint == 0 || f.malformed == 0 || f.loopback == 0 {
		t.Fatalf("testdata/fixture/main.go lacks a marked line: %+v", f)
	}
	return f
}

// goEnv is the environment for go commands: modules resolved and go.sum
// completed as needed, no workspace.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
}

// buildCustomGolangci builds golangci-lint's main package with the plugin
// linked in and returns the binary's path.
func buildCustomGolangci(ctx context.Context, t *testing.T, version string) string {
	t.Helper()
	root := moduleRoot(t)
	dir := t.TempDir()

	start := time.Now()
	dl := exec.CommandContext(ctx, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+version)
	dl.Dir = dir
	dl.Env = goEnv()
	dlOut, err := dl.Output()
	if err != nil {
		t.Fatalf("go mod download golangci-lint %s: %v\n%s", version, err, stderrOf(err))
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(dlOut, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download -json: %v\n%s", err, dlOut)
	}
	mainGo, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}

	goDirective := "1.26"
	if m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(readFile(t, filepath.Join(root, "go.mod"))); m != nil {
		goDirective = string(m[1])
	}
	files := map[string]string{
		"main.go": string(mainGo),
		// What `golangci-lint custom` writes into cmd/golangci-lint/plugins.go.
		"plugins.go": "package main\n\nimport _ \"github.com/fclint/fclint/gclplugin\"\n",
		"go.mod": fmt.Sprintf("module fclint.test/customgcl\n\ngo %s\n\nrequire (\n\tgithub.com/fclint/fclint v0.0.0\n\tgithub.com/golangci/golangci-lint/v2 %s\n)\n\nreplace github.com/fclint/fclint => %s\n",
			goDirective, version, filepath.ToSlash(root)),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	bin := filepath.Join(dir, "custom-gcl")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	build.Dir = dir
	build.Env = goEnv()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the custom golangci-lint: %v\n%s", err, out)
	}
	t.Logf("custom golangci-lint %s built in %v", version, time.Since(start).Round(time.Second))
	return bin
}

func stderrOf(err error) []byte {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.Stderr
	}
	return nil
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// copyDir copies the regular files of a flat directory (dot files included).
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src, dst := filepath.Join(from, e.Name()), filepath.Join(to, e.Name())
		switch {
		case e.IsDir():
			// The fixture has packages of its own (cmd/wrapped, internal/server).
			if err := os.MkdirAll(dst, 0o755); err != nil {
				t.Fatal(err)
			}
			copyDir(t, src, dst)
		case e.Type().IsRegular():
			if err := os.WriteFile(dst, readFile(t, src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
