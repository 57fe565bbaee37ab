package appserver

import (
	"fmt"
	"path"
	"strconv"
	"strings"
)

// PHP's built-in web server (php -S; artisan serve and think run start it)
// adds "Connection: close" to every response (php-src sapi/cli/php_cli_server.c,
// append_essential_headers, PHP 5.4-8.x) and serves one request at a time
// unless PHP_CLI_SERVER_WORKERS is set (PHP 7.4+, and then still closes).
const phpBuiltinWhat = "sends \"Connection: close\" with every response and serves one request at a time, so requests also queue when instanceConcurrency is above 1"

// phpQueue says what the configured instanceConcurrency means for a server
// that serves one request at a time.
func (a *analysis) phpQueue() string {
	if a.st.Concurrency > 1 {
		return fmt.Sprintf(" (the configuration sets instanceConcurrency: %d, so up to %d requests reach this instance at once and all but one wait)", a.st.Concurrency, a.st.Concurrency)
	}
	return ""
}

const phpFix = "serve with php-fpm behind nginx (keepalive_timeout 86400s) instead of the built-in server"

// php handles php -S, php artisan serve and php think run.
func (a *analysis) php(args []string) {
	for i, w := range args {
		switch {
		case w == "-S" || strings.HasPrefix(w, "-S"):
			// the address itself is FC302's
			a.add("FC503", "", 0, "", fmt.Sprintf("PHP's built-in web server (php -S) %s%s; %s", phpBuiltinWhat, a.phpQueue(), closesMsg), phpFix)
			return
		case strings.HasPrefix(w, "-"):
			continue
		case path.Base(w) == "artisan" && i+1 < len(args) && args[i+1] == "serve":
			a.phpServe("php artisan serve", args[i+2:], "127.0.0.1", 8000, "SERVER_HOST", "SERVER_PORT")
			return
		case path.Base(w) == "think" && i+1 < len(args) && args[i+1] == "run":
			// The default host is 127.0.0.1 in ThinkPHP 5.1 and 0.0.0.0 in 6+:
			// not judged without -H, since the version is not known here.
			a.phpServe("php think run", args[i+2:], "", 8000, "", "")
			return
		default:
			return // a PHP script: not a server this checker reads
		}
	}
}

// phpServe is a framework command that runs php -S: Laravel's serve
// (--host default env SERVER_HOST or 127.0.0.1, --port default SERVER_PORT
// or 8000, Laravel 8-11) and ThinkPHP's run (-p 8000, 5.1-8).
func (a *analysis) phpServe(tool string, args []string, defHost string, defPort int, hostVar, portVar string) {
	host, hostFrom := defHost, ""
	if defHost != "" {
		hostFrom = tool + "'s default host " + defHost
	}
	p := port{n: defPort, known: true, from: fmt.Sprintf("%s's default port %d", tool, defPort)}
	if v, ok := a.env(hostVar); ok && hostVar != "" {
		host, hostFrom = v, hostVar+"="+v
	}
	if v, ok := a.env(portVar); ok && portVar != "" {
		p = a.portWord(v, portVar+"="+v)
	}
	if v, ok := flagValue(args, "--host", "-H"); ok {
		if x, ok := a.expand(v); ok {
			host, hostFrom = x, "--host "+v
		} else {
			host = ""
		}
	}
	if v, ok := flagValue(args, "--port", "-p"); ok {
		p = a.portWord(v, "--port "+v)
	}
	a.bind("", 0, "", tool, host, hostFrom, p, tool+" --host=0.0.0.0 --port=${FC_CUSTOM_LISTEN_PORT:-9000} (better: php-fpm behind nginx)")
	a.add("FC503", "", 0, "", fmt.Sprintf("%s runs PHP's built-in web server, which %s%s; %s", tool, phpBuiltinWhat, a.phpQueue(), closesMsg), phpFix)
}

// nginx defaults (nginx.org docs, ngx_http_core_module): keepalive_timeout
// 75s; a server without listen listens on *:80 (as root).
const nginxKeepAlive = 75

// nginx reads the configuration file "nginx -c FILE" names, when the package
// holds it (the image's own /etc/nginx is not known).
func (a *analysis) nginx(args []string) {
	v, ok := flagValue(args, "-c")
	if !ok {
		return
	}
	rel, ok := a.rel(v)
	if !ok {
		return
	}
	data, ok := a.readFile(rel)
	if !ok {
		return
	}
	lines := strings.Split(string(data), "\n")
	src := func(n int) string {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return ""
	}
	dirs := parseNginx(data)
	type listen struct {
		host string
		p    port
		line int
	}
	var listens []listen
	var keepAlive *nginxDirective
	servers := 0
	var walk func(ds []nginxDirective, inServer bool)
	walk = func(ds []nginxDirective, inServer bool) {
		for i := range ds {
			d := &ds[i]
			switch {
			case d.name == "server" && d.block != nil:
				servers++
				before := len(listens)
				walk(d.block, true)
				if len(listens) == before {
					listens = append(listens, listen{"", port{n: 80, known: true, from: "nginx's default listen *:80"}, d.line})
				}
				continue
			case d.name == "listen" && inServer && len(d.args) > 0:
				addr := d.args[0]
				if strings.HasPrefix(addr, "unix:") {
					continue
				}
				host, pt := "", addr
				if i := strings.LastIndex(addr, ":"); i >= 0 && !strings.HasSuffix(addr, "]") {
					host, pt = addr[:i], addr[i+1:]
				} else if !isDigits(addr) {
					host, pt = addr, "80"
				}
				listens = append(listens, listen{strings.Trim(host, "[]"), a.portWord(pt, "listen "+addr), d.line})
			case d.name == "keepalive_timeout" && len(d.args) > 0:
				if keepAlive == nil || inServer {
					keepAlive = d
				}
			}
			if d.block != nil {
				walk(d.block, inServer)
			}
		}
	}
	walk(dirs, false)
	if servers == 0 {
		return
	}
	public := false
	for _, l := range listens {
		if !a.wrongPort(l.p) && (l.host == "" || l.host == "*" || l.host == "0.0.0.0" || l.host == "::") {
			public = true
		}
	}
	if !public {
		for _, l := range listens {
			a.bind(rel, l.line, src(l.line), "nginx", l.host, "listen "+l.host, l.p, "listen 9000; (CAPort) in the server block")
		}
	}
	fix := "keepalive_timeout 86400s; in the http block"
	if keepAlive == nil {
		a.add("FC502", rel, 0, "", fmt.Sprintf("nginx keeps its default keepalive_timeout of %d s: it closes a kept-alive connection after it is idle %d s; %s", nginxKeepAlive, nginxKeepAlive, closesMsg), fix)
		return
	}
	secs, ok := nginxSeconds(keepAlive.args[0])
	switch {
	case !ok:
	case secs == 0:
		a.add("FC503", rel, keepAlive.line, src(keepAlive.line), fmt.Sprintf("keepalive_timeout 0 turns keep-alive off: nginx closes the connection after every response; %s", closesMsg), fix)
	case secs < daySeconds:
		a.add("FC502", rel, keepAlive.line, src(keepAlive.line), fmt.Sprintf("keepalive_timeout %s: nginx closes a kept-alive connection after it is idle %s; %s", keepAlive.args[0], seconds(secs*1000), closesMsg), fix)
	}
}

// nginxSeconds reads an nginx time ("75", "75s", "1h", "1d", "500ms").
func nginxSeconds(s string) (float64, bool) {
	units := map[string]float64{"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "M": 2592000, "y": 31536000}
	total := 0.0
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:i])
		s = s[i:]
		j := 0
		for j < len(s) && (s[j] < '0' || s[j] > '9') {
			j++
		}
		u := s[:j]
		s = s[j:]
		if u == "" {
			u = "s"
		}
		f, ok := units[u]
		if !ok {
			return 0, false
		}
		total += float64(n) * f
	}
	return total, true
}

// nginxDirective is one "name args;" or "name args { block }".
type nginxDirective struct {
	name  string
	args  []string
	line  int
	block []nginxDirective
}

// maxNginxDepth bounds block nesting.
const maxNginxDepth = 32

// parseNginx reads nginx's configuration syntax: words, quoted strings,
// # comments, ';' and blocks. Malformed input yields what parsed so far.
func parseNginx(src []byte) []nginxDirective {
	toks := nginxTokens(string(src))
	pos := 0
	var block func(depth int) []nginxDirective
	block = func(depth int) []nginxDirective {
		var out []nginxDirective
		var cur *nginxDirective
		for pos < len(toks) {
			t := toks[pos]
			pos++
			switch {
			case t.text == ";" && !t.quoted:
				if cur != nil {
					out = append(out, *cur)
					cur = nil
				}
			case t.text == "{" && !t.quoted:
				if cur == nil {
					cur = &nginxDirective{line: t.line}
				}
				if depth < maxNginxDepth {
					cur.block = block(depth + 1)
				}
				out = append(out, *cur)
				cur = nil
			case t.text == "}" && !t.quoted:
				return out
			case cur == nil:
				cur = &nginxDirective{name: t.text, line: t.line}
			default:
				cur.args = append(cur.args, t.text)
			}
		}
		return out
	}
	return block(0)
}

type nginxToken struct {
	text   string
	quoted bool
	line   int
}

func nginxTokens(s string) []nginxToken {
	var out []nginxToken
	line := 1
	for i := 0; i < len(s) && len(out) < maxTokens; {
		c := s[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == ';' || c == '{' || c == '}':
			out = append(out, nginxToken{text: string(c), line: line})
			i++
		case c == '"' || c == '\'':
			j := i + 1
			start := line
			var b strings.Builder
			for j < len(s) && s[j] != c {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				if s[j] == '\n' {
					line++
				}
				b.WriteByte(s[j])
				j++
			}
			out = append(out, nginxToken{text: b.String(), quoted: true, line: start})
			i = j + 1
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\r\n;{}#\"'", rune(s[j])) {
				j++
			}
			out = append(out, nginxToken{text: s[i:j], line: line})
			i = j
		}
	}
	return out
}
