package appserver

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/fclint/fclint/packaging/script"
)

// Node defaults (nodejs/node lib/_http_server.js):
//   - keepAliveTimeout 5000 ms through v25; 65 000 ms since v26 (nodejs/node#62782).
//   - server.timeout 120 000 ms before v13, 0 since (nodejs/node#27558).
//
// fastify (fastify/fastify lib/config-validator, docs/Reference/Server.md, v4/v5):
//   - keepAliveTimeout 72 000 ms, connectionTimeout 0;
//   - listen() host "localhost", port 0 when not given.
const (
	nodeKeepAliveOld  = 5000
	nodeKeepAlive26   = 65000
	nodeTimeoutOld    = 120000
	fastifyKeepAlive  = 72000
	nodeFix           = "set server.keepAliveTimeout = 0 and server.timeout = 0 on the server listen() returns (FC's own Node samples do)"
	fastifyFix        = "create the app with fastify({ keepAliveTimeout: 0, connectionTimeout: 0 })"
	nodeListenFix     = "listen on process.env.FC_CUSTOM_LISTEN_PORT || 9000 and host 0.0.0.0"
	maxNodeRequireDep = 16
)

// nodeSite is a place in a JavaScript file.
type nodeSite struct {
	file string
	line int
	src  string
}

type nodeListen struct {
	nodeSite
	kind string // the module the server comes from: "fastify", "express", "http", "" unknown
	args [][]token
}

type nodeSetting struct {
	nodeSite
	name  string // keepAliveTimeout, timeout, connectionTimeout, ...
	value []token
}

// nodeProgram is what the files a node start command reaches say.
type nodeProgram struct {
	a         *analysis
	eval      jsEval
	modules   map[string]string // identifier → module it holds ("const express = require('express')")
	instances map[string]string // identifier → module of the app or server it holds
	listens   []nodeListen
	settings  []nodeSetting
	seen      map[string]bool
	lines     map[string][]string
}

func (a *analysis) newNodeProgram() *nodeProgram {
	return &nodeProgram{a: a, eval: jsEval{decls: map[string][]token{}, vars: a.st.Vars},
		modules: map[string]string{}, instances: map[string]string{}, seen: map[string]bool{}, lines: map[string][]string{}}
}

// node handles "node [options] FILE [args]".
func (a *analysis) node(args []string) {
	for i := 0; i < len(args); i++ {
		w := args[i]
		switch {
		case w == "-r" || w == "--require":
			i++
		case strings.HasPrefix(w, "-"):
		default:
			p := a.newNodeProgram()
			if rel, ok := a.rel(w); ok {
				if entry, ok := p.resolve(rel, true); ok {
					p.file(entry, 0)
				}
			}
			p.report()
			return
		}
	}
}

// npm handles npm start / npm run X (and yarn, pnpm): the package.json
// script it runs, or node server.js, npm's default start.
func (a *analysis) npm(tool string, args []string, depth int) {
	if len(args) == 0 {
		return
	}
	name := ""
	switch {
	case args[0] == "start":
		name = "start"
	case (args[0] == "run" || args[0] == "run-script") && len(args) > 1:
		name = args[1]
	case tool != "npm" && !strings.HasPrefix(args[0], "-"):
		name = args[0] // yarn start, pnpm serve
	default:
		return
	}
	pkgFile := path.Join(a.st.Cwd, "package.json")
	data, ok := a.readFile(pkgFile)
	if !ok {
		return
	}
	var pj struct {
		Scripts map[string]string `json:"scripts"`
	}
	if json.Unmarshal(data, &pj) != nil {
		return
	}
	line, ok := pj.Scripts[name]
	if !ok {
		if name == "start" {
			a.command([]string{"node", "server.js"}, depth+1)
		}
		return
	}
	for _, words := range script.Split(line) {
		c := script.CommandLine(words)
		if len(c.Words) > 0 {
			a.command(c.Words, depth+1)
		}
	}
}

// nodeCLI handles framework CLIs: next start, egg-scripts start.
func (a *analysis) nodeCLI(name string, args []string) {
	if len(args) == 0 || args[0] != "start" {
		return
	}
	switch name {
	case "next":
		// next start: -p/--port (default 3000, or $PORT), -H/--hostname,
		// --keepAliveTimeout (vercel/next.js#35827); its server is Node's http.Server.
		p := port{n: 3000, known: true, from: "next start's default port 3000"}
		if v, ok := a.env("PORT"); ok {
			p = portFromString(v, "PORT="+v)
		}
		host, hostFrom := "", ""
		keepAlive := ""
		for i := 1; i < len(args); i++ {
			k, v, hasV := strings.Cut(args[i], "=")
			if !hasV && i+1 < len(args) {
				v = args[i+1]
			}
			switch k {
			case "-p", "--port":
				p = a.portWord(v, k+" "+v)
			case "-H", "--hostname":
				host, hostFrom = v, k+" "+v
			case "--keepAliveTimeout":
				keepAlive = v
			}
		}
		a.bind("", 0, "", "next start", host, hostFrom, p, "next start -H 0.0.0.0 -p ${FC_CUSTOM_LISTEN_PORT:-9000} --keepAliveTimeout 86400000")
		if keepAlive == "" {
			a.add("FC502", "", 0, "", fmt.Sprintf("next start keeps Node's default keepAliveTimeout (%s): the server closes a connection after it is idle that long; %s", a.nodeKeepAliveText(), closesMsg), "next start --keepAliveTimeout 86400000")
		} else if ms, ok := floatWord(keepAlive); ok && !longEnough(ms) {
			a.add("FC502", "", 0, "", fmt.Sprintf("next start --keepAliveTimeout %s closes a connection after it is idle %s; %s", keepAlive, seconds(ms), closesMsg), "next start --keepAliveTimeout 86400000")
		}
	case "egg-scripts":
		// egg-scripts start: --port (default 7001); egg's server is Node's http.Server.
		p := port{n: 7001, known: true, from: "egg-scripts' default port 7001"}
		for i := 1; i < len(args); i++ {
			k, v, hasV := strings.Cut(args[i], "=")
			if !hasV && i+1 < len(args) {
				v = args[i+1]
			}
			if k == "--port" || k == "-p" {
				p = a.portWord(v, k+" "+v)
			}
		}
		a.bind("", 0, "", "egg-scripts start", "", "", p, "egg-scripts start --port=${FC_CUSTOM_LISTEN_PORT:-9000}")
	}
}

// portWord reads a port from a command word.
func (a *analysis) portWord(w, from string) port {
	if strings.Contains(w, "FC_CUSTOM_LISTEN_PORT") || strings.Contains(w, "FC_SERVER_PORT") {
		return port{caPort: true, known: true, from: from}
	}
	v, ok := a.expand(w)
	if !ok {
		return port{from: from}
	}
	return portFromString(v, from)
}

func floatWord(w string) (float64, bool) {
	v := value{kind: vStr, str: w}
	return v.asNumber()
}

func (a *analysis) nodeKeepAliveText() string {
	if a.st.NodeMajor >= 26 {
		return "65 s since Node 26"
	}
	if a.st.NodeMajor > 0 {
		return fmt.Sprintf("5 s in Node %d", a.st.NodeMajor)
	}
	return "5 s in Node ≤ 25, 65 s since Node 26"
}

// resolve finds the file a require or a node argument names: the file, with
// .js/.cjs/.mjs added, a folder's package.json main or index.js.
func (p *nodeProgram) resolve(rel string, entry bool) (string, bool) {
	try := []string{rel, rel + ".js", rel + ".cjs", rel + ".mjs", rel + "/index.js"}
	for _, t := range try {
		if _, ok := p.a.files.Read(t, 0); ok {
			return t, true
		}
	}
	if data, ok := p.a.files.Read(path.Join(rel, "package.json"), fileLimit); ok {
		var pj struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(data, &pj) == nil && pj.Main != "" {
			return p.resolve(path.Join(rel, pj.Main), entry)
		}
	}
	return "", false
}

// file reads one JavaScript file and the package files it requires.
func (p *nodeProgram) file(name string, depth int) {
	if p.seen[name] || depth > maxNodeRequireDep {
		return
	}
	p.seen[name] = true
	src, ok := p.a.readFile(name)
	if !ok {
		return
	}
	p.lines[name] = strings.Split(string(src), "\n")
	toks := lexJS(src)
	var deps []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		prevDot := i > 0 && toks[i-1].is(".")
		switch {
		case t.is("require") && !prevDot && i+3 < len(toks) && toks[i+1].is("(") && isStrTok(toks[i+2]) && toks[i+3].is(")"):
			deps = append(deps, toks[i+2].Text)
		case (t.is("import") || t.is("export")) && !prevDot:
			if i+2 < len(toks) && toks[i+1].is("(") && isStrTok(toks[i+2]) {
				deps = append(deps, toks[i+2].Text)
				continue
			}
			if mod, end := p.importDecl(toks, i); mod != "" {
				deps = append(deps, mod)
				i = end
			}
		case (t.is("const") || t.is("let") || t.is("var")) && i+2 < len(toks) && toks[i+1].Kind == tIdent && toks[i+2].is("="):
			p.declare(toks[i+1].Text, toks, i+3)
		case t.Kind == tIdent && !prevDot && i+1 < len(toks) && toks[i+1].is("=") && (i == 0 || !toks[i-1].is("const") && !toks[i-1].is("let") && !toks[i-1].is("var")):
			p.declare(t.Text, toks, i+2)
		case t.is(".") && i+2 < len(toks) && toks[i+1].Kind == tIdent && toks[i+2].is("="):
			if prop := toks[i+1].Text; isNodeSetting(prop) {
				if prop == "timeout" && !p.isServerRef(toks, i-1) {
					continue
				}
				end := exprEnd(toks, i+3)
				p.settings = append(p.settings, nodeSetting{p.site(name, toks[i+1].Line), toks[i+1].Text, toks[i+3 : end]})
			}
		case t.Kind == tIdent && (t.Text == "keepAliveTimeout" || t.Text == "connectionTimeout") && i > 0 && (toks[i-1].is("{") || toks[i-1].is(",")) && i+1 < len(toks) && toks[i+1].is(":"):
			end := exprEnd(toks, i+2)
			p.settings = append(p.settings, nodeSetting{p.site(name, t.Line), t.Text, toks[i+2 : end]})
		case t.Kind == tIdent && isHapi(p.modules[t.Text]) && i+3 < len(toks) && toks[i+1].is(".") && (toks[i+2].is("server") || toks[i+2].is("Server")) && toks[i+3].is("("):
			// Hapi.server({ port, host, address }): hapi listens when started.
			closeAt := matchClose(toks, i+3)
			args := splitArgs(toks[i+4 : min(closeAt, len(toks))])
			p.listens = append(p.listens, nodeListen{p.site(name, t.Line), "hapi", args})
		case t.is(".") && i+2 < len(toks) && toks[i+1].is("listen") && toks[i+2].is("("):
			closeAt := matchClose(toks, i+2)
			args := splitArgs(toks[i+3 : min(closeAt, len(toks))])
			p.listens = append(p.listens, nodeListen{p.site(name, toks[i+1].Line), p.kindOf(toks, i-1), args})
		}
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "./") || strings.HasPrefix(d, "../") || d == "." || d == ".." {
			if target, ok := p.resolve(path.Join(path.Dir(name), d), false); ok {
				p.file(target, depth+1)
			}
		}
	}
}

func isStrTok(t token) bool { return t.Kind == tStr || t.Kind == tTemplate }

func isNodeSetting(name string) bool {
	switch name {
	case "keepAliveTimeout", "timeout", "headersTimeout", "requestTimeout":
		return true
	}
	return false
}

func (p *nodeProgram) site(file string, line int) nodeSite {
	src := ""
	if ls := p.lines[file]; line >= 1 && line <= len(ls) {
		src = strings.TrimRight(ls[line-1], "\r")
	}
	return nodeSite{file, line, src}
}

// importDecl reads "import X from 'm'", "import {a as b} from 'm'",
// "import * as X from 'm'", "import 'm'" and "export ... from 'm'" at
// toks[i]; it records the bound names and returns the module.
func (p *nodeProgram) importDecl(toks []token, i int) (string, int) {
	var names []string
	for j := i + 1; j < len(toks) && j < i+64; j++ {
		t := toks[j]
		switch {
		case isStrTok(t) && (j == i+1 || toks[j-1].is("from")):
			for _, n := range names {
				p.modules[n] = t.Text
			}
			return t.Text, j
		case t.Kind == tIdent && t.Text != "as" && t.Text != "from" && t.Text != "type":
			if j+1 < len(toks) && toks[j+1].is("as") {
				continue // the exported name; the local one follows "as"
			}
			names = append(names, t.Text)
		case t.is(";") || t.is("(") || t.is("="):
			return "", j
		}
	}
	return "", i
}

// declare records "NAME = init" for constant folding and for what NAME holds.
func (p *nodeProgram) declare(name string, toks []token, start int) {
	end := exprEnd(toks, start)
	init := toks[start:end]
	if len(init) == 0 {
		return
	}
	p.eval.decls[name] = init
	// skip "await" and "new"
	for len(init) > 0 && (init[0].is("await") || init[0].is("new")) {
		init = init[1:]
	}
	if len(init) >= 4 && init[0].is("require") && init[1].is("(") && isStrTok(init[2]) && init[3].is(")") {
		mod := init[2].Text
		if len(init) > 4 && init[4].is("(") {
			p.instances[name] = mod // require('fastify')()
		} else if len(init) > 5 && init[4].is(".") && init[5].Kind == tIdent {
			p.modules[name] = mod // require('koa').default
		} else {
			p.modules[name] = mod
		}
		return
	}
	if len(init) >= 2 && init[0].Kind == tIdent {
		if mod, ok := p.modules[init[0].Text]; ok {
			p.instances[name] = mod // express(), new Koa(), http.createServer(app), Fastify({...})
			return
		}
		if mod, ok := p.instances[init[0].Text]; ok && len(init) >= 3 && init[1].is(".") {
			p.instances[name] = mod // const server = app.listen(...)
		}
	}
}

// exprEnd finds where an expression starting at toks[start] ends: a ';' or
// ',' at depth 0, a closing bracket of an enclosing level, or a new line
// after a complete value (automatic semicolon insertion).
func exprEnd(toks []token, start int) int {
	depth := 0
	end := min(len(toks), start+maxSpan)
	for i := start; i < end; i++ {
		t := toks[i]
		if t.Kind == tPunct {
			switch t.Text {
			case "(", "[", "{":
				depth++
				continue
			case ")", "]", "}":
				if depth == 0 {
					return i
				}
				depth--
				continue
			case ";", ",":
				if depth == 0 {
					return i
				}
			}
		}
		if depth == 0 && i > start && t.Line > toks[i-1].Line && endsValue(toks[i-1]) && startsStatement(t) {
			return i
		}
	}
	return end
}

func endsValue(t token) bool {
	return t.Kind == tIdent || t.Kind == tNum || t.Kind == tStr || t.Kind == tTemplate || t.is(")") || t.is("]") || t.is("}")
}

func startsStatement(t token) bool {
	if t.Kind == tPunct {
		return false // an operator, a '.' or '?' continues the expression
	}
	return true
}

// kindOf names the module of the object a ".listen" or ".timeout" is called
// on: toks[recv] is the token before the dot.
func (p *nodeProgram) kindOf(toks []token, recv int) string {
	if recv < 0 {
		return ""
	}
	t := toks[recv]
	if t.Kind == tIdent {
		if m, ok := p.instances[t.Text]; ok {
			return m
		}
		return ""
	}
	if t.is(")") { // http.createServer(app).listen, require('fastify')().listen
		depth := 0
		for j := recv; j >= 0; j-- {
			switch {
			case toks[j].is(")"):
				depth++
			case toks[j].is("("):
				depth--
			}
			if depth == 0 {
				if j >= 1 && toks[j-1].Kind == tIdent {
					if j >= 3 && toks[j-2].is(".") && toks[j-3].Kind == tIdent {
						if m, ok := p.modules[toks[j-3].Text]; ok {
							return m
						}
					}
					if m, ok := p.modules[toks[j-1].Text]; ok {
						return m
					}
				}
				if j >= 1 && toks[j-1].is(")") {
					return p.kindOf(toks, j-1)
				}
				return ""
			}
		}
	}
	return ""
}

// isServerRef reports whether the object before ".timeout" is a server:
// a name that holds one, or a ".server" property (fastify.server, app.server).
func (p *nodeProgram) isServerRef(toks []token, recv int) bool {
	if recv < 0 || toks[recv].Kind != tIdent {
		return false
	}
	name := toks[recv].Text
	if name == "server" || name == "httpServer" || name == "listener" {
		return true
	}
	switch p.instances[name] {
	case "http", "https", "node:http", "node:https", "express", "koa":
		return true
	}
	return false
}

func isFastify(mod string) bool { return mod == "fastify" }

func isHapi(mod string) bool { return mod == "@hapi/hapi" || mod == "hapi" }

// report turns what the files say into findings.
func (p *nodeProgram) report() {
	a := p.a
	if len(p.listens) == 0 {
		return
	}
	var first *nodeListen
	fastify := false
	for i := range p.listens {
		l := &p.listens[i]
		if !p.listen(l) {
			continue
		}
		if first == nil {
			first = l
		}
		fastify = fastify || isFastify(l.kind)
	}
	if first == nil {
		return
	}
	set := map[string]bool{}
	for _, s := range p.settings {
		set[s.name] = true
		v := p.eval.eval(s.value, 0)
		ms, ok := v.asNumber()
		if !ok {
			continue
		}
		switch s.name {
		case "keepAliveTimeout", "timeout", "connectionTimeout":
			if !longEnough(ms) {
				what := map[string]string{"keepAliveTimeout": "closes a kept-alive connection after it is idle", "timeout": "destroys a socket after it is idle", "connectionTimeout": "destroys a socket after it is idle"}[s.name]
				a.add("FC502", s.file, s.line, s.src, fmt.Sprintf("%s = %s: the server %s %s; %s", s.name, tokensText(s.value), what, seconds(ms), closesMsg), "set "+s.name+" to 0 (no timeout)")
			}
		}
	}
	if !set["keepAliveTimeout"] {
		if fastify {
			a.add("FC502", first.file, first.line, first.src, fmt.Sprintf("fastify keeps its default keepAliveTimeout of 72 s (fastify v4/v5): the server closes a kept-alive connection after it is idle 72 s; %s", closesMsg), fastifyFix)
		} else {
			fix := nodeFix
			if isHapi(first.kind) {
				fix = "set server.listener.keepAliveTimeout = 0 and server.listener.timeout = 0 before server.start()"
			}
			a.add("FC502", first.file, first.line, first.src, fmt.Sprintf("the server keeps Node's default keepAliveTimeout (%s): it closes a kept-alive connection after that idle time; %s", a.nodeKeepAliveText(), closesMsg), fix)
		}
	}
	if !set["timeout"] && !set["connectionTimeout"] && a.st.NodeMajor > 0 && a.st.NodeMajor <= 12 {
		a.add("FC502", first.file, first.line, first.src, fmt.Sprintf("the server keeps Node %d's default server.timeout of 120 s (0 only since Node 13): idle sockets are destroyed after 2 min; %s", a.st.NodeMajor, closesMsg), nodeFix)
	}
}

// listen reports the address of one listen call; it returns false when the
// call does not start an HTTP server on a TCP port (a unix socket path, an
// unrelated .listen).
func (p *nodeProgram) listen(l *nodeListen) bool {
	a := p.a
	server := "the server"
	if l.kind != "" {
		server = "the " + strings.TrimPrefix(l.kind, "node:") + " server"
	}
	fix := nodeListenFix
	if isHapi(l.kind) && (len(l.args) == 0 || len(l.args[0]) == 0) {
		a.bind(l.file, l.line, l.src, server, "", "", port{n: 0, known: true, from: "hapi's default port 0: a random free port"}, "Hapi.server({ port: process.env.FC_CUSTOM_LISTEN_PORT || 9000, host: '0.0.0.0' })")
		return true
	}
	if len(l.args) == 0 || len(l.args[0]) == 0 {
		if isFastify(l.kind) {
			a.bind(l.file, l.line, l.src, server, "localhost", "fastify's default host", port{n: 0, known: true, from: "fastify's default port 0: a random free port"}, "fastify.listen({ port: Number(process.env.FC_CUSTOM_LISTEN_PORT) || 9000, host: '0.0.0.0' })")
			return true
		}
		if l.kind == "" {
			return false
		}
		a.bind(l.file, l.line, l.src, server, "", "", port{n: 0, known: true, from: "listen() without a port: a random free port"}, fix)
		return true
	}
	var hostTok, portTok []token
	first := l.args[0]
	if first[0].is("{") { // listen({ port, host })
		obj := first
		end := matchClose(obj, 0)
		for _, prop := range splitArgs(obj[1:min(end, len(obj))]) {
			if len(prop) == 1 && prop[0].Kind == tIdent { // { port } shorthand
				switch prop[0].Text {
				case "port":
					portTok = prop
				case "host":
					hostTok = prop
				}
				continue
			}
			if len(prop) >= 3 && prop[1].is(":") {
				switch prop[0].Text {
				case "port":
					portTok = prop[2:]
				case "host":
					if hostTok == nil || !isHapi(l.kind) {
						hostTok = prop[2:]
					}
				case "address": // hapi: where it listens, over host
					if isHapi(l.kind) {
						hostTok = prop[2:]
					}
				case "path":
					return false
				}
			}
		}
	} else {
		portTok = first
		if len(l.args) > 1 {
			hostTok = l.args[1]
		}
	}
	var pt port
	if portTok == nil {
		pt = port{n: 0, known: true, from: "no port: a random free port"}
		if isFastify(l.kind) || isHapi(l.kind) {
			pt.from = l.kind + "'s default port 0: a random free port"
		}
	} else {
		v := p.eval.eval(portTok, 0)
		if v.kind == vStr && !isDigits(v.str) {
			return false // a unix socket path or a named pipe
		}
		if v.kind == vUnset {
			v = value{kind: vNum, num: 0, from: v.from + " (unset: a random free port)"}
		}
		pt = v.asPort()
	}
	host, hostFrom := "", ""
	if hostTok != nil {
		if v := p.eval.eval(hostTok, 0); v.kind == vStr {
			host, hostFrom = v.str, "host "+tokensText(hostTok)
		}
	} else if isFastify(l.kind) {
		host, hostFrom = "localhost", "fastify's default host"
		fix = "fastify.listen({ port: Number(process.env.FC_CUSTOM_LISTEN_PORT) || 9000, host: '0.0.0.0' })"
	}
	a.bind(l.file, l.line, l.src, server, host, hostFrom, pt, fix)
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
