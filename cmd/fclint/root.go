package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// Exit codes (SPEC §2).
const (
	exitClean    = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // the check could not run
)

// globalFlags are the flags every command shares.
type globalFlags struct {
	format  string
	config  string
	port    int
	runtime string
	failOn  string
	noColor bool

	configInUse string // the configuration file the run used, for JSON's "config"
}

// announceConfig names the configuration in use: on stderr in text mode
// (other formats are read by programs; JSON has "config"), and in JSON.
func (g *globalFlags) announceConfig(stderr io.Writer, conf *config.Result) {
	if conf != nil && conf.File != nil {
		g.configInUse = displayPath(conf.File.Path)
	}
	if g.format != "text" {
		return
	}
	if g.configInUse != "" {
		fmt.Fprintf(stderr, "fclint: config: %s\n", g.configInUse)
		return
	}
	fmt.Fprintf(stderr, "fclint: config: none found (s.yaml, s.yml, template.yml); using CAPort %d\n", g.caPortDefault())
}

// displayPath is path relative to the working directory (where fclint was
// started), as every path fclint prints.
func displayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil {
		return rel
	}
	return path
}

// configOptions turns the flags into config.Options for a checked directory.
func (g *globalFlags) configOptions(dir string) config.Options {
	return config.Options{ConfigPath: g.config, Dir: dir, Port: g.port, Runtime: g.runtime}
}

// exitErr carries an exit code out of a cobra RunE.
type exitErr struct {
	code int
	msg  string // printed as "fclint: msg" when non-empty
}

func (e *exitErr) Error() string { return e.msg }

// usageErr is a check that could not run (exit 2).
func usageErr(format string, args ...any) error {
	return &exitErr{code: exitError, msg: fmt.Sprintf(format, args...)}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:   "fclint [flags] [packages]",
		Short: "Preflight linter for Alibaba Cloud Function Compute custom runtimes",
		Long: `fclint finds what makes a Function Compute custom-runtime function fail after deploy:
servers on loopback or the wrong port, timeouts that cut keep-alive connections,
broken bootstraps, binaries for the wrong platform and inconsistent s.yaml files.

With no command, fclint runs "check" on the given packages (default ./...).`,
		SilenceUsage:               true,
		SilenceErrors:              true,
		Args:                       cobra.ArbitraryArgs,
		Version:                    versionString(),
		SuggestionsMinimumDistance: 2,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&g.format, "format", "text", "output format: text, json, sarif or github")
	pf.StringVar(&g.config, "config", "", "configuration file (s.yaml, s.yml, template.yml or FC API JSON); default: the nearest one upward")
	pf.IntVar(&g.port, "port", 0, "CAPort override (default: from the configuration, else 9000)")
	pf.StringVar(&g.runtime, "runtime", "", "runtime override (custom, custom.debian10, custom.debian11, custom.debian12)")
	pf.StringVar(&g.failOn, "fail-on", "error", "lowest severity that makes fclint exit 1: error, warning, info or never")
	pf.BoolVar(&g.noColor, "no-color", false, "disable colors in text output (also NO_COLOR)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr("%v", err) })

	check := newCheckCmd(g)
	// `fclint [packages]` is `fclint check [packages]`: share check's flags and run.
	root.Flags().AddFlagSet(check.LocalFlags())
	root.RunE = func(cmd *cobra.Command, args []string) error {
		// `fclint pakage x.zip` is a typo, not a package pattern.
		if len(args) > 0 && !strings.ContainsAny(args[0], "./") && !isDir(args[0]) {
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				return usageErr("unknown command %q; did you mean %q?", args[0], s[0])
			}
		}
		// `fclint code` names the folder code (project mode, or its Go
		// packages), not the import path "code".
		if len(args) == 1 && !strings.ContainsAny(args[0], "./") && isDir(args[0]) {
			if _, ok := projectDir(g, args); !ok {
				args = []string{"./" + args[0] + "/..."}
			}
		}
		return check.RunE(cmd, args)
	}

	root.AddCommand(check, newPackageCmd(g), newPackCmd(g), newProbeCmd(g), newInitCmd(g),
		newRulesCmd(g), newExplainCmd(g), newVersionCmd())
	return root
}

// execute runs the CLI and returns the process exit code.
func execute(args []string) int {
	root := newRootCmd(os.Stdout, os.Stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitClean
	}
	var ee *exitErr
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(os.Stderr, "fclint: "+oneLine(ee.msg))
		}
		return ee.code
	}
	// cobra's own errors: unknown command, bad arguments.
	fmt.Fprintln(os.Stderr, "fclint: "+oneLine(err.Error()))
	return exitError
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// caPortDefault is the CAPort when no configuration can be read.
func (g *globalFlags) caPortDefault() int {
	if g.port != 0 {
		return g.port
	}
	return config.DefaultPort
}

// failOn parses --fail-on; 0 means never.
func (g *globalFlags) failLevel() (rules.Severity, error) {
	if g.failOn == "never" {
		return 0, nil
	}
	s, err := rules.ParseSeverity(g.failOn)
	if err != nil {
		return 0, fmt.Errorf("invalid --fail-on %q (want error, warning, info or never)", g.failOn)
	}
	return s, nil
}

// printerFor builds the printer for --format, after validating the other
// common flags too, so that bad flags fail before any work is done.
func (g *globalFlags) printerFor(w io.Writer, command string) (report.Printer, error) {
	if _, err := g.failLevel(); err != nil {
		return nil, usageErr("%v", err)
	}
	if g.port < 0 || g.port > 65535 {
		return nil, usageErr("invalid --port %d (want 1-65535)", g.port)
	}
	if g.runtime != "" && !config.IsCustomRuntime(g.runtime) {
		return nil, usageErr("invalid --runtime %q (want custom, custom.debian10, custom.debian11 or custom.debian12)", g.runtime)
	}
	wd, _ := os.Getwd()
	p, err := report.NewPrinter(g.format, report.Options{
		Color:       g.format == "text" && colorEnabled(w, g.noColor),
		WorkDir:     wd,
		ToolVersion: moduleVersion(),
		Command:     command,
	})
	if err != nil {
		return nil, usageErr("%v", err)
	}
	return p, nil
}

// emit prints findings and turns them into the exit code (SPEC §2).
func (g *globalFlags) emit(w io.Writer, p report.Printer, findings []report.Finding) error {
	report.Sort(findings)
	report.SetConfig(p, g.configInUse)
	if err := p.Print(w, findings); err != nil {
		return &exitErr{code: exitError, msg: "writing output: " + err.Error()}
	}
	min, _ := g.failLevel()
	if min != 0 && report.AtOrAbove(findings, min) {
		return &exitErr{code: exitFindings}
	}
	return nil
}

// colorEnabled: colors only on a terminal, never with NO_COLOR or --no-color.
func colorEnabled(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
