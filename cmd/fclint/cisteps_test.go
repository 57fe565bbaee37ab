package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"
)

// cmdCISteps is the script command "ci-steps workflow|readme OUT": it writes
// to OUT a shell script of the CI commands the repository documents, from
// examples/github-actions.yml (every run step, in its working-directory) or
// from the README's "In CI" shell block, without the `go install` steps (the
// script's fclint is the one under test). Running OUT in a project shows
// that the documented CI works as copied.
func cmdCISteps(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: ci-steps workflow|readme OUT")
	}
	repo := ts.Getenv("FCLINT_REPO")
	var lines []string
	switch args[0] {
	case "workflow":
		lines = workflowSteps(ts, filepath.Join(repo, "examples", "github-actions.yml"))
	case "readme":
		lines = readmeCISteps(ts, filepath.Join(repo, "README.md"))
	default:
		ts.Fatalf("ci-steps: unknown source %q", args[0])
	}
	if len(lines) == 0 {
		ts.Fatalf("ci-steps: no commands found in %s", args[0])
	}
	script := "set -e\n" + strings.Join(lines, "\n") + "\n"
	ts.Logf("%s", script)
	if err := os.WriteFile(ts.MkAbs(args[1]), []byte(script), 0o755); err != nil {
		ts.Fatalf("%v", err)
	}
}

func workflowSteps(ts *testscript.TestScript, path string) []string {
	data, err := os.ReadFile(path)
	ts.Check(err)
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
				Dir string `yaml:"working-directory"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	ts.Check(yaml.Unmarshal(data, &wf))
	var out []string
	for _, job := range []string{"code-scanning", "annotations"} {
		for _, st := range wf.Jobs[job].Steps {
			run := strings.TrimSpace(st.Run)
			if run == "" || strings.HasPrefix(run, "go install") {
				continue
			}
			dir := st.Dir
			if dir == "" {
				dir = "."
			}
			out = append(out, fmt.Sprintf("echo '>> %s: %s'; (cd %s && %s)", job, strings.ReplaceAll(run, "'", ""), dir, run))
		}
	}
	return out
}

func readmeCISteps(ts *testscript.TestScript, path string) []string {
	data, err := os.ReadFile(path)
	ts.Check(err)
	text := string(data)
	start := strings.Index(text, "## In CI\n")
	if start < 0 {
		ts.Fatalf("README has no \"## In CI\" section")
	}
	block := text[start:]
	i := strings.Index(block, "```sh\n")
	if i < 0 {
		ts.Fatalf("README's In CI section has no sh block")
	}
	block = block[i+len("```sh\n"):]
	block = block[:strings.Index(block, "```")]
	var out []string
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "go install") {
			continue
		}
		out = append(out, fmt.Sprintf("echo '>> %s'; %s", strings.ReplaceAll(line, "'", ""), line))
	}
	return out
}
