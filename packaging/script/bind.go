package script

import (
	"strconv"
	"strings"

	"github.com/fclint/fclint/internal/fcfacts"
)

// Bind is one address a startup command makes its server listen on.
type Bind struct {
	Tool string // "gunicorn", "uvicorn", "flask run", "php -S", "java", or the program name
	// Host is the expanded host, "" when the command sets none; HostKnown is
	// false when it reads an unknown variable. HostFrom says where it comes
	// from ("--host 127.0.0.1", "uvicorn's default").
	Host      string
	HostKnown bool
	HostFrom  string
	// Port is the expanded port: digits, CAPortValue, or "" when not set;
	// PortKnown is false when it reads an unknown variable.
	Port      string
	PortKnown bool
	PortFrom  string
	// UnlessFile names a file that, present in the working directory,
	// overrides a default bind (gunicorn reads ./gunicorn.conf.py).
	UnlessFile string
}

// IsLoopback reports whether a host is a loopback name or address.
func IsLoopback(host string) bool { return fcfacts.IsLoopbackHost(host) }

// nonServers are everyday commands whose -p/--port means something else,
// and side services a bootstrap may start next to the function's server
// (their addresses are theirs to choose).
var nonServers = map[string]bool{
	"mkdir": true, "cp": true, "mv": true, "rm": true, "ls": true, "cat": true, "echo": true, "printf": true,
	"chmod": true, "chown": true, "ln": true, "tar": true, "unzip": true, "zip": true, "curl": true, "wget": true,
	"ssh": true, "scp": true, "rsync": true, "grep": true, "sed": true, "awk": true, "pip": true, "pip3": true,
	"apt-get": true, "apt": true, "cd": true, "test": true, "[": true, "source": true, ".": true, "sleep": true,
	"kill": true, "ps": true, "mysql": true, "redis-cli": true, "psql": true, "head": true, "tail": true,
	"find": true, "xargs": true, "touch": true, "read": true, "nc": true, "timeout": true, "wait": true, "set": true,
	"redis-server": true, "memcached": true, "mongod": true, "mysqld": true, "postgres": true, "php-fpm": true,
}

// Binds returns the addresses a command binds, from the option tables of the
// servers FC functions are started with. A command with none returns nil.
func Binds(c Command, vars Vars) []Bind {
	words := c.Words
	if len(words) == 0 || nonServers[c.Name()] {
		return nil
	}
	tool := c.Name()
	args := words[1:]
	// python -m uvicorn|gunicorn|flask ...
	if strings.HasPrefix(tool, "python") && len(args) >= 2 && args[0] == "-m" {
		tool, args = args[1], args[2:]
	}
	switch {
	case tool == "gunicorn":
		binds := optionValues(args, "-b", "--bind")
		var out []Bind
		for _, v := range binds {
			out = append(out, hostPort(tool, v, vars, "8000")) // gunicorn's default port
		}
		if len(binds) == 0 && !hasOption(args, "-c", "--config") && !hasVar(vars, "GUNICORN_CMD_ARGS") {
			b := defaultBind(tool, "127.0.0.1", "8000")
			b.UnlessFile = "gunicorn.conf.py"
			out = append(out, b)
		}
		return out
	case tool == "hypercorn" || tool == "daphne":
		var out []Bind
		for _, v := range optionValues(args, "-b", "--bind") {
			out = append(out, hostPort(tool, v, vars, ""))
		}
		if b, ok := split(tool, args, vars, []string{"--host"}, []string{"--port", "-p"}); ok {
			out = append(out, b)
		}
		return out
	case tool == "uvicorn":
		if hasOption(args, "--uds", "--fd") {
			return nil
		}
		b, _ := split(tool, args, vars, []string{"--host"}, []string{"--port"})
		defaults(&b, vars, "127.0.0.1", "UVICORN_HOST", "8000", "UVICORN_PORT")
		return []Bind{b}
	case tool == "flask" && len(args) > 0 && args[0] == "run":
		b, _ := split("flask run", args[1:], vars, []string{"--host", "-h"}, []string{"--port", "-p"})
		defaults(&b, vars, "127.0.0.1", "FLASK_RUN_HOST", "5000", "FLASK_RUN_PORT")
		return []Bind{b}
	case strings.HasPrefix(tool, "php") && hasOption(args, "-S"):
		var out []Bind
		for _, v := range optionValues(args, "-S") {
			out = append(out, hostPort("php -S", v, vars, ""))
		}
		return out
	case tool == "java" || tool == "javaw":
		b := Bind{Tool: tool, HostKnown: true, PortKnown: true}
		found := false
		for _, a := range args {
			for _, p := range []string{"-Dserver.port=", "--server.port=", "-Dquarkus.http.port=", "-Dmicronaut.server.port="} {
				if v, ok := strings.CutPrefix(a, p); ok {
					setPort(&b, flagValue{p, v}, vars)
					found = true
				}
			}
			for _, p := range []string{"-Dserver.address=", "--server.address=", "-Dquarkus.http.host="} {
				if v, ok := strings.CutPrefix(a, p); ok {
					setHost(&b, flagValue{p, v}, vars)
					found = true
				}
			}
		}
		if !found {
			return nil
		}
		return []Bind{b}
	}
	var out []Bind
	for _, v := range optionValues(args, "--listen", "--bind", "--addr", "--address") {
		out = append(out, hostPort(tool, v, vars, ""))
	}
	if b, ok := split(tool, args, vars, []string{"--host", "--hostname"}, []string{"--port", "-p"}); ok {
		out = append(out, b)
	}
	return out
}

// split builds one Bind from separate host and port options (the last of
// each wins, as in most option parsers); ok is false when neither is given.
func split(tool string, args []string, vars Vars, hostFlags, portFlags []string) (Bind, bool) {
	b := Bind{Tool: tool, HostKnown: true, PortKnown: true}
	hosts, ports := optionValues(args, hostFlags...), optionValues(args, portFlags...)
	if len(hosts) > 0 {
		setHost(&b, hosts[len(hosts)-1], vars)
	}
	if len(ports) > 0 {
		setPort(&b, ports[len(ports)-1], vars)
	}
	return b, len(hosts)+len(ports) > 0
}

// defaults fills in a tool's default host and port unless its environment
// variable may set them.
func defaults(b *Bind, vars Vars, host, hostVar, port, portVar string) {
	if b.HostFrom == "" && !hasVar(vars, hostVar) {
		b.Host, b.HostFrom = host, b.Tool+"'s default host "+host
	}
	if b.PortFrom == "" && !hasVar(vars, portVar) {
		b.Port, b.PortFrom = port, b.Tool+"'s default port "+port
	}
}

func defaultBind(tool, host, port string) Bind {
	return Bind{Tool: tool, Host: host, HostKnown: true, HostFrom: tool + "'s default " + host + ":" + port,
		Port: port, PortKnown: true, PortFrom: tool + "'s default " + host + ":" + port}
}

func hasVar(vars Vars, name string) bool { _, ok := vars[name]; return ok }

func hasOption(args []string, names ...string) bool {
	for _, a := range args {
		for _, n := range names {
			if a == n || strings.HasPrefix(a, n+"=") {
				return true
			}
		}
	}
	return false
}

// optionValues returns the values of options given as "-x v", "--xx v",
// "--xx=v" or "-xv" (single-dash short options only), in order.
func optionValues(args []string, names ...string) []flagValue {
	var out []flagValue
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		for _, n := range names {
			switch {
			case a == n && i+1 < len(args):
				out = append(out, flagValue{n, args[i+1]})
				i++
			case strings.HasPrefix(a, n+"="):
				out = append(out, flagValue{n, a[len(n)+1:]})
			case len(n) == 2 && n[0] == '-' && n[1] != '-' && strings.HasPrefix(a, n) && len(a) > 2 && !strings.HasPrefix(a, "--"):
				out = append(out, flagValue{n, a[2:]})
			default:
				continue
			}
			break
		}
	}
	return out
}

type flagValue struct{ flag, value string }

// String shows the option as written: "-b 0.0.0.0:80", "-Dserver.port=80".
func (v flagValue) String() string {
	if strings.HasSuffix(v.flag, "=") {
		return v.flag + v.value
	}
	return v.flag + " " + v.value
}

func setHost(b *Bind, v flagValue, vars Vars) {
	b.HostFrom = v.String()
	b.Host, b.HostKnown = Expand(v.value, vars)
}

func setPort(b *Bind, v flagValue, vars Vars) {
	b.PortFrom = v.String()
	b.Port, b.PortKnown = Expand(v.value, vars)
	if b.PortKnown && b.Port != CAPortValue && !isPort(b.Port) {
		b.PortKnown = false // not a number: a name or something we do not follow
	}
}

// hostPort splits HOST:PORT, [V6]:PORT, :PORT, HOST or PORT; unix: sockets
// and fd:// are unknown. defPort applies when only a host is given.
func hostPort(tool string, v flagValue, vars Vars, defPort string) Bind {
	b := Bind{Tool: tool, HostFrom: v.String(), PortFrom: v.String()}
	val, ok := Expand(v.value, vars)
	if !ok || strings.HasPrefix(val, "unix:") || strings.HasPrefix(val, "fd://") {
		return b
	}
	host, port := val, defPort
	switch {
	case strings.HasPrefix(val, "["):
		if i := strings.Index(val, "]"); i >= 0 {
			host = val[:i+1]
			port = strings.TrimPrefix(val[i+1:], ":")
		}
	case strings.Count(val, ":") == 1:
		i := strings.IndexByte(val, ':')
		host, port = val[:i], val[i+1:]
	case isPort(val) || val == CAPortValue:
		host, port = "", val
	}
	b.Host, b.HostKnown = host, true
	b.Port, b.PortKnown = port, port == "" || port == CAPortValue || isPort(port)
	return b
}

func isPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n < 65536 && s != ""
}
