package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"
)

// actionFile is the composite GitHub Action at the repository root.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID         string            `yaml:"id"`
	Name       string            `yaml:"name"`
	Shell      string            `yaml:"shell"`
	Run        string            `yaml:"run"`
	Uses       string            `yaml:"uses"`
	If         string            `yaml:"if"`
	Env        map[string]string `yaml:"env"`
	WorkingDir string            `yaml:"working-directory"`
}

// TestAction runs testdata/action/*.txtar, whose "action-step ID" command runs
// one bash step of action.yml the way the Actions runner does: its env block
// and working-directory evaluated (inputs from INPUT_* variables, else the
// defaults), bash -eo pipefail, GITHUB_OUTPUT and GITHUB_PATH honored.
func TestAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds fclint from the repository")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if action.Runs.Using != "composite" {
		t.Fatalf("action.yml runs.using = %q, want composite", action.Runs.Using)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "action"),
		RequireExplicitExec: true,
		Setup:               setupGo,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"action-step": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: action-step ID")
				}
				runActionStep(ts, neg, root, &action, args[0])
			},
		},
	})
}

var actionExpr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

func runActionStep(ts *testscript.TestScript, neg bool, root string, action *actionFile, id string) {
	var step *actionStep
	for i := range action.Runs.Steps {
		if action.Runs.Steps[i].ID == id {
			step = &action.Runs.Steps[i]
		}
	}
	if step == nil || step.Run == "" || step.Shell != "bash" {
		ts.Fatalf("action.yml has no bash step with id %q", id)
	}
	gh := filepath.Join(ts.Getenv("WORK"), ".github-runner") // one runner per script, whatever the cwd
	os.MkdirAll(filepath.Join(gh, "outputs"), 0o755)
	os.MkdirAll(filepath.Join(gh, "temp"), 0o755)
	eval := func(s string) string {
		return actionExpr.ReplaceAllStringFunc(s, func(m string) string {
			expr := actionExpr.FindStringSubmatch(m)[1]
			switch {
			case expr == "github.action_path":
				return root
			case expr == "runner.temp":
				return filepath.Join(gh, "temp")
			case strings.HasPrefix(expr, "inputs."):
				name := strings.TrimPrefix(expr, "inputs.")
				in, ok := action.Inputs[name]
				if !ok {
					ts.Fatalf("step %s uses undeclared input %s", id, name)
				}
				if v := ts.Getenv("INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); v != "" {
					return v
				}
				return in.Default
			case strings.HasPrefix(expr, "steps."):
				parts := strings.Split(expr, ".") // steps.ID.outputs.NAME
				if len(parts) != 4 || parts[2] != "outputs" {
					ts.Fatalf("unsupported expression %q", expr)
				}
				return readOutputs(filepath.Join(gh, "outputs", parts[1]))[parts[3]]
			}
			ts.Fatalf("unsupported expression %q in step %s", expr, id)
			return ""
		})
	}
	outFile := filepath.Join(gh, "outputs", id)
	os.Remove(outFile)
	pathFile := filepath.Join(gh, "path")
	path := ts.Getenv("PATH")
	for _, p := range readLines(pathFile) {
		path = p + string(os.PathListSeparator) + path
	}
	env := []string{"PATH=" + path, "HOME=" + ts.Getenv("HOME"), "GITHUB_OUTPUT=" + outFile, "GITHUB_PATH=" + pathFile, "NO_COLOR="}
	for _, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT", "GOPROXY", "GOFLAGS", "GOTOOLCHAIN", "GOWORK", "TMPDIR"} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	for k, v := range step.Env {
		env = append(env, k+"="+eval(v))
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", eval(step.Run))
	cmd.Env = env
	cmd.Dir = ts.MkAbs(".")
	if step.WorkingDir != "" {
		cmd.Dir = ts.MkAbs(eval(step.WorkingDir))
	}
	cmd.Stdout, cmd.Stderr = ts.Stdout(), ts.Stderr()
	err := cmd.Run()
	switch {
	case err != nil && !neg:
		ts.Fatalf("step %s: %v", id, err)
	case err == nil && neg:
		ts.Fatalf("step %s succeeded unexpectedly", id)
	}
}

func readLines(p string) []string {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func readOutputs(p string) map[string]string {
	m := map[string]string{}
	for _, l := range readLines(p) {
		if k, v, ok := strings.Cut(l, "="); ok {
			m[k] = v
		}
	}
	return m
}
