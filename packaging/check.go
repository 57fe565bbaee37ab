// Package packaging checks a function package before deploy: a ZIP (also
// .jar/.war) or the directory that will become one. It reads the central
// directory and only the few bytes each rule needs (script heads, ELF headers
// and version sections), never extracting anything, and reports FC201–FC211
// and, from the configuration and startup command, FC301–FC302.
//
// Each rule is one small function over the inspected package (layout.go,
// entrypoint.go, script.go, binary.go, command.go, size.go, config.go).
package packaging

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/runtimes"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// Options say what to check.
type Options struct {
	// Path is the ZIP file or directory, as the user gave it.
	Path string
	// Function is the resolved configuration (config.Resolve). nil or a
	// FormatFlags function means no configuration file was found.
	Function *config.Function
	// WorkDir makes finding paths relative; "" means the current directory.
	WorkDir string
	// Dockerfile is the Dockerfile of a folder Path (fclint package
	// --dockerfile); "" for the one the configuration's build names
	// (ContainerBuild) when Path is its context or code folder, else
	// Path/Dockerfile.
	Dockerfile string
}

// Check inspects the package. The error is for inputs that cannot be read at
// all (a path that does not exist: exit 2); a file that is not a valid ZIP is
// an FC211 finding.
func Check(opts Options) ([]report.Finding, error) {
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	fi, err := os.Stat(opts.Path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		// A FIFO named function.zip would block the read forever.
		return nil, fmt.Errorf("%s: not a regular file or folder", opts.Path)
	}
	if handled, findings, err := checkContainer(opts, fi); handled {
		return findings, err
	}
	var pkg *archive.Package
	if fi.IsDir() {
		pkg, err = archive.OpenDir(opts.Path, archive.DirOptions{})
	} else {
		pkg, err = archive.OpenZip(opts.Path)
	}
	var fe *archive.FormatError
	if errors.As(err, &fe) {
		c := newChecker(opts)
		c.checkConfig()
		c.add(rules.MustGet("FC211"), c.disp, 0, "", invalidArchiveMessage(c.disp, fe.Err))
		return c.findings, nil
	}
	if err != nil {
		return nil, err
	}
	defer pkg.Close()
	return CheckPackage(pkg, opts), nil
}

// CheckPackage runs the checks on an opened package; opts.Path names it in
// findings.
func CheckPackage(pkg *archive.Package, opts Options) []report.Finding {
	if opts.WorkDir == "" {
		opts.WorkDir, _ = os.Getwd()
	}
	c := newChecker(opts)
	c.pkg = pkg
	c.checkConfig()
	c.checkSize()
	c.checkNames()
	c.checkEntrypoint()
	c.checkCommandLine()
	return c.findings
}

// checker carries one run's state; each check method adds findings.
type checker struct {
	opts    Options
	fn      *config.Function // never nil
	pkg     *archive.Package
	disp    string // the package path for findings
	env     *runtimes.Env
	guessed bool // the runtime is unknown: env.Image is the fallback
	// container: the package is a container image or a Dockerfile's folder
	// (container.go), so runtime custom-container is what it should be.
	container bool
	// valuesOnly: checkConfig leaves the code path alone (fclint check).
	valuesOnly bool
	findings   []report.Finding
}

func newChecker(opts Options) *checker {
	fn := opts.Function
	if fn == nil {
		fn = &config.Function{Format: config.FormatFlags}
	}
	c := &checker{opts: opts, fn: fn}
	c.disp = c.relPath(opts.Path)
	var im *runtimes.Image
	ok := false
	if fn.Runtime.Known() {
		im, ok = runtimes.Lookup(fn.Runtime.Value)
	}
	if !ok {
		im, _ = runtimes.Lookup(runtimes.Fallback)
		c.guessed = true
	}
	c.env = &runtimes.Env{Image: im, Layers: fn.Layers}
	if p, ok := fn.Env["PATH"]; ok {
		c.env.Path = &p
	} else if fn.EnvUnknown["PATH"] {
		c.env.PathUnknown = true
	}
	return c
}

// relPath makes p relative to the working directory when it is inside it.
func (c *checker) relPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if rel, err := filepath.Rel(c.opts.WorkDir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// entryFile names an entry in findings: ARCHIVE!ENTRY for a ZIP, the file's
// path for a directory.
func (c *checker) entryFile(name string) string {
	if c.pkg != nil && c.pkg.Kind == archive.Dir {
		if c.disp == "." {
			return name
		}
		return c.disp + "/" + name
	}
	return c.disp + "!" + name
}

// at names a configuration position, falling back to the package.
func (c *checker) at(p config.Pos) (string, int) {
	if p.File == "" {
		if c.fn.File != "" {
			return c.relPath(c.fn.File), c.fn.Pos.Line
		}
		return c.disp, 0
	}
	return c.relPath(p.File), p.Line
}

// add records a finding. source is the offending line, for scripts.
func (c *checker) add(r *rules.Rule, file string, line int, source, msg string) *report.Finding {
	f := report.New(r, file, line, 0, msg)
	f.Source = source
	c.findings = append(c.findings, f)
	return &c.findings[len(c.findings)-1]
}

// imageNote says which image a check assumed when the runtime is unknown.
func (c *checker) imageNote() string {
	if c.guessed {
		return " (assumed: the runtime is unknown)"
	}
	return ""
}

func invalidArchiveMessage(disp string, err error) string {
	return fmt.Sprintf("%s is not a valid ZIP (%v): FC rejects it at upload or cannot unpack it", disp, err)
}
