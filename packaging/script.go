package packaging

import (
	"fmt"
	"path"
	"strings"

	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/binary"
	"github.com/fclint/fclint/packaging/runtimes"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// checkScript is FC204 for a script entrypoint (no shebang, CRLF, a shebang
// interpreter the image lacks), then scans what the script runs.
func (c *checker) checkScript(e *archive.Entry, word string, head []byte, depth int, seen map[string]bool, wd runDir) {
	s := script.Parse(head)
	file := c.entryFile(e.Name)
	r := rules.MustGet("FC204")
	first := ""
	if len(s.Lines) > 0 {
		first = s.Lines[0].Text
	}
	if len(head) == 0 {
		c.add(r, file, 0, "", fmt.Sprintf("%s is empty: FC execs it and fails with \"exec format error\"", word))
		return
	}
	if !s.HasShebang {
		what := "a script without a #! line"
		if strings.HasPrefix(string(head), "PK\x03\x04") {
			s.Binary = true
			what = "a ZIP/JAR file, not an executable; run it with java -jar"
		} else if s.Binary {
			what = "neither a Linux executable nor a script (binary data, no #! line)"
		}
		line := 1
		if s.Binary {
			line, first = 0, ""
		}
		f := c.add(r, file, line, first, fmt.Sprintf("%s is %s: FC execs it directly and fails with \"exec format error\"", word, what))
		switch {
		case strings.HasPrefix(string(head), "PK\x03\x04"):
			f.Fix = "start it from a script: #!/bin/bash, then exec java -jar /code/" + e.Name
		case !s.Binary:
			f.Fix = "start the script with #!/bin/bash (or the interpreter it is written for)"
		}
		if s.Binary {
			return
		}
	}
	if s.BOM {
		f := c.add(r, file, 1, first, fmt.Sprintf("%s starts with a UTF-8 byte-order mark before #!: the kernel does not see the #! line and the start fails with \"exec format error\"", word))
		f.Fix = "save it as UTF-8 without BOM: sed -i '1s/^\\xEF\\xBB\\xBF//' " + e.Name
	}
	if s.CRLF {
		c.crlf(e, word, s, s.HasShebang && s.CRLFLine == 1)
	}
	if s.HasShebang {
		c.checkShebang(s, file, first, word)
	}
	if isShell(s) {
		c.scanScript(e, s, depth, seen, wd)
	}
}

// crlf is FC204 for Windows line endings; kernel says whether the kernel
// reads the shebang line (a script FC execs), else the shell reads the lines.
func (c *checker) crlf(e *archive.Entry, word string, s *script.Script, kernel bool) {
	msg := fmt.Sprintf("%s has Windows (CRLF) line endings from line %d: the shell reads the \\r as part of each command and fails (\"$'\\r': command not found\", or \"no such file or directory\" for a name that ends in \\r)", word, s.CRLFLine)
	if kernel {
		msg = fmt.Sprintf("%s has Windows (CRLF) line endings: the kernel looks for \"%s\\r\" and the start fails with \"%s^M: bad interpreter\"", word, s.Interpreter, s.Interpreter)
	}
	f := c.add(rules.MustGet("FC204"), c.entryFile(e.Name), s.CRLFLine, s.Lines[s.CRLFLine-1].Text, msg)
	f.Fix = "convert to LF: sed -i 's/\\r$//' " + e.Name + " (and add \"" + e.Name + " text eol=lf\" to .gitattributes)"
}

// checkShellArg checks a script the command runs through a shell
// (command: [bash, start.sh]): no exec bit or shebang needed, but CRLF breaks
// it and its commands start the server.
func (c *checker) checkShellArg(e *archive.Entry, word string) {
	head, err := e.Head(script.HeadSize)
	if err != nil {
		c.add(rules.MustGet("FC211"), c.entryFile(e.Name), 0, "", fmt.Sprintf("%s cannot be read: %v", e.Name, err))
		return
	}
	s := script.Parse(head)
	if s.Binary || binary.Sniff(head) != binary.Unknown {
		return
	}
	if s.CRLF {
		c.crlf(e, word, s, false)
	}
	c.scanScript(e, s, 0, map[string]bool{e.Name: true}, runDir{known: true})
}

// isShell reports whether the script is shell (or has no shebang, which FC
// cannot run anyway but whose lines are still worth reading): a node or
// python script's lines are not commands.
func isShell(s *script.Script) bool {
	if !s.HasShebang {
		return true
	}
	prog, _ := s.Program()
	switch path.Base(prog) {
	case "sh", "bash", "dash", "ash", "zsh", "ksh", "busybox":
		return true
	}
	return false
}

// checkShebang is FC204 for an interpreter the image does not have.
func (c *checker) checkShebang(s *script.Script, file, first, word string) {
	prog, viaPath := s.Program()
	if prog == "" {
		return
	}
	if !viaPath && !strings.HasPrefix(prog, "/") {
		return // a relative interpreter: rare, and not resolvable here
	}
	if rel, ok := script.InPackage(prog, ""); ok && strings.HasPrefix(prog, script.CodeRoot+"/") {
		if c.pkg.Resolve(rel) == nil { // #!/code/venv/bin/python: the package must hold it
			f := c.add(rules.MustGet("FC207"), file, 1, first, fmt.Sprintf("%s starts with #!%s, but the package has no %s: the start fails with \"no such file or directory\"", word, s.Lines[0].Text[2:], rel))
			c.softenIfBuilt(f, rel)
		}
		return
	}
	// Only interpreters the runtime table knows are judged: perl, busybox or
	// a tool a layer brings may well be there.
	if !isInterpreter(path.Base(prog)) {
		return
	}
	if viaPath && (c.pkg.Resolve(prog) != nil || c.pkg.Resolve("bin/"+prog) != nil) {
		return // /code and /code/bin are on PATH
	}
	avail, tools := c.env.Find(prog)
	if avail == runtimes.Available || avail == runtimes.Unknowable {
		return
	}
	msg := fmt.Sprintf("%s starts with #!%s, but %s%s has no %s", word, s.Lines[0].Text[2:], c.env.Image.ID, c.imageNote(), prog)
	if viaPath && avail == runtimes.NeedsPath {
		msg = fmt.Sprintf("%s starts with #!%s, but %s is not on PATH in %s%s", word, s.Lines[0].Text[2:], prog, c.env.Image.ID, c.imageNote())
	}
	msg += ": the start fails with \"no such file or directory\""
	f := c.add(rules.MustGet("FC204"), file, 1, first, msg)
	f.Fix = suggestTool(prog, tools)
	softenForLayer(f, avail, tools)
}

// suggestTool says where the runtime does have a program.
func suggestTool(prog string, tools []runtimes.Tool) string {
	if len(tools) == 0 {
		if layer, dir, ok := runtimes.LayerFor(prog); ok {
			return fmt.Sprintf("add the official layer %s (layers: acs:fc:REGION:official:layers/%s/versions/N) and set environmentVariables PATH=%s:%s", layer, layer, dir, strings.Join(runtimes.DefaultSystemPath, ":"))
		}
		return "use an interpreter the runtime has, or ship it in the package or a layer"
	}
	t := preferredTool(tools)
	if t.NeedsPath || t.Layer {
		// The full value, as the FC docs and layer READMEs write it.
		return fmt.Sprintf("use %s, or set environmentVariables PATH=%s:%s", t.Path(), t.Dir, strings.Join(runtimes.DefaultSystemPath, ":"))
	}
	return "use " + t.Path()
}

// preferredTool is the copy of a program to point users at: the one from a
// layer they added, else the image's.
func preferredTool(tools []runtimes.Tool) runtimes.Tool {
	for _, t := range tools {
		if t.Layer {
			return t
		}
	}
	return tools[0]
}

// interpreters are the programs whose absence FC210 reports in scripts: a
// missing one is a certain failure, unlike tools a script may install itself.
func isInterpreter(name string) bool {
	switch {
	case strings.HasPrefix(name, "python"), name == "node", name == "npm", name == "npx",
		name == "java", name == "php", name == "ruby", name == "pwsh", name == "dotnet":
		return true
	}
	return false
}

// scanScript follows the script's commands: FC302 for the addresses servers
// bind, FC207 for files it names that the package lacks, FC210 for
// interpreters not on PATH, and the checks of programs it executes. wd is the
// directory the script starts in: the caller's, not the script's own folder.
func (c *checker) scanScript(e *archive.Entry, s *script.Script, depth int, seen map[string]bool, wd runDir) {
	file := c.entryFile(e.Name)
	vars := script.Vars{}
	for k, v := range c.fn.Env {
		vars[k] = v
	}
	env := *c.env
	cwd, cwdKnown := wd.dir, wd.known
	// FC's working directory is /code by all evidence but not documented: until
	// the script cd's, a relative name found next to the script counts too.
	own, moved := path.Dir(e.Name), false
	if own == "." {
		own = ""
	}
	var sites []bindSite
	defer func() { c.reportBinds(sites) }()
	cmds := s.Commands()
	tested := script.TestedFiles(cmds)
	for _, cmd := range cmds {
		local := vars
		if len(cmd.Words) == 0 { // VAR=x or export VAR=x: for the rest of the script
			for k, v := range cmd.Assign {
				if x, ok := script.Expand(v, vars); ok {
					vars[k] = x
				} else {
					delete(vars, k)
				}
				if k == "PATH" {
					p := v
					env.Path, env.PathUnknown = &p, strings.Contains(strings.ReplaceAll(strings.ReplaceAll(v, "${PATH}", ""), "$PATH", ""), "$")
				}
			}
			continue
		}
		if len(cmd.Assign) > 0 { // VAR=x cmd: for this command only
			local = script.Vars{}
			for k, v := range vars {
				local[k] = v
			}
			for k, v := range cmd.Assign {
				local[k] = v
			}
		}
		if cmd.Name() == "cd" {
			cwd, cwdKnown = changeDir(cwd, own, cmd.Words[1:])
			moved = true
			continue
		}
		sites = c.collectBinds(sites, script.Binds(cmd, local), file, cmd.Line, cmd.Text, e.Name, cwd)
		if cwdKnown {
			c.checkAppServer(cmd.Words, local, cwd, file, cmd.Line, cmd.Text)
		}
		if name := cmd.Name(); isInterpreter(name) && !strings.Contains(cmd.Words[0], "/") {
			if avail, tools := env.Find(name); avail == runtimes.NeedsPath || avail == runtimes.Missing {
				f := c.add(rules.MustGet("FC210"), file, cmd.Line, cmd.Text, fmt.Sprintf("%s runs %s, which %s%s does not have on PATH: the start fails with \"%s: command not found\"", e.Name, name, env.Image.ID, c.imageNote(), name))
				f.Fix = suggestTool(name, tools)
				softenForLayer(f, avail, tools)
				c.softenIfAssumed(f, name)
			}
		}
		for _, w := range script.FileRefs(cmd) {
			if !cwdKnown && !strings.HasPrefix(w, script.CodeRoot+"/") {
				continue
			}
			if tested[w] || tested[path.Clean(w)] {
				continue // [ -f FILE ] && use FILE: absent is handled
			}
			rel, ok := script.InPackage(w, cwd)
			if !ok {
				continue
			}
			target := c.resolveRef(cmd, rel)
			if target == nil && !moved && own != cwd && !strings.HasPrefix(w, "/") {
				if alt, ok := script.InPackage(w, own); ok {
					target = c.pkg.Resolve(alt)
				}
			}
			if target == nil {
				f := c.add(rules.MustGet("FC207"), file, cmd.Line, cmd.Text, fmt.Sprintf("%s runs %s, but the package has no %s: the start fails with \"no such file or directory\"", e.Name, w, rel))
				c.softenIfBuilt(f, rel)
				continue
			}
			if w == cmd.Words[0] && !target.IsDir() {
				c.checkExecutable(target, w, depth+1, seen, runDir{cwd, cwdKnown})
			}
		}
	}
}

// changeDir follows cd in a script; cd "$(dirname "$0")" and friends mean
// the script's own folder, own.
func changeDir(cwd, own string, args []string) (string, bool) {
	if len(args) == 0 {
		return cwd, false // cd: $HOME
	}
	dir := args[0]
	if strings.Contains(dir, "dirname") || strings.Contains(dir, "BASH_SOURCE") || strings.Contains(dir, "${0%") {
		return own, true
	}
	if rel, ok := script.InPackage(dir, cwd); ok {
		return rel, true
	}
	if dir == script.CodeRoot || dir == "$FC_FUNC_CODE_PATH" || dir == "${FC_FUNC_CODE_PATH}" {
		return "", true
	}
	return cwd, false
}

// checkProgram is FC210 for command[0] when it is a program of the image
// (python3, /usr/bin/node), not a package file.
// Other programs (gunicorn from pip, a layer's tools) may live anywhere.
func (c *checker) checkProgram(prog string) {
	if !isInterpreter(path.Base(prog)) {
		return
	}
	avail, tools := c.env.Find(prog)
	if avail == runtimes.Available || avail == runtimes.Unknowable {
		return
	}
	file, line := c.at(c.fn.Command.Pos)
	var msg string
	if avail == runtimes.NeedsPath {
		t, where := preferredTool(tools), c.env.Image.ID+c.imageNote()
		if t.Layer {
			where = "its official layer"
		}
		msg = fmt.Sprintf("command runs %s, which %s has only at %s, not on PATH: the start fails with \"no such file or directory\"", prog, where, t.Path())
	} else {
		msg = fmt.Sprintf("command runs %s, which %s%s does not have: the start fails with \"no such file or directory\"", prog, c.env.Image.ID, c.imageNote())
	}
	f := c.add(rules.MustGet("FC210"), file, line, "", msg)
	f.Fix = suggestTool(prog, tools)
	softenForLayer(f, avail, tools)
	c.softenIfAssumed(f, prog)
}

// softenForLayer makes a finding about an official layer's interpreter that is
// not on PATH a warning. The layer's README asks for environmentVariables
// PATH=/opt/<layer>/bin:... (the console adds it; an s.yaml must), but FC's
// docs present layer tools as available, so fclint does not fail the build
// on it: it says what to check.
func softenForLayer(f *report.Finding, avail runtimes.Availability, tools []runtimes.Tool) {
	if avail != runtimes.NeedsPath || len(tools) == 0 || !preferredTool(tools).Layer {
		return
	}
	f.Severity = rules.Warning
	f.Message += " (unless PATH gets the layer's bin folder some other way, e.g. when the layer was added in the console)"
}

// customImages are the runtimes FC allows for a custom-runtime function.
var customImages = []string{"custom", "custom.debian10", "custom.debian11", "custom.debian12"}

// softenIfAssumed judges an FC210 finding made against the fallback image
// when the configuration does not say the runtime: against every custom
// runtime FC allows. When one of them has prog, it is not certain to fail:
// a warning that names the assumption (the custom image ships Java 8, say).
func (c *checker) softenIfAssumed(f *report.Finding, prog string) {
	if !c.guessed {
		return
	}
	var have []string
	for _, id := range customImages {
		im, ok := runtimes.Lookup(id)
		if !ok {
			continue
		}
		env := *c.env
		env.Image = im
		if avail, _ := env.Find(prog); avail == runtimes.Available {
			have = append(have, id)
		}
	}
	c.softenFor(f, have, path.Base(prog))
}

// softenFor makes a finding judged against the fallback image a warning
// when the custom runtimes in have would not fail (they have what: java,
// glibc 2.36): the configuration, silent on the runtime, decides.
func (c *checker) softenFor(f *report.Finding, have []string, what string) {
	if !c.guessed || len(have) == 0 {
		return
	}
	verb := "has"
	if len(have) > 1 {
		verb = "have"
	}
	f.Severity = rules.Warning
	f.Message += fmt.Sprintf("; the configuration does not say the runtime, and %s %s %s", strings.Join(have, ", "), verb, what)
	f.Fix = fmt.Sprintf("set the runtime in the configuration (runtime: %s if that is the one you deploy), then check again", have[0])
}
