// Package fclint_test holds the tests of the repository's own files that
// users copy into their setups: .pre-commit-hooks.yaml and the GitHub Actions
// example. They check the files against the real fclint command line: every
// command and flag they use must exist, and every value must be valid.
package fclint_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/fclint/fclint/report"
)

// moduleRoot is the repository root, where this package lives.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

var (
	fclintOnce sync.Once
	fclintBin  string
	fclintErr  error
	fclintOut  []byte
)

// fclintBinary builds cmd/fclint once per test process.
func fclintBinary(t *testing.T) string {
	t.Helper()
	fclintOnce.Do(func() {
		dir, err := os.MkdirTemp("", "fclint-bin-")
		if err != nil {
			fclintErr = err
			return
		}
		fclintBin = filepath.Join(dir, "fclint")
		if runtime.GOOS == "windows" {
			fclintBin += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", fclintBin, "./cmd/fclint")
		cmd.Dir = moduleRoot(t)
		fclintOut, fclintErr = cmd.CombinedOutput()
	})
	if fclintErr != nil {
		t.Fatalf("building fclint: %v\n%s", fclintErr, fclintOut)
	}
	return fclintBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fclintBin != "" {
		os.RemoveAll(filepath.Dir(fclintBin))
	}
	os.Exit(code)
}

// flagsOf lists the long flags `fclint <command> --help` documents, global ones included.
func flagsOf(t *testing.T, command []string) []string {
	t.Helper()
	args := append(slices.Clone(command), "--help")
	out, err := exec.Command(fclintBinary(t), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("fclint %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	var flags []string
	for _, m := range regexp.MustCompile(`(?m)^\s+(?:-\w, )?(--[\w-]+)`).FindAllStringSubmatch(string(out), -1) {
		flags = append(flags, m[1])
	}
	if !slices.Contains(flags, "--format") {
		t.Fatalf("fclint %s lists no --format flag; help parsing is broken:\n%s", strings.Join(args, " "), out)
	}
	return flags
}

// subcommands of fclint that take more words after them (everything else is a package pattern).
var subcommands = []string{"check", "package", "probe", "pack", "init", "rules", "explain", "version"}

// checkInvocation checks one fclint command line (the words after "fclint"):
// the subcommand exists, every --flag is one it accepts, and the values of
// --format and --fail-on are valid.
func checkInvocation(t *testing.T, where string, words []string) {
	t.Helper()
	var command []string
	if len(words) > 0 && slices.Contains(subcommands, words[0]) {
		command = words[:1]
	}
	known := flagsOf(t, command)
	invocation := strings.Join(append([]string{"fclint"}, command...), " ")
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "--") {
			continue
		}
		name, value, hasValue := strings.Cut(w, "=")
		if !slices.Contains(known, name) {
			t.Errorf("%s: %s has no flag %s (it has %v)", where, invocation, name, known)
			continue
		}
		if !hasValue && i+1 < len(words) && (name == "--format" || name == "--fail-on") {
			value = words[i+1]
		}
		switch name {
		case "--format":
			if !slices.Contains(report.Formats, value) {
				t.Errorf("%s: --format %q is not one of %v", where, value, report.Formats)
			}
		case "--fail-on":
			if !slices.Contains([]string{"error", "warning", "info", "never"}, value) {
				t.Errorf("%s: --fail-on %q is not error, warning, info or never", where, value)
			}
		}
	}
}

// shellOperator ends a command's words in a run: line.
var shellOperator = regexp.MustCompile(`^(\d?>>?|\||\|\||&&|;|<)`)

// fclintCommands finds the fclint invocations in a shell script, as the
// words after "fclint" up to the first redirection or operator.
func fclintCommands(script string) [][]string {
	var out [][]string
	for _, line := range strings.Split(script, "\n") {
		words := strings.Fields(line)
		for i, w := range words {
			if w == "#" || strings.HasPrefix(w, "#") {
				break
			}
			if w != "fclint" {
				continue
			}
			var args []string
			for _, a := range words[i+1:] {
				if shellOperator.MatchString(a) || strings.HasPrefix(a, "#") {
					break
				}
				args = append(args, a)
			}
			out = append(out, args)
			break
		}
	}
	return out
}

func TestFclintCommands(t *testing.T) {
	got := fclintCommands("go install x/cmd/fclint@v1\nfclint --format sarif --fail-on never ./... > fclint.sarif || true\n# fclint --nope\necho fclint package a.zip # note")
	want := [][]string{{"--format", "sarif", "--fail-on", "never", "./..."}, {"package", "a.zip"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("fclintCommands = %q, want %q", got, want)
	}
}

// preCommitHook has every key of pre-commit's hook manifest, so that the
// decoder can reject unknown (misspelled) keys.
type preCommitHook struct {
	ID                      string   `yaml:"id"`
	Name                    string   `yaml:"name"`
	Entry                   string   `yaml:"entry"`
	Language                string   `yaml:"language"`
	Description             string   `yaml:"description"`
	Files                   string   `yaml:"files"`
	Exclude                 string   `yaml:"exclude"`
	Types                   []string `yaml:"types"`
	TypesOr                 []string `yaml:"types_or"`
	ExcludeTypes            []string `yaml:"exclude_types"`
	PassFilenames           *bool    `yaml:"pass_filenames"`
	Args                    []string `yaml:"args"`
	AlwaysRun               bool     `yaml:"always_run"`
	FailFast                bool     `yaml:"fail_fast"`
	Verbose                 bool     `yaml:"verbose"`
	RequireSerial           bool     `yaml:"require_serial"`
	LanguageVersion         string   `yaml:"language_version"`
	MinimumPreCommitVersion string   `yaml:"minimum_pre_commit_version"`
	Stages                  []string `yaml:"stages"`
	AdditionalDependencies  []string `yaml:"additional_dependencies"`
	Alias                   string   `yaml:"alias"`
}

func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true) // a misspelled key would be ignored by pre-commit too: catch it here
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	byID := map[string]preCommitHook{}
	for _, h := range hooks {
		if h.ID == "" || h.Name == "" || h.Entry == "" || h.Language == "" {
			t.Errorf("hook %+v lacks one of id, name, entry, language (all required by pre-commit)", h)
		}
		if _, dup := byID[h.ID]; dup {
			t.Errorf("hook id %q appears twice", h.ID)
		}
		byID[h.ID] = h
		// pre-commit installs language: golang hooks with `go install ./...`,
		// which names the binary after cmd/fclint.
		if h.Language != "golang" {
			t.Errorf("hook %s: language %q, want golang", h.ID, h.Language)
		}
		words := strings.Fields(h.Entry)
		if words[0] != "fclint" {
			t.Errorf("hook %s: entry %q does not run the fclint binary", h.ID, h.Entry)
			continue
		}
		checkInvocation(t, "hook "+h.ID, append(words[1:], h.Args...))
	}

	code, ok := byID["fclint"]
	if !ok {
		t.Fatal(`no hook with id "fclint"`)
	}
	if code.Entry != "fclint" || !slices.Equal(code.Types, []string{"go"}) || code.PassFilenames == nil || *code.PassFilenames {
		t.Errorf("hook fclint = %+v, want entry fclint, types [go], pass_filenames false", code)
	}

	zip, ok := byID["fclint-package"]
	if !ok {
		t.Fatal(`no hook with id "fclint-package"`)
	}
	if zip.Entry != "fclint package" || (zip.PassFilenames != nil && !*zip.PassFilenames) {
		t.Errorf("hook fclint-package = %+v, want entry %q and file names passed", zip, "fclint package")
	}
	files, err := regexp.Compile(zip.Files)
	if err != nil || zip.Files == "" {
		t.Fatalf("hook fclint-package: files %q is not a regexp: %v", zip.Files, err)
	}
	for name, want := range map[string]bool{"function.zip": true, "dist/api.zip": true, "main.go": false, "zip.go": false, "a.zip.txt": false} {
		if got := files.MatchString(name); got != want {
			t.Errorf("hook fclint-package: files %q matches %s = %v, want %v", zip.Files, name, got, want)
		}
	}
}

type workflow struct {
	On          any               `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn      string            `yaml:"runs-on"`
		Permissions map[string]string `yaml:"permissions"`
		Steps       []struct {
			Name            string            `yaml:"name"`
			Uses            string            `yaml:"uses"`
			Run             string            `yaml:"run"`
			With            map[string]string `yaml:"with"`
			If              string            `yaml:"if"`
			ContinueOnError bool              `yaml:"continue-on-error"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func TestGitHubActionsExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "examples", "github-actions.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("examples/github-actions.yml: %v", err)
	}
	if len(wf.Jobs) == 0 || wf.On == nil {
		t.Fatal("examples/github-actions.yml has no triggers or no jobs")
	}

	var sawSARIFUpload, sawAnnotations bool
	for name, job := range wf.Jobs {
		sarifFiles := map[string]bool{} // written by a fclint step that cannot fail the job
		for i, step := range job.Steps {
			where := name + " step " + step.Name
			if step.Uses == "" && step.Run == "" {
				t.Errorf("%s: neither uses nor run", where)
			}
			for _, words := range fclintCommands(step.Run) {
				checkInvocation(t, where, words)
				line := strings.Join(words, " ")
				if strings.Contains(line, "--format sarif") || strings.Contains(line, "--format=sarif") {
					out := regexp.MustCompile(`>\s*(\S+\.sarif)`).FindStringSubmatch(step.Run)
					if out == nil {
						t.Errorf("%s: SARIF output is not redirected to a .sarif file", where)
						continue
					}
					neverFails := strings.Contains(line, "--fail-on never") || strings.Contains(line, "--fail-on=never") ||
						strings.Contains(step.Run, "|| true") || step.ContinueOnError
					if !neverFails {
						t.Errorf("%s: findings would fail the step before the SARIF upload; add --fail-on never", where)
					}
					sarifFiles[out[1]] = true
				}
				if strings.Contains(line, "--format github") || strings.Contains(line, "--format=github") {
					sawAnnotations = true
				}
			}
			if strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@") {
				if step.Uses != "github/codeql-action/upload-sarif@v3" {
					t.Errorf("%s: uses %s, want github/codeql-action/upload-sarif@v3", where, step.Uses)
				}
				file := step.With["sarif_file"]
				if !sarifFiles[file] {
					t.Errorf("%s: uploads %q, which no earlier fclint step of the job writes (written: %v)", where, file, sarifFiles)
				}
				perm := job.Permissions["security-events"]
				if perm == "" {
					perm = wf.Permissions["security-events"]
				}
				if perm != "write" {
					t.Errorf("%s: upload-sarif needs permissions: security-events: write (job %s has %q)", where, name, perm)
				}
				if i == 0 {
					t.Errorf("%s: upload-sarif is the first step", where)
				}
				sawSARIFUpload = true
			}
		}
	}
	if !sawSARIFUpload {
		t.Error("no job uploads SARIF with github/codeql-action/upload-sarif")
	}
	if !sawAnnotations {
		t.Error("no job runs fclint --format github")
	}
}

// TestPreCommitPackageHookTakesSeveralZips runs the fclint-package hook as
// pre-commit does: entry, args, then every staged file that matches, in one
// call. Findings (exit 1) are fine; a usage error (exit 2) is not.
func TestPreCommitPackageHookTakesSeveralZips(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	var hook *preCommitHook
	for i := range hooks {
		if hooks[i].ID == "fclint-package" {
			hook = &hooks[i]
		}
	}
	if hook == nil {
		t.Fatal(`no hook with id "fclint-package"`)
	}

	dir := t.TempDir()
	var zips []string
	for _, name := range []string{"api.zip", "worker.zip"} {
		writeFunctionZip(t, filepath.Join(dir, name))
		zips = append(zips, name)
	}
	words := strings.Fields(hook.Entry)
	args := append(append(words[1:], hook.Args...), zips...)
	cmd := exec.Command(fclintBinary(t), args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 || err != nil && !errors.As(err, &exit) {
		t.Errorf("fclint %s: %v\n%s\npre-commit passes all staged ZIPs to one call, so `fclint package` must accept several paths",
			strings.Join(args, " "), err, out)
	}
}

// writeFunctionZip writes a small function package: an executable bootstrap script.
func writeFunctionZip(t *testing.T, name string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := &zip.FileHeader{Name: "bootstrap", Method: zip.Deflate}
	h.SetMode(0o755)
	w, err := zw.CreateHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "#!/bin/bash\nexec ./server\n")
	h = &zip.FileHeader{Name: "server", Method: zip.Deflate}
	h.SetMode(0o755)
	if w, err = zw.CreateHeader(h); err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "not an ELF file")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
