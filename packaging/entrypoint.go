package packaging

import (
	"fmt"
	"path"
	"strings"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/binary"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/rules"
)

// maxRunDepth bounds how far checks follow a script that runs a program that
// is itself a script (bootstrap → start.sh → main).
const maxRunDepth = 3

// maxExecChecks bounds how many files one run inspects as executables, so
// that a hostile script naming thousands of files stays cheap.
const maxExecChecks = 64

// checkEntrypoint finds what FC starts (customRuntimeConfig.command[0], else
// /code/bootstrap) and checks it: FC201/FC202/FC207 when it is missing,
// FC210 when it is an interpreter the image lacks, else the file itself.
func (c *checker) checkEntrypoint() {
	cmd := c.fn.Command
	if cmd.Unknown || c.fn.Args.Unknown {
		return // a placeholder: anything may run
	}
	if len(cmd.Value) == 0 {
		c.checkStartFile("bootstrap", "bootstrap")
		return
	}
	prog := cmd.Value[0]
	switch {
	case strings.HasPrefix(prog, script.CodeRoot+"/"), !strings.HasPrefix(prog, "/") && strings.Contains(prog, "/"):
		if name, ok := script.InPackage(prog, ""); ok {
			c.checkStartFile(name, prog)
		}
	case !strings.HasPrefix(prog, "/") && c.pkg.Lookup(prog) != nil:
		c.checkStartFile(prog, prog) // a bare name found through /code on PATH
	default:
		c.checkProgram(prog)
	}
}

// checkStartFile checks the package file FC executes first.
func (c *checker) checkStartFile(name, word string) {
	e := c.pkg.Lookup(name)
	if e == nil {
		c.missingStart(name, word)
		return
	}
	target := c.pkg.Resolve(name)
	if target == nil || target.IsDir() {
		what := "a directory"
		if e.IsSymlink() {
			link, _ := e.LinkTarget()
			what = fmt.Sprintf("a symlink to %s, which is not a file in the package", link)
		}
		r := rules.MustGet("FC207")
		if word == "bootstrap" {
			r = rules.MustGet("FC201")
		}
		c.add(r, c.entryFile(name), 0, "", fmt.Sprintf("%s is %s: FC cannot start it", word, what))
		return
	}
	c.checkExecutable(target, word, 0, map[string]bool{}, runDir{known: true})
}

// missingStart reports a start file that is not in the package.
func (c *checker) missingStart(name, word string) {
	if top := c.pkg.TopLevel(); top != "" && c.pkg.Resolve(top+"/"+name) != nil {
		c.nestedRoot(top, name)
		return
	}
	if word == "bootstrap" {
		msg := "no customRuntimeConfig.command and no bootstrap at the package root: FC starts /code/bootstrap and fails with \"the file /code/bootstrap is not exist\""
		if other := c.findBase("bootstrap"); other != "" {
			msg += fmt.Sprintf(" (there is %s: move it to the root or set command to /code/%s)", other, other)
		}
		f := c.add(rules.MustGet("FC201"), c.disp, 0, "", msg)
		c.softenIfBuilt(f, name)
		return
	}
	file, line := c.at(c.fn.Command.Pos)
	f := c.add(rules.MustGet("FC207"), file, line, "", fmt.Sprintf("command runs %s, but %s has no %s: the start fails with \"no such file or directory\"", word, c.disp, name))
	c.softenIfBuilt(f, name)
}

// nestedRoot is FC202: everything sits under one folder, so the folder was
// zipped instead of its contents.
func (c *checker) nestedRoot(top, name string) {
	r := rules.MustGet("FC202")
	if c.pkg.Kind == archive.Dir {
		f := c.add(r, c.disp, 0, "", fmt.Sprintf("%s holds only the folder %s/, and %s is at %s/%s: FC would look for /code/%s; point code: at %s/%s instead", c.disp, top, name, top, name, name, c.disp, top))
		f.Fix = fmt.Sprintf("set code: to %s/%s in the configuration", c.disp, top)
		return
	}
	f := c.add(r, c.entryFile(top+"/"+name), 0, "", fmt.Sprintf("%s is at %s/%s: the folder %s was zipped, not its contents, so FC finds no /code/%s", name, top, name, top, name))
	// zip -r adds to an existing archive, so the old one must go first.
	z := path.Base(c.disp)
	f.Fix = fmt.Sprintf("zip the folder's contents: fclint pack %s -o %s, or rm %s && cd %s && zip -r ../%s .", top, z, z, top, z)
}

// findBase finds an entry with the given base name anywhere, for hints.
func (c *checker) findBase(base string) string {
	for _, e := range c.pkg.Entries {
		if !e.IsDir() && path.Base(e.Name) == base {
			return e.Name
		}
	}
	return ""
}

// runDir is the working directory a program starts in, relative to the
// package root ("" is /code, where FC starts the entrypoint); known is false
// after a cd the checks cannot follow.
type runDir struct {
	dir   string
	known bool
}

// checkExecutable checks a package file that is executed directly: its exec
// bit (FC203), then what it is: a binary (FC205/FC206) or a script (FC204,
// and what the script runs).
func (c *checker) checkExecutable(e *archive.Entry, word string, depth int, seen map[string]bool, wd runDir) {
	if seen[e.Name] || depth > maxRunDepth || len(seen) >= maxExecChecks {
		return
	}
	seen[e.Name] = true
	c.checkMode(e, word)
	head, err := e.Head(script.HeadSize)
	if err != nil {
		c.add(rules.MustGet("FC211"), c.entryFile(e.Name), 0, "", fmt.Sprintf("%s cannot be read: %v", e.Name, err))
		return
	}
	if binary.Sniff(head) != binary.Unknown {
		c.checkBinary(e, word)
		return
	}
	c.checkScript(e, word, head, depth, seen, wd)
}

// checkMode is FC203.
func (c *checker) checkMode(e *archive.Entry, word string) {
	r := rules.MustGet("FC203")
	errs := "FC fails with CAFilePermission (FC 2.0) or \"exited unexpectedly(code 13, message:permission denied)\" (FC 3.0)"
	switch {
	case !e.UnixMode:
		f := c.add(r, c.entryFile(e.Name), 0, "", fmt.Sprintf("%s records no Unix mode for %s (made on Windows or by a tool that drops modes): it is unpacked without the exec bit and %s", c.disp, e.Name, errs))
		f.Fix = "rebuild the ZIP with fclint pack DIR -o " + path.Base(c.disp) + ", or on Linux/macOS (where zip records Unix modes): chmod +x " + e.Name + " && zip -r " + path.Base(c.disp) + " ."
	case e.Mode&0o111 == 0:
		f := c.add(r, c.entryFile(e.Name), 0, "", fmt.Sprintf("%s is not executable (mode %04o): %s", word, e.Mode.Perm(), errs))
		if c.pkg.Kind == archive.Dir {
			f.Fix = "chmod +x " + c.entryFile(e.Name)
		} else {
			f.Fix = "chmod +x " + e.Name + " and zip again on Linux/macOS (zip records the mode the file has on disk), or rebuild with fclint pack DIR -o " + path.Base(c.disp)
		}
	}
}
