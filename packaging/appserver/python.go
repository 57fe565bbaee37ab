package appserver

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// Python server defaults, each from the project's source at a version:
//   - uvicorn 0.x (uvicorn/config.py): host 127.0.0.1, port 8000,
//     timeout_keep_alive 5.
//   - gunicorn 20-23 (gunicorn/config.py): bind 127.0.0.1:8000, worker_class
//     sync, threads 1, keepalive 2, timeout 30; the sync worker closes every
//     connection (workers/sync.py: resp.force_close()).
//   - hypercorn 0.x (hypercorn/config.py): keep_alive_timeout 5.
//   - flask/werkzeug (Flask.run): 127.0.0.1:5000.
//   - aiohttp 3.x (web.run_app): port 8080, keepalive_timeout 75.
//   - waitress 2-3 (adjustments.py): 0.0.0.0:8080, channel_timeout 120.
//   - django (runserver): 127.0.0.1:8000.
//   - tornado 4-6 (httpserver.py): idle_connection_timeout 3600.
const (
	uvicornKeepAlive   = 5
	gunicornKeepAlive  = 2
	gunicornTimeout    = 30
	hypercornKeepAlive = 5
	aiohttpKeepAlive   = 75
	waitressChannel    = 120
	tornadoIdle        = 3600
	daySeconds         = 24 * 3600
)

// pyProgram is what the Python files a start command reaches say.
type pyProgram struct {
	a         *analysis
	root      string            // the entry script's folder: the first sys.path entry
	aliases   map[string]string // local name → dotted module path it stands for
	decls     map[string][]token
	instances map[string]string // name → dotted class it holds ("flask.Flask")
	seen      map[string]bool
	lines     map[string][]string
}

func (a *analysis) newPyProgram(root string) *pyProgram {
	return &pyProgram{a: a, root: root, aliases: map[string]string{}, decls: map[string][]token{},
		instances: map[string]string{}, seen: map[string]bool{}, lines: map[string][]string{}}
}

// python handles "python [options] FILE|-m MODULE [args]".
func (a *analysis) python(args []string) {
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "-m" && i+1 < len(args):
			mod := args[i+1]
			switch mod {
			case "uvicorn", "gunicorn", "hypercorn", "flask":
				a.pythonTool(mod, args[i+2:])
				return
			case "waitress":
				a.pythonTool("waitress-serve", args[i+2:])
				return
			}
			p := a.newPyProgram(a.st.Cwd)
			if f, ok := p.moduleFile(mod, a.st.Cwd); ok {
				p.file(f, 0)
			}
			return
		case w == "-c":
			return
		case strings.HasPrefix(w, "-"):
		default:
			rel, ok := a.rel(w)
			if !ok {
				return
			}
			if path.Base(rel) == "manage.py" && i+1 < len(args) && args[i+1] == "runserver" {
				a.djangoRunserver(args[i+2:])
				return
			}
			p := a.newPyProgram(path.Dir(rel))
			p.file(rel, 0)
			return
		}
	}
}

// djangoRunserver: "manage.py runserver [addr:]port", default 127.0.0.1:8000.
func (a *analysis) djangoRunserver(args []string) {
	host, p := "127.0.0.1", port{n: 8000, known: true, from: "runserver's default 127.0.0.1:8000"}
	hostFrom := "runserver's default 127.0.0.1:8000"
	for _, w := range args {
		if strings.HasPrefix(w, "-") {
			continue
		}
		v, ok := a.expand(w)
		if !ok {
			return
		}
		h, pt, hasColon := strings.Cut(v, ":")
		if !hasColon {
			pt, h = v, host
		} else {
			hostFrom = "runserver " + w
		}
		host, p = h, portFromString(pt, "runserver "+w)
		break
	}
	a.bind("", 0, "", "django runserver", host, hostFrom, p, "python manage.py runserver 0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} (better: gunicorn -k gthread)")
}

// pythonTool handles the server CLIs. Their --host/--port/--bind flags are
// FC302's; this reads keep-alive and worker settings.
func (a *analysis) pythonTool(name string, args []string) {
	switch name {
	case "uvicorn":
		if v, ok := flagValue(args, "--timeout-keep-alive"); ok {
			if n, ok := a.numberWord(v); ok && !longEnough(n*1000) {
				a.add("FC502", "", 0, "", fmt.Sprintf("uvicorn --timeout-keep-alive %s closes a kept-alive connection after it is idle %s; %s", v, seconds(n*1000), closesMsg), "uvicorn --timeout-keep-alive 86400 ...")
			}
			return
		}
		a.add("FC502", "", 0, "", fmt.Sprintf("uvicorn keeps its default --timeout-keep-alive of %d s: it closes a kept-alive connection after it is idle %d s; %s", uvicornKeepAlive, uvicornKeepAlive, closesMsg), "uvicorn --timeout-keep-alive 86400 ...")
	case "hypercorn":
		_, bound := flagValue(args, "-b", "--bind")
		_, configured := flagValue(args, "-c", "--config")
		if !bound && !configured {
			a.bind("", 0, "", "hypercorn", "127.0.0.1", "hypercorn's default bind 127.0.0.1:8000", port{n: 8000, known: true, from: "hypercorn's default bind 127.0.0.1:8000"}, "hypercorn -b 0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} --keep-alive 86400 ...")
		}
		if v, ok := flagValue(args, "--keep-alive"); ok {
			if n, ok := a.numberWord(v); ok && !longEnough(n*1000) {
				a.add("FC502", "", 0, "", fmt.Sprintf("hypercorn --keep-alive %s closes a kept-alive connection after it is idle %s; %s", v, seconds(n*1000), closesMsg), "hypercorn --keep-alive 86400 ...")
			}
			return
		}
		if _, ok := flagValue(args, "-c", "--config"); ok {
			return
		}
		a.add("FC502", "", 0, "", fmt.Sprintf("hypercorn keeps its default keep_alive_timeout of %d s: it closes a kept-alive connection after it is idle %d s; %s", hypercornKeepAlive, hypercornKeepAlive, closesMsg), "hypercorn --keep-alive 86400 ...")
	case "gunicorn":
		a.gunicorn(args)
	case "waitress-serve":
		// waitress-serve [--listen=H:P | --host H --port P] [--channel-timeout N] module:app
		if _, ok := flagValue(args, "--listen", "--unix-socket"); !ok {
			host, hostFrom := "0.0.0.0", "waitress's default host 0.0.0.0"
			if v, ok := flagValue(args, "--host"); ok {
				host, hostFrom = v, "--host "+v
				if x, ok := a.expand(v); ok {
					host = x
				} else {
					host = ""
				}
			}
			p := port{n: 8080, known: true, from: "waitress's default port 8080"}
			if v, ok := flagValue(args, "--port"); ok {
				p = a.portWord(v, "--port "+v)
			}
			a.bind("", 0, "", "waitress-serve", host, hostFrom, p, "waitress-serve --host 0.0.0.0 --port ${FC_CUSTOM_LISTEN_PORT:-9000} --channel-timeout 86400 ...")
		}
		fix := "waitress-serve --channel-timeout 86400 ..."
		if v, ok := flagValue(args, "--channel-timeout"); ok {
			if n, ok := a.numberWord(v); ok && !longEnough(n*1000) {
				a.add("FC502", "", 0, "", fmt.Sprintf("waitress-serve --channel-timeout %s closes an idle connection after %s; %s", v, seconds(n*1000), closesMsg), fix)
			}
			return
		}
		a.add("FC502", "", 0, "", fmt.Sprintf("waitress keeps its default channel_timeout of %d s: it closes an idle connection after %d s; %s", waitressChannel, waitressChannel, closesMsg), fix)
	}
}

// flagValue returns the last value of a flag given as "--f v" or "--f=v".
func flagValue(args []string, names ...string) (string, bool) {
	val, found := "", false
	for i := 0; i < len(args); i++ {
		for _, n := range names {
			switch {
			case args[i] == n && i+1 < len(args):
				val, found = args[i+1], true
			case strings.HasPrefix(args[i], n+"="):
				val, found = args[i][len(n)+1:], true
			case len(n) == 2 && n[1] != '-' && strings.HasPrefix(args[i], n) && len(args[i]) > 2 && !strings.HasPrefix(args[i], "--"):
				val, found = args[i][2:], true
			}
		}
	}
	return val, found
}

func (a *analysis) numberWord(w string) (float64, bool) {
	v, ok := a.expand(w)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// gunicornSetting is one effective gunicorn setting and where it comes from.
type gunicornSetting struct {
	val        value
	file       string
	line       int
	src        string
	fromConfig bool
}

// gunicorn reads the worker settings: defaults, then the config file
// (-c FILE, else ./gunicorn.conf.py), then GUNICORN_CMD_ARGS, then flags
// (gunicorn's own order of precedence).
func (a *analysis) gunicorn(args []string) {
	settings := map[string]gunicornSetting{}
	confFile := path.Join(a.st.Cwd, "gunicorn.conf.py")
	if v, ok := flagValue(args, "-c", "--config"); ok {
		if strings.HasPrefix(v, "python:") {
			return // a config module: not followed
		}
		rel, ok := a.rel(v)
		if !ok {
			return
		}
		confFile = rel
	}
	if data, ok := a.readFile(confFile); ok {
		p := a.newPyProgram(path.Dir(confFile))
		p.lines[confFile] = strings.Split(string(data), "\n")
		toks := lexPython(data)
		p.scan(confFile, toks, 0)
		for _, name := range []string{"bind", "worker_class", "threads", "keepalive", "timeout"} {
			if init, ok := p.decls[name]; ok {
				v := p.eval(init, 0)
				line := init[0].Line
				settings[name] = gunicornSetting{val: v, file: confFile, line: line, src: p.line(confFile, line), fromConfig: true}
			}
		}
		if b, ok := settings["bind"]; ok {
			a.gunicornBind(b)
		}
	}
	var all []string
	if v, ok := a.env("GUNICORN_CMD_ARGS"); ok {
		all = append(all, strings.Fields(v)...)
	}
	all = append(all, args...)
	for name, flags := range map[string][]string{"worker_class": {"-k", "--worker-class"}, "threads": {"--threads"}, "keepalive": {"--keep-alive"}, "timeout": {"-t", "--timeout"}} {
		if v, ok := flagValue(all, flags...); ok {
			if x, ok := a.expand(v); ok {
				settings[name] = gunicornSetting{val: value{kind: vStr, str: x, from: flags[len(flags)-1] + " " + v}}
			} else {
				settings[name] = gunicornSetting{val: value{from: v}}
			}
		}
	}
	worker := "sync"
	if s, ok := settings["worker_class"]; ok {
		if s.val.kind != vStr {
			return
		}
		worker = s.val.str
	}
	threads := 1.0
	if s, ok := settings["threads"]; ok {
		if n, ok := s.val.asNumber(); ok {
			threads = n
		} else {
			return
		}
	}
	if worker == "sync" && threads > 1 {
		worker = "gthread" // gunicorn switches a threaded sync worker to gthread
	}
	at := func(s gunicornSetting) (string, int, string) {
		if s.fromConfig {
			return s.file, s.line, s.src
		}
		return "", 0, ""
	}
	if worker == "sync" {
		f, l, src := at(settings["worker_class"])
		a.add("FC503", f, l, src, fmt.Sprintf("gunicorn runs its sync worker, which closes the connection after every response (\"Connection: close\"; gunicorn's docs: the sync worker does not support persistent connections): %s", closesMsg), "gunicorn -k gthread --threads 8 --keep-alive 86400 ... (or -k uvicorn.workers.UvicornWorker for ASGI)")
		timeout := gunicornSetting{val: value{kind: vNum, num: gunicornTimeout}}
		if s, ok := settings["timeout"]; ok {
			timeout = s
		}
		if n, ok := timeout.val.asNumber(); ok && n > 0 && n < daySeconds {
			f, l, src := at(timeout)
			what := "its default --timeout of 30 s"
			if timeout.val.from != "" {
				what = "--timeout " + strconv.FormatFloat(n, 'f', -1, 64)
			}
			a.add("FC502", f, l, src, fmt.Sprintf("gunicorn keeps %s: a sync worker busy with one request longer than that is killed, and the request fails, although FC allows up to 86,400 s", what), "gunicorn --timeout 0 ... (FC's function timeout bounds requests)")
		}
		return
	}
	keepalive := gunicornSetting{val: value{kind: vNum, num: gunicornKeepAlive}}
	if s, ok := settings["keepalive"]; ok {
		keepalive = s
	}
	if n, ok := keepalive.val.asNumber(); ok && !longEnough(n*1000) {
		f, l, src := at(keepalive)
		what := fmt.Sprintf("its default --keep-alive of %d s", gunicornKeepAlive)
		if keepalive.val.from != "" {
			what = "keep-alive " + strconv.FormatFloat(n, 'f', -1, 64) + " s"
		}
		a.add("FC502", f, l, src, fmt.Sprintf("gunicorn's %s worker keeps %s: it closes a kept-alive connection after that idle time; %s", worker, what, closesMsg), "gunicorn --keep-alive 86400 ...")
	}
}

// gunicornBind checks bind = "HOST:PORT" (or a list) from gunicorn.conf.py.
func (a *analysis) gunicornBind(s gunicornSetting) {
	if s.val.kind != vStr {
		return
	}
	host, pt, ok := strings.Cut(s.val.str, ":")
	if !ok {
		return
	}
	p := port{caPort: true, known: true, from: "bind = " + strconv.Quote(s.val.str)}
	if !strings.Contains(pt, "\x00") {
		p = portFromString(pt, "bind = "+strconv.Quote(s.val.str))
	}
	a.bind(s.file, s.line, s.src, "gunicorn", host, "bind = "+strconv.Quote(s.val.str), p, "bind = \"0.0.0.0:\" + os.environ.get(\"FC_CUSTOM_LISTEN_PORT\", \"9000\")")
}

func (p *pyProgram) line(file string, n int) string {
	if ls := p.lines[file]; n >= 1 && n <= len(ls) {
		return strings.TrimRight(ls[n-1], "\r")
	}
	return ""
}

// moduleFile finds the package file for a dotted module, looked up in dir.
func (p *pyProgram) moduleFile(mod, dir string) (string, bool) {
	rel := strings.ReplaceAll(mod, ".", "/")
	for _, c := range []string{path.Join(dir, rel+".py"), path.Join(dir, rel, "__init__.py"), path.Join(dir, rel, "__main__.py")} {
		if _, ok := p.a.files.Read(c, 0); ok {
			return c, true
		}
	}
	return "", false
}

// file reads one Python file and the package modules it imports.
func (p *pyProgram) file(name string, depth int) {
	if p.seen[name] || depth > 8 {
		return
	}
	p.seen[name] = true
	src, ok := p.a.readFile(name)
	if !ok {
		return
	}
	p.lines[name] = strings.Split(string(src), "\n")
	p.scan(name, lexPython(src), depth)
}

// scan walks one file's tokens: imports, assignments and server calls.
func (p *pyProgram) scan(name string, toks []token, depth int) {
	stmtStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		atStart := stmtStart
		stmtStart = t.Kind == tNewline || t.is(";")
		if !atStart {
			if t.Kind == tIdent && (i == 0 || !toks[i-1].is(".")) {
				p.call(name, toks, i)
			}
			continue
		}
		switch {
		case t.is("import"):
			i, stmtStart = p.importStmt(name, toks, i+1, "", depth), true
		case t.is("from"):
			i, stmtStart = p.fromStmt(name, toks, i+1, depth), true
		case t.Kind == tIdent && i+1 < len(toks) && toks[i+1].is("="):
			end := pyStmtEnd(toks, i+2)
			p.decls[t.Text] = toks[i+2 : end]
			if cls := p.callee(toks[i+2 : end]); cls != "" {
				p.instances[t.Text] = cls
			}
			i++ // the value may hold server calls: keep scanning it
		case t.Kind == tIdent:
			p.call(name, toks, i)
		}
	}
}

// pyStmtEnd finds the end of the expression starting at toks[start].
func pyStmtEnd(toks []token, start int) int {
	for i := start; i < len(toks); i++ {
		if toks[i].Kind == tNewline || toks[i].is(";") {
			return i
		}
	}
	return len(toks)
}

// importStmt reads "import a.b as c, d" from toks[i].
func (p *pyProgram) importStmt(file string, toks []token, i int, _ string, depth int) int {
	end := pyStmtEnd(toks, i)
	for _, part := range splitArgs(toks[i:end]) {
		mod, alias := dotted(part)
		if mod == "" {
			continue
		}
		if alias == "" {
			alias = strings.SplitN(mod, ".", 2)[0]
			p.aliases[alias] = alias
		} else {
			p.aliases[alias] = mod
		}
		p.follow(file, mod, depth)
	}
	return end
}

// fromStmt reads "from [.]a.b import x as y, z" from toks[i].
func (p *pyProgram) fromStmt(file string, toks []token, i int, depth int) int {
	end := pyStmtEnd(toks, i)
	dots := 0
	for i < end && (toks[i].is(".") || toks[i].Text == "...") {
		dots += len(toks[i].Text)
		i++
	}
	var mod []string
	for i < end && !toks[i].is("import") {
		if toks[i].Kind == tIdent {
			mod = append(mod, toks[i].Text)
		}
		i++
	}
	base := strings.Join(mod, ".")
	if dots > 0 {
		dir := path.Dir(file)
		for d := 1; d < dots; d++ {
			dir = path.Dir(dir)
		}
		if base != "" {
			if f, ok := p.moduleFile(base, dir); ok {
				p.file(f, depth+1)
			}
		}
		base = "." + base
	} else if base != "" {
		p.follow(file, base, depth)
	}
	if i < end {
		i++ // import
	}
	inner := toks[i:end]
	if len(inner) > 0 && inner[0].is("(") {
		inner = inner[1:]
		if len(inner) > 0 && inner[len(inner)-1].is(")") {
			inner = inner[:len(inner)-1]
		}
	}
	for _, part := range splitArgs(inner) {
		name, alias := dotted(part)
		if name == "" || name == "*" {
			continue
		}
		if alias == "" {
			alias = name
		}
		p.aliases[alias] = base + "." + name
		if dots == 0 && base != "" {
			p.follow(file, base+"."+name, depth) // from pkg import module
		}
	}
	return end
}

// dotted reads "a.b.c [as d]".
func dotted(toks []token) (name, alias string) {
	var parts []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.is("as") && i+1 < len(toks):
			return strings.Join(parts, "."), toks[i+1].Text
		case t.Kind == tIdent:
			parts = append(parts, t.Text)
		case t.is("*"):
			parts = append(parts, "*")
		}
	}
	return strings.Join(parts, "."), ""
}

// follow reads a module that is a file of the package (next to the entry
// script or the importing file); installed packages are never read.
func (p *pyProgram) follow(from, mod string, depth int) {
	for _, dir := range []string{p.root, path.Dir(from)} {
		if f, ok := p.moduleFile(mod, dir); ok {
			p.file(f, depth+1)
			return
		}
	}
}

// resolve turns a dotted name in the code into what it stands for:
// "uvicorn.run", "flask.Flask", "aiohttp.web.run_app", or an instance's class
// plus the method ("flask.Flask.run").
func (p *pyProgram) resolve(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	head := parts[0]
	if cls, ok := p.instances[head]; ok {
		return strings.Join(append([]string{cls}, parts[1:]...), ".")
	}
	if mod, ok := p.aliases[head]; ok {
		head = mod
	}
	return strings.Join(append([]string{head}, parts[1:]...), ".")
}

// callee returns the resolved name of the call an expression starts with.
func (p *pyProgram) callee(toks []token) string {
	var parts []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Kind == tIdent && (len(parts) == 0 || toks[i-1].is(".")):
			parts = append(parts, t.Text)
		case t.is("."):
		case t.is("("):
			return p.resolve(parts)
		default:
			return ""
		}
	}
	return ""
}

// call checks a call starting at toks[i] (a name, then dots).
func (p *pyProgram) call(file string, toks []token, i int) {
	var parts []string
	j := i
	for j < len(toks) && toks[j].Kind == tIdent {
		parts = append(parts, toks[j].Text)
		if j+1 < len(toks) && toks[j+1].is(".") {
			j += 2
			continue
		}
		j++
		break
	}
	if j >= len(toks) || !toks[j].is("(") {
		return
	}
	closeAt := matchClose(toks, j)
	args := splitArgs(toks[j+1 : min(closeAt, len(toks))])
	pos, kw := []([]token){}, map[string][]token{}
	for _, a := range args {
		if len(a) >= 2 && a[0].Kind == tIdent && a[1].is("=") {
			kw[a[0].Text] = a[2:]
		} else if len(a) > 0 && !a[0].is("*") && !a[0].is("**") {
			pos = append(pos, a)
		} else {
			kw["**"] = a // **kwargs: anything may be set
		}
	}
	line := toks[i].Line
	hostKw := "host"
	site := func(server, fix string, hostDef string, hostArg int, portDef int, portArg int) {
		if kw["**"] != nil {
			return
		}
		host, hostFrom := hostDef, server+"'s default host "+hostDef
		if t := argOf(pos, kw, hostKw, hostArg); t != nil {
			v := p.eval(t, 0)
			if v.kind != vStr {
				host = ""
			} else {
				host, hostFrom = v.str, hostKw+"="+tokensText(t)
			}
		}
		pt := port{n: portDef, known: portDef > 0, from: fmt.Sprintf("%s's default port %d", server, portDef)}
		if t := argOf(pos, kw, "port", portArg); t != nil {
			pt = p.eval(t, 0).asPort()
		}
		p.a.bind(file, line, p.line(file, line), server, host, hostFrom, pt, fix)
	}
	keepAlive := func(server, kwName string, def float64, fix string) {
		if kw["**"] != nil {
			return
		}
		t, ok := kw[kwName]
		if !ok {
			p.a.add("FC502", file, line, p.line(file, line), fmt.Sprintf("%s keeps its default %s of %s: it closes a kept-alive connection after that idle time; %s", server, kwName, seconds(def*1000), closesMsg), fix)
			return
		}
		if n, ok := p.eval(t, 0).asNumber(); ok && !longEnough(n*1000) {
			p.a.add("FC502", file, line, p.line(file, line), fmt.Sprintf("%s is called with %s=%s: it closes a kept-alive connection after it is idle %s; %s", server, kwName, tokensText(t), seconds(n*1000), closesMsg), fix)
		}
	}
	name := p.resolve(parts)
	if _, isModule := p.aliases[parts[0]]; !isModule && len(parts) == 2 {
		// app = create_app() / make_app(): a factory's result in a file that
		// imports the framework.
		switch {
		case parts[1] == "run" && p.imports("flask"):
			name = "flask.Flask.run"
		case parts[1] == "listen" && p.imports("tornado"):
			name = "tornado.web.Application.listen"
		}
	}
	switch name {
	case "uvicorn.run", "uvicorn.Config", "uvicorn.config.Config":
		fix := `uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)), timeout_keep_alive=86400)`
		if kw["uds"] == nil && kw["fd"] == nil {
			site("uvicorn", fix, "127.0.0.1", -1, 8000, -1)
		}
		keepAlive("uvicorn", "timeout_keep_alive", uvicornKeepAlive, fix)
	case "flask.Flask.run":
		site("flask", `app.run(host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)))`, "127.0.0.1", 0, 5000, 1)
	case "aiohttp.web.run_app":
		fix := `web.run_app(app, host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)), keepalive_timeout=86400)`
		if kw["path"] == nil && kw["sock"] == nil {
			site("aiohttp", fix, "", -1, 8080, -1)
		}
		keepAlive("aiohttp", "keepalive_timeout", aiohttpKeepAlive, fix)
	case "tornado.web.Application.listen", "tornado.httpserver.HTTPServer.listen":
		// listen(port, address=""): all interfaces unless an address is given;
		// HTTPServer's idle_connection_timeout defaults to 3600 s (tornado
		// httpserver.py, 4.x-6.x).
		hostKw = "address"
		site("tornado", `app.listen(int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)), address="0.0.0.0", idle_connection_timeout=86400)`, "", 1, 0, 0)
		keepAlive("tornado", "idle_connection_timeout", tornadoIdle, `app.listen(port, idle_connection_timeout=86400)`)
	case "waitress.serve":
		fix := `serve(app, host="0.0.0.0", port=int(os.environ.get("FC_CUSTOM_LISTEN_PORT", 9000)), channel_timeout=86400)`
		if kw["listen"] == nil && kw["unix_socket"] == nil {
			site("waitress", fix, "0.0.0.0", -1, 8080, -1)
		}
		keepAlive("waitress", "channel_timeout", waitressChannel, fix)
	}
}

// imports reports whether the file imports a module under prefix.
func (p *pyProgram) imports(prefix string) bool {
	for _, m := range p.aliases {
		if m == prefix || strings.HasPrefix(m, prefix+".") {
			return true
		}
	}
	return false
}

// argOf returns a call argument by keyword, or by position when pos >= 0.
func argOf(pos [][]token, kw map[string][]token, name string, at int) []token {
	if t, ok := kw[name]; ok {
		return t
	}
	if at >= 0 && at < len(pos) {
		return pos[at]
	}
	return nil
}

// eval evaluates the Python expression shapes servers are configured with:
// literals, names, os.environ.get/os.getenv/os.environ[...] with defaults,
// int()/str()/float(), "a or b", products and string concatenation.
func (p *pyProgram) eval(toks []token, depth int) value {
	v := p.evalInner(toks, depth)
	if v.from == "" {
		v.from = tokensText(toks)
	}
	return v
}

func (p *pyProgram) evalInner(toks []token, depth int) value {
	if depth > 8 || len(toks) == 0 {
		return value{}
	}
	for len(toks) >= 2 && toks[0].is("(") && matchClose(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	if parts := splitTopWord(toks, "or"); len(parts) > 1 {
		for _, part := range parts {
			v := p.eval(part, depth+1)
			if v.kind == vUnset || v.kind == vStr && v.str == "" || v.kind == vNum && v.num == 0 {
				continue
			}
			v.from = tokensText(toks)
			return v
		}
		return value{kind: vUnset}
	}
	if parts := splitTop(toks, "*"); len(parts) > 1 {
		return product(parts, func(part []token) value { return p.eval(part, depth+1) })
	}
	if parts := splitTop(toks, "+"); len(parts) > 1 && len(parts[0]) > 0 {
		var b strings.Builder
		for _, part := range parts {
			v := p.eval(part, depth+1)
			switch v.kind {
			case vStr:
				b.WriteString(v.str)
			case vCAPort:
				b.WriteString("\x00CAPort\x00")
			default:
				return value{}
			}
		}
		return value{kind: vStr, str: b.String()}
	}
	if len(toks) == 1 {
		t := toks[0]
		switch t.Kind {
		case tNum:
			if f, err := strconv.ParseFloat(strings.ReplaceAll(t.Text, "_", ""), 64); err == nil {
				return value{kind: vNum, num: f}
			}
		case tStr:
			return value{kind: vStr, str: t.Text}
		case tIdent:
			if init, ok := p.decls[t.Text]; ok {
				v := p.eval(init, depth+1)
				v.from = t.Text + " = " + v.from
				return v
			}
		}
		return value{}
	}
	callee := p.callee(toks)
	if callee != "" && toks[len(toks)-1].is(")") {
		open := 0
		for open < len(toks) && !toks[open].is("(") {
			open++
		}
		if matchClose(toks, open) != len(toks)-1 {
			return value{}
		}
		args := splitArgs(toks[open+1 : len(toks)-1])
		switch callee {
		case "int", "float", "str":
			if len(args) > 0 {
				return p.eval(args[0], depth+1)
			}
		case "os.environ.get", "os.getenv", "environ.get", "getenv":
			if len(args) == 0 {
				return value{}
			}
			name := p.eval(args[0], depth+1)
			if name.kind != vStr {
				return value{}
			}
			if v, ok := p.envValue(name.str); ok {
				return v
			}
			if len(args) > 1 {
				return p.eval(args[1], depth+1)
			}
			return value{kind: vUnset}
		}
		return value{}
	}
	// os.environ["X"]
	if len(toks) == 6 && toks[0].is("os") && toks[2].is("environ") && toks[3].is("[") && toks[4].Kind == tStr {
		if v, ok := p.envValue(toks[4].Text); ok {
			return v
		}
		return value{kind: vUnset}
	}
	return value{}
}

func (p *pyProgram) envValue(name string) (value, bool) {
	if isFCPortVar(name) {
		return value{kind: vCAPort}, true
	}
	if v, ok := p.a.st.Vars[name]; ok {
		return value{kind: vStr, str: v}, true
	}
	return value{}, false
}

// splitTopWord splits at a top-level keyword operator ("or").
func splitTopWord(toks []token, word string) [][]token {
	var out [][]token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.is("(") || t.is("[") || t.is("{"):
			depth++
		case t.is(")") || t.is("]") || t.is("}"):
			depth--
		case depth == 0 && t.Kind == tIdent && t.Text == word:
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append(out, toks[start:])
}
