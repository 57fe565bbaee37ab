package packaging

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

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
	for _, bad := range config.BadValues(fn) {
		file, line := c.at(bad.Pos)
		found := c.add(r, file, line, "", bad.Message)
		found.Fix = bad.Fix
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
