package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/mod/modfile"

	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/gocheck"
	"github.com/fclint/fclint/packaging"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/report"
)

// projectDir returns the folder to check in project mode (SPEC §6): `fclint`
// or `fclint DIR` where the folder holds an s.yaml, s.yml or template.yml and
// no go.mod. ok is false for Go package patterns and Go module folders.
func projectDir(g *globalFlags, args []string) (string, bool) {
	dir := "."
	switch len(args) {
	case 0:
	case 1:
		dir = args[0]
	default:
		return "", false
	}
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return "", false
	}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		return "", false
	}
	if g.config != "" {
		return dir, true
	}
	return dir, projectConfig(dir) != ""
}

// projectConfig is the configuration file in dir itself, or "".
func projectConfig(dir string) string {
	for _, name := range []string{"s.yaml", "s.yml", "template.yml", "template.yaml"} {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// goUnit is one go/packages load: the packages that build a function.
type goUnit struct {
	module   string   // the folder holding go.mod
	patterns []string // relative to module
	why      string   // how it was found, for notes
}

// runProject checks every function the project's configuration declares: the
// analyzers in each Go module that builds it, with that function's settings,
// and the package checks on its code folder. One report, one exit code.
func runProject(cmd *cobra.Command, g *globalFlags, dir string, tests, fix bool) error {
	stderr := cmd.ErrOrStderr()
	p, err := g.printerFor(cmd.OutOrStdout(), "check")
	if err != nil {
		return err
	}
	path := g.config
	if path == "" {
		d, err := config.Discover(dir)
		if err != nil {
			return usageErr("%v", err)
		}
		for _, s := range d.Skipped {
			fmt.Fprintln(stderr, "fclint: "+s)
		}
		path = d.Path
		if path == "" {
			return usageErr("%s: no trusted s.yaml, s.yml or template.yml", dir)
		}
	}
	file, err := config.Load(path)
	if err != nil {
		return usageErr("%v", err)
	}
	g.announceConfig(stderr, &config.Result{File: file})
	if len(file.Functions) == 0 {
		fmt.Fprintf(stderr, "fclint: %s declares no function; nothing to check\n", displayPath(file.Path))
	}
	projectAbs, _ := filepath.Abs(dir)
	var findings []report.Finding
	seen := map[string]bool{}
	add := func(fs []report.Finding) {
		for _, f := range fs {
			key := fmt.Sprintf("%s:%d:%d:%s:%s", f.File, f.Line, f.Column, f.Rule, f.Message)
			if !seen[key] {
				seen[key] = true
				findings = append(findings, f)
			}
		}
	}
	for _, fn := range file.Functions {
		fn = overridden(g, fn)
		units := goUnits(fn, projectAbs)
		if len(units) == 0 {
			fmt.Fprintf(stderr, "fclint: function %s: no Go module found for its code (%s) or a go build in its actions; Go checks skipped\n", fn.Name, fn.Code.Value)
		}
		for _, u := range units {
			res, err := gocheck.Run(gocheck.Options{
				Dir:      u.module,
				Patterns: u.patterns,
				Settings: fcconfig.Settings{Config: file.Path, Function: fn.Name, Port: g.port, Runtime: g.runtime, Tests: tests},
				Fix:      fix,
			})
			if err != nil {
				msg := fmt.Sprintf("function %s: %s (%s): %v", fn.Name, displayPath(u.module), u.why, err)
				if strings.Contains(msg, "go.sum") {
					msg += fmt.Sprintf(" (run go mod tidy in %s first, as the template's pre-deploy action does, or set GOFLAGS=-mod=mod)", displayPath(u.module))
				}
				return usageErr("%s", msg)
			}
			reportFixes(stderr, res)
			report.UsePortKey(res.Findings, fn.PortKey())
			add(res.Findings)
		}
		add(packageFindings(fn))
	}
	return g.emit(cmd.OutOrStdout(), p, findings)
}

// overridden applies --port and --runtime to a copy of fn.
func overridden(g *globalFlags, fn *config.Function) *config.Function {
	c := *fn
	if g.port != 0 {
		c.Port = config.Field[int]{Value: g.port, Set: true}
	}
	if g.runtime != "" {
		c.Runtime = config.Field[string]{Value: g.runtime, Set: true}
	}
	return &c
}

// packageFindings runs the package checks on the function's code folder or
// ZIP; when it is not there (a build output), only the configuration checks,
// where FC301 says whether a pre-deploy action builds it.
func packageFindings(fn *config.Function) []report.Finding {
	if b, ok := packaging.ContainerBuild(fn); ok && fn.CodeDir == "" {
		// No code folder, but a pre-deploy docker build: its context is
		// what becomes the image.
		if fi, err := os.Stat(b.Context); err == nil && fi.IsDir() {
			if fs, err := packaging.Check(packaging.Options{Path: displayPath(b.Context), Function: fn, Dockerfile: b.Dockerfile}); err == nil {
				return fs
			}
		}
	}
	if fn.CodeDir != "" {
		if fi, err := os.Stat(fn.CodeDir); err == nil && (fi.IsDir() || fi.Mode().IsRegular()) {
			fs, err := packaging.Check(packaging.Options{Path: displayPath(fn.CodeDir), Function: fn})
			if err == nil {
				return fs
			}
		}
	}
	return packaging.CheckConfig(packaging.Options{Path: fn.Code.Value, Function: fn})
}

// goUnits finds the Go packages that build fn:
//   - for a custom container whose code folder holds a Dockerfile, the
//     packages its RUN lines' go builds name, found through COPY and WORKDIR
//     in the build context (the code folder);
//   - the go.mod in or above its code folder (not above the project), all
//     packages of the code folder, unless the Dockerfile named that module's;
//   - each action that runs `go build` (pre-deploy in the templates): the
//     module holding its folder, and the packages it names;
//   - else a go.work in the project: its modules.
func goUnits(fn *config.Function, project string) []goUnit {
	var out []goUnit
	have := map[string]bool{}
	addUnit := func(u goUnit) {
		sort.Strings(u.patterns)
		key := u.module + "\x00" + strings.Join(u.patterns, "\x00")
		if !have[key] {
			have[key] = true
			out = append(out, u)
		}
	}
	addBuilds := func(builds []goBuild, why string) {
		for _, b := range builds {
			mod := moduleAbove(b.dir, project)
			if mod == "" {
				continue
			}
			var pats []string
			for _, pkg := range b.packages {
				pats = append(pats, relPattern(mod, pkg))
			}
			addUnit(goUnit{module: mod, patterns: pats, why: why})
		}
	}
	// A custom container is built by its Dockerfile: the packages its go
	// build lines name, rather than every package of the module.
	for _, d := range containerGoBuilds(fn) {
		addBuilds([]goBuild{d.build}, fmt.Sprintf("Dockerfile:%d: %s", d.line, d.run))
	}
	if code := fn.CodeDir; code != "" {
		if fi, err := os.Stat(code); err == nil && fi.IsDir() {
			if mod := moduleAbove(code, project); mod != "" && !unitOf(out, mod) {
				addUnit(goUnit{module: mod, patterns: []string{relPattern(mod, code) + "/..."}, why: "the module of code " + fn.Code.Value})
			}
		}
	}
	for _, a := range fn.Actions {
		if a.Dir == "" || !strings.Contains(a.Run, "go build") {
			continue
		}
		addBuilds(goBuilds(a.Run, a.Dir), fmt.Sprintf("%s: %s", a.Hook, a.Run))
	}
	if len(out) == 0 {
		for _, mod := range workModules(project) {
			addUnit(goUnit{module: mod, patterns: []string{"./..."}, why: "go.work"})
		}
	}
	return out
}

// unitOf reports whether units already load packages of module.
func unitOf(units []goUnit, module string) bool {
	for _, u := range units {
		if u.module == module {
			return true
		}
	}
	return false
}

// moduleAbove is the folder of the go.mod in or above dir, not above stop
// (the project folder), or "".
func moduleAbove(dir, stop string) string {
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && fi.Mode().IsRegular() {
			return d
		}
		if d == stop {
			return ""
		}
		parent := filepath.Dir(d)
		if rel, err := filepath.Rel(stop, parent); parent == d || err != nil || strings.HasPrefix(rel, "..") {
			return "" // not at or below the project folder
		}
		d = parent
	}
}

// relPattern is a go/packages pattern for path, relative to the module.
func relPattern(module, path string) string {
	rel, err := filepath.Rel(module, path)
	if err != nil || rel == "." {
		return "."
	}
	return "./" + filepath.ToSlash(rel)
}

// goBuild is one `go build` in an action: the folder it runs in and the
// package folders it builds (absolute).
type goBuild struct {
	dir      string
	packages []string
}

// goBuilds reads the `go build` commands of an action's shell line: `cd DIR`
// and `go -C DIR` move the folder; a package argument (./cmd/api) or a .go
// file (main.go) names what is built; none means the folder itself.
// Environment prefixes (GOOS=linux) and flags are skipped.
func goBuilds(run, dir string) []goBuild {
	var out []goBuild
	cwd := dir
	// One line per command line, as the shell reads it: continuations
	// joined; script.Split drops redirections and splits at ; && || |.
	for _, line := range strings.Split(strings.ReplaceAll(run, "\\\n", " "), "\n") {
		for _, split := range script.Split(line) {
			cmd := script.CommandLine(split) // VAR=value, env and exec prefixes dropped
			words := cmd.Words
			if len(words) == 0 {
				continue
			}
			if words[0] == "cd" && len(words) > 1 {
				cwd = joinDir(cwd, words[1])
				continue
			}
			if cmd.Name() != "go" {
				continue
			}
			if b, ok := goBuildOf(words[1:], cwd); ok {
				out = append(out, b)
			}
		}
	}
	return out
}

// goBuildOf reads the arguments of one `go` command: a build, with the
// packages it names (the folder itself when none).
func goBuildOf(words []string, cwd string) (goBuild, bool) {
	here := cwd
	if len(words) > 1 && words[0] == "-C" {
		here = joinDir(cwd, words[1])
		words = words[2:]
	}
	if len(words) == 0 || words[0] != "build" {
		return goBuild{}, false
	}
	b := goBuild{dir: here}
	for i := 1; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "-") {
			if !strings.Contains(w, "=") && buildFlagTakesValue[strings.TrimLeft(w, "-")] {
				i++
			}
			continue
		}
		pkg := joinDir(here, w)
		if strings.HasSuffix(w, ".go") {
			pkg = filepath.Dir(pkg)
		}
		pkg = strings.TrimSuffix(pkg, string(filepath.Separator)+"...")
		b.packages = append(b.packages, pkg)
	}
	if len(b.packages) == 0 {
		b.packages = []string{here}
	}
	return b, true
}

// buildFlagTakesValue lists go build's flags that take a separate value.
var buildFlagTakesValue = map[string]bool{
	"o": true, "p": true, "C": true, "asmflags": true, "buildmode": true, "buildvcs": false, "compiler": true,
	"gccgoflags": true, "gcflags": true, "installsuffix": true, "ldflags": true, "mod": true, "modfile": true,
	"overlay": true, "pgo": true, "pkgdir": true, "tags": true, "toolexec": true, "coverpkg": true, "covermode": true,
}

func joinDir(base, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}

// workModules lists the modules of dir/go.work (its use directives).
func workModules(dir string) []string {
	p := filepath.Join(dir, "go.work")
	data, err := archive.ReadRegular(p)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(p, data, nil)
	if err != nil {
		return nil
	}
	var mods []string
	for _, u := range wf.Use {
		mods = append(mods, joinDir(dir, u.Path))
	}
	return mods
}

// reportFixes prints what --fix did: the files it changed and the ones it left.
func reportFixes(stderr io.Writer, res *gocheck.Result) {
	wd, _ := os.Getwd()
	for _, n := range res.FixNotes {
		fmt.Fprintln(stderr, "fclint: "+n)
	}
	if len(res.Files) > 0 {
		rel := make([]string, len(res.Files))
		for i, f := range res.Files {
			rel[i] = gocheck.RelPath(wd, f)
		}
		fmt.Fprintf(stderr, "fclint: fixed %s; changed %s\n", pluralize(res.Fixed, "finding", "findings"), strings.Join(rel, ", "))
	}
}
