package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

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
	g := &globalFlags{format: "text"}
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
	pf.Var((*lowerValue)(&g.format), "format", "output format: text, json, sarif or github (any case)")
	pf.StringVar(&g.config, "config", "", "configuration file (s.yaml, s.yml, template.yml or FC API JSON); default: the nearest one upward")
	pf.Var((*portValue)(&g.port), "port", "CAPort override, 1-65535 (default: from the configuration, else 9000)")
	pf.StringVar(&g.runtime, "runtime", "", "runtime override (custom, custom.debian10, custom.debian11, custom.debian12)")
	pf.StringVar(&g.failOn, "fail-on", "error", "lowest severity that makes fclint exit 1: error, warning, info or never")
	pf.BoolVar(&g.noColor, "no-color", false, "disable colors in text output (also NO_COLOR)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageErr("%s", flagError(cmd, err)) })

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
	if g.runtime != "" && !config.IsCustomRuntime(g.runtime) && !config.IsContainerRuntime(g.runtime) {
		return nil, usageErr("invalid --runtime %q (want custom, custom.debian10, custom.debian11, custom.debian12 or custom-container)", g.runtime)
	}
	wd, _ := os.Getwd()
	p, err := report.NewPrinter(g.format, report.Options{
		Color:       g.format == "text" && colorEnabled(w, g.noColor),
		Width:       terminalWidth(w),
		WorkDir:     wd,
		ToolVersion: moduleVersion(),
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

// terminalWidth is w's width when it is a terminal; 0 (the printers' default
// of 80) otherwise.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return width
}

// colorEnabled: colors only on a terminal, never with NO_COLOR or --no-color.
func colorEnabled(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// portValue is --port: an int that must be a port (0 is not "unset" when
// typed: it is refused like any other invalid port).
type portValue int

func (p *portValue) String() string {
	if *p == 0 {
		return ""
	}
	return strconv.Itoa(int(*p))
}

func (p *portValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 65535 {
		return errors.New("want 1-65535")
	}
	*p = portValue(n)
	return nil
}

func (p *portValue) Type() string { return "int" }

// lowerValue is a string flag that accepts any case (--format JSON).
type lowerValue string

func (v *lowerValue) String() string     { return string(*v) }
func (v *lowerValue) Set(s string) error { *v = lowerValue(strings.ToLower(s)); return nil }
func (v *lowerValue) Type() string       { return "string" }

// flagError words pflag's errors as one line, with "did you mean" for an
// unknown flag that is a typo of a known one.
func flagError(cmd *cobra.Command, err error) string {
	msg := err.Error()
	if m := badFlagValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("invalid --%s %s (%s)", m[2], m[1], m[3])
	}
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return msg
	}
	best, bestDist := "", 3 // at most two edits away
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if d := editDistance(name, f.Name); d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	if best != "" {
		return fmt.Sprintf("%s; did you mean --%s?", msg, best)
	}
	return msg
}

// badFlagValue is pflag's `invalid argument "0" for "-p, --port" flag: why`.
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-\w, )?--([\w-]+)" flag: (.*)$`)

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
