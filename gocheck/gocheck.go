// Package gocheck is the `fclint check` driver: it loads Go packages, runs the
// analyzers with x/tools' checker, applies fixes on request, and turns
// diagnostics into report.Findings. (go vet uses unitchecker instead.)
package gocheck

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/fclint/fclint/analyzers"
	"github.com/fclint/fclint/analyzers/diag"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/report"
)

// Options configure one run.
type Options struct {
	Patterns []string // go/packages patterns; default ./...
	Dir      string   // where patterns are resolved; default the working directory
	Settings fcconfig.Settings
	Fix      bool // apply the first suggested fix of each finding
}

// Result is what a run found (and fixed).
type Result struct {
	Findings []report.Finding // not fixed
	Fixed    int              // findings whose fix was applied
	Files    []string         // files rewritten by --fix
	FixNotes []string         // files --fix left alone, and why
}

// LoadError means the packages could not be loaded or type-checked (exit 2).
type LoadError struct{ Msg string }

func (e *LoadError) Error() string { return e.Msg }

// loadMode is what the analyzers need: syntax and types of the checked packages
// only. Dependencies come from export data; the facts of the server model flow
// only between the checked packages (graph.go), so nothing else is parsed (the
// floor of any go/analysis checker).
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// parseFile is go/packages' parse without the syntactic object resolution
// (ast.Ident.Obj, ast.File.Scope): the analyzers look names up in the type
// checker's information only. The resolution's objects and scopes stayed
// alive with the syntax trees: on grpc, peak RSS is about 15 MB lower
// without them (scripts/bench.sh; its no-op baseline parses the default
// way, as go vet's unitchecker does).
func parseFile(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

// Run loads the packages and analyzes them.
func Run(opts Options) (*Result, error) {
	patterns := opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if err := missingPath(opts.Dir, patterns); err != nil {
		return nil, err
	}
	cfg := &packages.Config{Mode: loadMode, Dir: opts.Dir, Tests: opts.Settings.Tests, ParseFile: parseFile}
	src := &sources{}
	if opts.Fix {
		cfg.ParseFile = src.parseFile // --fix checks that a file still holds what was analyzed
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, &LoadError{Msg: "loading packages: " + firstLine(err.Error())}
	}
	if err := loadErrors(pkgs, patterns); err != nil {
		return nil, err
	}
	asked := map[string]bool{}
	for _, p := range pkgs {
		asked[p.ID] = true
	}
	if more := missingModulePackages(pkgs); len(more) > 0 {
		// The patterns leave out packages of the module that a checked
		// package imports: analyze them too, for their facts, and report
		// only on the packages asked for.
		all, err := packages.Load(cfg, append(append([]string(nil), patterns...), more...)...)
		if err == nil && loadErrors(all, patterns) == nil {
			pkgs = all
		}
	}
	settings := opts.Settings
	settings.Unimported = unimported(pkgs)
	settings.InMemoryFacts = true // checker.Analyze encodes no facts
	// One action at a time. In parallel the checker starts a goroutine per
	// dependency edge (thousands, each with its stack, blocked on the
	// actions they wait for) and keeps many packages' analyses in progress
	// at once, all on top of the garbage the loading left. On grpc the
	// analysis takes about 0.1 s either way, but peak RSS is 1.22x the no-op
	// checker's in parallel and 1.12x in sequence (scripts/bench.sh; a
	// collection before the analysis got parallel mode to 1.12x too, for
	// 0.1 s of marking the whole loaded program).
	graph, err := checker.Analyze(fcconfig.Configure(analyzers.All(), settings), moduleGraph(pkgs), &checker.Options{Sequential: true})
	if err != nil {
		return nil, fmt.Errorf("analysis failed: %w", err)
	}
	var diags []located
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		if !asked[act.Package.ID] {
			continue
		}
		if act.Err != nil {
			return nil, fmt.Errorf("analysis failed: %s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			// With --tests a package is analyzed twice (alone and with its
			// tests): keep one copy of each diagnostic.
			key := fmt.Sprintf("%s:%d:%d:%s:%s", posn.Filename, posn.Line, posn.Column, d.Category, d.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			diags = append(diags, located{d, act.Package.Fset})
		}
	}

	res := &Result{}
	if opts.Fix {
		fixed, files, notes, err := applyFixes(diags, src)
		if err != nil {
			return nil, err
		}
		res.Fixed, res.Files, res.FixNotes = len(fixed), files, notes
		var rest []located
		for i, d := range diags {
			if !fixed[i] {
				rest = append(rest, d)
			}
		}
		diags = rest
	}
	wd, _ := os.Getwd()
	for _, d := range diags {
		res.Findings = append(res.Findings, toFinding(d, wd))
	}
	return res, nil
}

type located struct {
	analysis.Diagnostic
	fset *token.FileSet
}

// toFinding turns a diagnostic written by diag.Report into a Finding.
func toFinding(d located, wd string) report.Finding {
	posn := d.fset.Position(d.Pos)
	end := d.fset.Position(d.End)
	f := report.Finding{
		File:    RelPath(wd, posn.Filename),
		Line:    posn.Line,
		Column:  posn.Column,
		Message: d.Message,
	}
	if d.End.IsValid() {
		f.EndLine, f.EndColumn = end.Line, end.Column
	}
	if r, sev, ok := diag.ParseCategory(d.Category); ok {
		f.Rule, f.Name, f.Severity, f.Fix = r.ID, r.Name, sev, r.Fix
	}
	for _, rel := range d.Related {
		if help, ok := strings.CutPrefix(rel.Message, diag.HelpPrefix); ok {
			f.Fix = help
		}
	}
	return f
}

// RelPath makes name relative to wd when it is inside it (SPEC §3).
func RelPath(wd, name string) string {
	if wd == "" || !filepath.IsAbs(name) {
		return filepath.ToSlash(name)
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(name)
	}
	return filepath.ToSlash(rel)
}

// loadErrors turns package errors into one clear line: the package and its
// first error (list, parse or type error).
func loadErrors(pkgs []*packages.Package, patterns []string) error {
	if len(pkgs) == 0 {
		return &LoadError{Msg: fmt.Sprintf("no Go packages match %s", strings.Join(patterns, " "))}
	}
	var first error
	distinct := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := describe(e)
			distinct[posPrefix.ReplaceAllString(msg, "")] = true
			if first == nil {
				first = &LoadError{Msg: fmt.Sprintf("package %s does not load: %s", p.PkgPath, msg)}
			}
		}
	})
	if le, ok := first.(*LoadError); ok && (strings.Contains(le.Msg, "main module") || strings.Contains(le.Msg, "go.mod file not found")) {
		le.Msg += " (run fclint in the folder that holds go.mod, e.g. the code/ folder of a Serverless Devs project)"
	}
	if first != nil && len(distinct) > 1 {
		var le *LoadError
		errors.As(first, &le)
		if more := len(distinct) - 1; more == 1 {
			le.Msg += " (and 1 more error)"
		} else {
			le.Msg += fmt.Sprintf(" (and %d more errors)", more)
		}
	}
	return first
}

// missingPath words a file-system pattern that names nothing ("/nonexistent",
// "./cmd/api/...") as "does not exist", before go list calls it a package
// that does not load.
func missingPath(dir string, patterns []string) error {
	for _, p := range patterns {
		if !filepath.IsAbs(p) && p != "." && p != ".." && !strings.HasPrefix(p, "./") && !strings.HasPrefix(p, "../") {
			continue // an import path
		}
		root := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
		if root == "" {
			continue
		}
		if !filepath.IsAbs(root) && dir != "" {
			root = filepath.Join(dir, root)
		}
		if _, err := os.Stat(root); errors.Is(err, fs.ErrNotExist) {
			return &LoadError{Msg: p + " does not exist"}
		}
	}
	return nil
}

// posPrefix matches "file:line:col: " so that one error reported by go list
// and again by the type checker counts once.
var posPrefix = regexp.MustCompile(`^\S+:\d+:\d+: `)

// describe gives the first real line of a package error: go list wraps
// compiler output in a "# pkg" header line.
func describe(e packages.Error) string {
	lines := strings.Split(e.Msg, "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		// "missing go.sum entry ...; to add:" is followed by the command that
		// fixes it, on an indented line: keep it.
		if strings.HasSuffix(line, ":") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "\t") {
			line += " " + strings.TrimSpace(lines[i+1])
		}
		if e.Pos != "" && e.Pos != "-" && !strings.HasPrefix(line, e.Pos) {
			return e.Pos + ": " + line
		}
		return line
	}
	return firstLine(e.Error())
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
