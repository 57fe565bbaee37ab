package packaging

import (
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/archive"
	"github.com/fclint/fclint/packaging/script"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

// checkCommandLine checks customRuntimeConfig.command + args as one command
// line: FC302 for the address a server binds, FC207 for files it names.
// "bash -c '...'" is read as the script it runs.
func (c *checker) checkCommandLine() {
	cmd, args := c.fn.Command, c.fn.Args
	if cmd.Unknown || args.Unknown || len(cmd.Value) == 0 {
		return
	}
	words := append(append([]string(nil), cmd.Value...), args.Value...)
	pos := cmd.Pos
	if args.Set && args.Pos.Line != 0 {
		pos = args.Pos
	}
	file, line := c.at(pos)
	vars := script.Vars{}
	for k, v := range c.fn.Env {
		vars[k] = v
	}
	var cmds []script.Command
	if name := filepath.Base(words[0]); (name == "sh" || name == "bash") && len(words) >= 3 && words[1] == "-c" {
		for _, w := range script.Split(words[2]) {
			cl := script.CommandLine(w)
			cmds = append(cmds, cl)
			// bash -c /code/start.sh: the script's commands start the server.
			if len(cl.Words) > 0 {
				if rel, ok := script.InPackage(cl.Words[0], ""); ok && strings.Contains(cl.Words[0], "/") {
					if e := c.pkg.Resolve(rel); e != nil && !e.IsDir() {
						c.checkShellArg(e, cl.Words[0])
					}
				}
			}
		}
	} else {
		cmds = []script.Command{script.CommandLine(words)}
		if name := filepath.Base(words[0]); (name == "sh" || name == "bash") && len(words) >= 2 && !strings.HasPrefix(words[1], "-") {
			if rel, ok := script.InPackage(words[1], ""); ok {
				if e := c.pkg.Resolve(rel); e != nil && !e.IsDir() {
					c.checkShellArg(e, words[1])
				}
			}
		}
	}
	var sites []bindSite
	defer func() { c.reportBinds(sites) }()
	for i, cl := range cmds {
		sites = c.collectBinds(sites, script.Binds(cl, vars), file, line, "", "command", "")
		c.checkAppServer(cl.Words, vars, "", file, line, "")
		for j, w := range script.FileRefs(cl) {
			if i == 0 && j == 0 && w == words[0] {
				continue // command[0]: checkEntrypoint's job
			}
			rel, ok := script.InPackage(w, "")
			if !ok || c.resolveRef(cl, rel) != nil {
				continue
			}
			f := c.add(rules.MustGet("FC207"), file, line, "", fmt.Sprintf("command runs %s, but %s has no %s: the start fails with \"no such file or directory\"", strings.Join(words, " "), c.disp, rel))
			c.softenIfBuilt(f, rel)
		}
	}
}

// bindSite is a bind and where it is written.
type bindSite struct {
	bind         script.Bind
	file, source string
	line         int
	where        string // "bootstrap", "command": who starts the server
}

// collectBinds adds a command's binds to sites; cwd is the package folder the
// command runs in (for files that override a tool's defaults).
func (c *checker) collectBinds(sites []bindSite, binds []script.Bind, file string, line int, source, where, cwd string) []bindSite {
	for _, b := range binds {
		if b.UnlessFile != "" && c.pkg.Lookup(path.Join(cwd, b.UnlessFile)) != nil {
			continue
		}
		sites = append(sites, bindSite{b, file, source, line, where})
	}
	return sites
}

// reportBinds is FC302 over one script's or command line's binds. When one
// of them serves 0.0.0.0:CAPort, the others are side services (a loopback
// cache, an admin port) and only a loopback bind on CAPort itself is wrong;
// otherwise every loopback or non-CAPort bind is.
func (c *checker) reportBinds(sites []bindSite) {
	caPort := c.fn.CAPort()
	onCAPort := func(b script.Bind) bool {
		return b.PortKnown && (b.Port == script.CAPortValue || b.Port == strconv.Itoa(caPort))
	}
	loopback := func(b script.Bind) bool { return b.HostKnown && b.Host != "" && script.IsLoopback(b.Host) }
	serves := false
	for _, s := range sites {
		if onCAPort(s.bind) && s.bind.HostKnown && !loopback(s.bind) {
			serves = true
		}
	}
	r := rules.MustGet("FC302")
	for _, s := range sites {
		b := s.bind
		switch {
		case loopback(b) && (onCAPort(b) || !serves):
			f := c.add(r, s.file, s.line, s.source, fmt.Sprintf("%s starts %s on %s (%s): FC reaches the function on 0.0.0.0:%d, and the start fails with \"connection refused\"", s.where, b.Tool, b.Host, b.HostFrom, caPort))
			f.Fix = bindFix(b.Tool)
		case !serves && b.PortKnown && b.Port != "" && !onCAPort(b):
			f := c.add(r, s.file, s.line, s.source, fmt.Sprintf("%s starts %s on port %s (%s), but CAPort is %d: FC health-checks port %d and the start fails", s.where, b.Tool, b.Port, b.PortFrom, caPort, caPort))
			f.Fix = bindFix(b.Tool)
		}
	}
}

func bindFix(tool string) string {
	const port = "${FC_CUSTOM_LISTEN_PORT:-9000}"
	switch tool {
	case "gunicorn":
		return "gunicorn -b 0.0.0.0:" + port + " ..."
	case "uvicorn", "hypercorn", "daphne":
		return tool + " --host 0.0.0.0 --port " + port + " ..."
	case "flask run":
		return "flask run --host 0.0.0.0 --port " + port
	case "php -S":
		return "php -S 0.0.0.0:" + port + " ..."
	case "java", "javaw":
		return "java -Dserver.port=" + port + " -Dserver.address=0.0.0.0 -jar ..."
	}
	return "listen on 0.0.0.0 and port " + port + " (CAPort)"
}

// softenIfBuilt turns a missing-file finding into a warning when checking a
// source directory whose configuration builds that file in a pre-deploy action.
func (c *checker) softenIfBuilt(f *report.Finding, rel string) {
	if c.pkg.Kind != archive.Dir {
		return
	}
	if a, ok := c.builtBy(rel); ok {
		f.Severity = rules.Warning
		f.Message += fmt.Sprintf(" — unless the pre-deploy action %q builds it (checked before the build)", a.Run)
	}
}

// builtBy finds a pre-deploy action that writes the package file rel.
func (c *checker) builtBy(rel string) (config.Action, bool) {
	root, err := filepath.Abs(c.opts.Path)
	if err != nil {
		return config.Action{}, false
	}
	want := filepath.Join(root, filepath.FromSlash(rel))
	for _, a := range c.fn.Actions {
		if a.Hook == "pre-deploy" && c.actionWrites(a, func(p string) bool { return p == want }) {
			return a, true
		}
	}
	return config.Action{}, false
}

// actionWritesUnder reports whether one of the action's words names a path
// inside dir.
func (c *checker) actionWritesUnder(a config.Action, dir string) bool {
	dir = filepath.Clean(dir)
	return c.actionWrites(a, func(p string) bool { return strings.HasPrefix(p, dir+string(filepath.Separator)) })
}

// actionWrites resolves the action's words as paths against its folder (the
// configuration file's folder + path:) and asks match about each. Any word
// counts, not only -o targets: cp, mv and build tools all name their output.
func (c *checker) actionWrites(a config.Action, match func(string) bool) bool {
	if c.fn.File == "" {
		return false
	}
	dir := filepath.Join(filepath.Dir(c.fn.File), filepath.FromSlash(a.Path))
	for _, words := range script.Split(a.Run) {
		for _, w := range words {
			if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "-") {
				w = v // -o=target, --output=target
			}
			if w == "" || strings.HasPrefix(w, "-") || strings.Contains(w, "$") {
				continue
			}
			p := filepath.FromSlash(w)
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			if match(filepath.Clean(p)) {
				return true
			}
		}
	}
	return false
}
