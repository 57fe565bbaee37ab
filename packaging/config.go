package packaging

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// intRange is one documented integer range of the FC 3.0 API (FC-FACTS §4).
type intRange struct {
	name     string
	field    func(*config.Function) config.Field[int]
	min, max int
}

// ranges are checked by FC301. Sources: CreateFunction (timeout 1–86400) and
// CustomHealthCheckConfig (initialDelaySeconds 0–120, periodSeconds 1–120,
// timeoutSeconds 1–3, failureThreshold/successThreshold 1–120).
var ranges = []intRange{
	{"customRuntimeConfig.port", func(f *config.Function) config.Field[int] { return f.Port }, 1, 65535},
	{"timeout", func(f *config.Function) config.Field[int] { return f.Timeout }, 1, 86400},
	{"healthCheckConfig.initialDelaySeconds", func(f *config.Function) config.Field[int] { return f.HealthCheck.InitialDelaySeconds }, 0, 120},
	{"healthCheckConfig.periodSeconds", func(f *config.Function) config.Field[int] { return f.HealthCheck.PeriodSeconds }, 1, 120},
	{"healthCheckConfig.timeoutSeconds", func(f *config.Function) config.Field[int] { return f.HealthCheck.TimeoutSeconds }, 1, 3},
	{"healthCheckConfig.failureThreshold", func(f *config.Function) config.Field[int] { return f.HealthCheck.FailureThreshold }, 1, 120},
	{"healthCheckConfig.successThreshold", func(f *config.Function) config.Field[int] { return f.HealthCheck.SuccessThreshold }, 1, 120},
}

// CheckConfigValues is FC301 for the configuration's numbers and health
// check (ranges, types), not its runtime (the analyzers judge a go1 runtime:
// FC107) or code path: what fclint check reports about the configuration it
// uses.
func CheckConfigValues(opts Options) []report.Finding {
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	c := newChecker(opts)
	c.valuesOnly = true
	c.checkConfig()
	return c.findings
}

// CheckConfig runs only the configuration checks (FC301), for a function
// whose code folder is not there to check (a build output not built yet).
func CheckConfig(opts Options) []report.Finding {
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	c := newChecker(opts)
	c.checkConfig()
	return c.findings
}

// checkConfig is FC301: values FC rejects or that cannot work.
func (c *checker) checkConfig() {
	r := rules.MustGet("FC301")
	fn := c.fn
	if rt := fn.Runtime; !c.valuesOnly && rt.Known() && config.IsContainerRuntime(rt.Value) {
		c.containerRuntimeNote(rt)
	} else if !c.valuesOnly && rt.Known() && !config.IsCustomRuntime(rt.Value) {
		file, line := c.at(rt.Pos)
		family := config.RuntimeFamily(rt.Value)
		var msg string
		switch family {
		case "custom-container":
			msg = fmt.Sprintf("runtime is %s: a container image, not a ZIP; fclint package checks custom runtimes (custom, custom.debian10, custom.debian11, custom.debian12)", rt.Value)
		case "", "custom":
			msg = fmt.Sprintf("runtime %q is not an FC runtime; custom runtimes are custom, custom.debian10, custom.debian11 and custom.debian12", rt.Value)
		default:
			msg = fmt.Sprintf("runtime is %s, a built-in %s runtime, not a custom runtime: FC calls a %s handler instead of starting an HTTP server on CAPort, so customRuntimeConfig and bootstrap are ignored", rt.Value, family, family)
		}
		f := c.add(r, file, line, "", msg)
		f.Fix = "set runtime to custom.debian10 (or custom, custom.debian11, custom.debian12) for a server that listens on CAPort"
	}
	for _, rg := range ranges {
		f := rg.field(fn)
		if f.Set && f.Invalid != "" {
			file, line := c.at(f.Pos)
			found := c.add(r, file, line, "", fmt.Sprintf("%s is %s, not an integer; FC accepts %d to %d", rg.name, f.Invalid, rg.min, rg.max))
			found.Fix = fmt.Sprintf("set %s to a number from %d to %d", rg.name, rg.min, rg.max)
			continue
		}
		if !f.Known() || (f.Value >= rg.min && f.Value <= rg.max) {
			continue
		}
		file, line := c.at(f.Pos)
		found := c.add(r, file, line, "", fmt.Sprintf("%s is %d; FC accepts %d to %d", rg.name, f.Value, rg.min, rg.max))
		found.Fix = fmt.Sprintf("set %s to a value from %d to %d", rg.name, rg.min, rg.max)
	}
	if u := fn.HealthCheck.HTTPGetURL; u.Known() && u.Value != "" && !strings.HasPrefix(u.Value, "/") {
		file, line := c.at(u.Pos)
		f := c.add(r, file, line, "", fmt.Sprintf("healthCheckConfig.httpGetUrl is %q; it must be a path starting with /", u.Value))
		f.Fix = "write the path only, e.g. httpGetUrl: /ready"
	}
	if !c.valuesOnly {
		c.checkCodePath()
	}
}

// checkCodePath is FC301 for a code path that does not exist.
func (c *checker) checkCodePath() {
	r := rules.MustGet("FC301")
	fn := c.fn
	if code := fn.Code; code.Known() && fn.CodeDir != "" {
		if _, err := os.Stat(fn.CodeDir); err != nil {
			file, line := c.at(code.Pos)
			f := c.add(r, file, line, "", fmt.Sprintf("code is %s, which does not exist", code.Value))
			f.Fix = "point code at the folder or ZIP to deploy, relative to " + filepath.Base(fn.File)
			if a, ok := c.buildsInto(fn.CodeDir); ok {
				f.Severity = rules.Warning
				f.Message += fmt.Sprintf(" yet — the pre-deploy action %q writes into it", a.Run)
				f.Fix = "run the build first, then check what FC will get: fclint package " + c.relPath(fn.CodeDir)
			}
		}
	}
}

// buildsInto finds a pre-deploy action with an output inside dir.
func (c *checker) buildsInto(dir string) (config.Action, bool) {
	for _, a := range c.fn.Actions {
		if a.Hook == "pre-deploy" && c.actionWritesUnder(a, dir) {
			return a, true
		}
	}
	return config.Action{}, false
}

// ConfigValueError is the first wrongly typed or out-of-range value (FC301)
// of the functions in f, as one "file:line: message (FC301)" error; nil when
// every value is right. go vet and golangci-lint, which cannot print an FC301
// finding of a non-Go file, stop with it instead of judging against a value
// the file does not really set.
func ConfigValueError(f *config.File) error {
	if f == nil {
		return nil
	}
	for _, fn := range f.Functions {
		for _, fd := range CheckConfigValues(Options{Path: ".", Function: fn}) {
			if fd.Severity != rules.Error {
				continue
			}
			where := fd.File
			if fd.Line > 0 {
				where += ":" + strconv.Itoa(fd.Line)
			}
			return fmt.Errorf("%s: %s (FC301)", where, fd.Message)
		}
	}
	return nil
}
