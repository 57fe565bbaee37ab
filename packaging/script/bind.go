package script

import (
	"net"
	"strconv"
	"strings"
)

// Bind is an address a startup command makes its server listen on.
type Bind struct {
	Tool string // "gunicorn", "uvicorn", "flask run", "php -S", "java", or the program name
	Flag string // the option as written ("--port", "-b"), or "default" for the tool's default
	Raw  string // the value as written
	// Host is the expanded host ("" when the command sets none). HostKnown is
	// false when it reads an unknown variable.
	Host      string
	HostKnown bool
	// Port is the expanded port: digits, CAPortValue, or "" when not set.
	// PortKnown is false when it reads an unknown variable.
	Port      string
	PortKnown bool
	// UnlessFile names a file that, present in the working directory,
	// overrides a default bind (gunicorn reads ./gunicorn.conf.py).
	UnlessFile string
}

// IsLoopback reports whether a host is a loopback name or address.
func IsLoopback(host string) bool {
	h := strings.Trim(host, "[]")
	if strings.EqualFold(h, "localhost") || strings.HasSuffix(strings.ToLower(h), ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// nonServers are everyday commands whose -p/--port means something else.
var nonServers = map[string]bool{
	"mkdir": true, "cp": true, "mv": true, "rm": true, "ls": true, "cat": true, "echo": true, "printf": true,
	"chmod": true, "chown": true, "ln": true, "tar": true, "unzip": true, "zip": true, "curl": true, "wget": true,
	"ssh": true, "scp": true, "rsync": true, "grep": true, "sed": true, "awk": true, "pip": true, "pip3": true,
	"apt-get": true, "apt": true, "cd": true, "test": true, "[": true, "source": true, ".": true, "sleep": true,
	"kill": true, "ps": true, "mysql": true, "redis-cli": true, "psql": true, "head": true, "tail": true,
	"find": true, "xargs": true, "touch": true, "read": true, "nc": true, "timeout": true, "wait": true, "set": true,
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
	var out []Bind
	add := func(b Bind) { out = append(out, b) }
	switch {
	case tool == "gunicorn":
		binds := optionValues(args, "-b", "--bind")
		for _, v := range binds {
			add(hostPort(tool, v, vars, "", "8000")) // gunicorn's default port
		}
		if len(binds) == 0 && !hasOption(args, "-c", "--config") && !hasVar(vars, "GUNICORN_CMD_ARGS") {
			add(Bind{Tool: tool, Flag: "default", Raw: "127.0.0.1:8000", Host: "127.0.0.1", HostKnown: true, Port: "8000", PortKnown: true, UnlessFile: "gunicorn.conf.py"})
		}
	case tool == "uvicorn" || tool == "hypercorn" || tool == "daphne":
		host, port := optionValues(args, "--host", "-b", "--bind"), optionValues(args, "--port", "-p")
		for _, v := range host {
			if tool == "uvicorn" {
				add(hostOnly(tool, v, vars))
			} else {
				add(hostPort(tool, v, vars, "", ""))
			}
		}
		for _, v := range port {
			add(portOnly(tool, v, vars))
		}
		if tool == "uvicorn" && len(host) == 0 && !hasVar(vars, "UVICORN_HOST") && !hasOption(args, "--uds", "--fd") {
			add(Bind{Tool: tool, Flag: "default", Raw: "127.0.0.1", Host: "127.0.0.1", HostKnown: true, PortKnown: true})
		}
		if tool == "uvicorn" && len(port) == 0 && !hasVar(vars, "UVICORN_PORT") && !hasOption(args, "--uds", "--fd") {
			add(Bind{Tool: tool, Flag: "default", Raw: "8000", Port: "8000", PortKnown: true, HostKnown: true})
		}
	case tool == "flask" && len(args) > 0 && args[0] == "run":
		tool = "flask run"
		host, port := optionValues(args[1:], "--host", "-h"), optionValues(args[1:], "--port", "-p")
		for _, v := range host {
			add(hostOnly(tool, v, vars))
		}
		for _, v := range port {
			add(portOnly(tool, v, vars))
		}
		if len(host) == 0 && !hasVar(vars, "FLASK_RUN_HOST") {
			add(Bind{Tool: tool, Flag: "default", Raw: "127.0.0.1", Host: "127.0.0.1", HostKnown: true, PortKnown: true})
		}
		if len(port) == 0 && !hasVar(vars, "FLASK_RUN_PORT") {
			add(Bind{Tool: tool, Flag: "default", Raw: "5000", Port: "5000", PortKnown: true, HostKnown: true})
		}
	case strings.HasPrefix(tool, "php") && hasOption(args, "-S"):
		for _, v := range optionValues(args, "-S") {
			add(hostPort("php -S", v, vars, "", ""))
		}
	case tool == "java" || tool == "javaw":
		for _, a := range args {
			for _, p := range []string{"-Dserver.port=", "--server.port=", "-Dquarkus.http.port=", "-Dmicronaut.server.port="} {
				if v, ok := strings.CutPrefix(a, p); ok {
					add(portOnly(tool, flagValue{strings.TrimSuffix(p, "="), v}, vars))
				}
			}
			for _, p := range []string{"-Dserver.address=", "--server.address=", "-Dquarkus.http.host="} {
				if v, ok := strings.CutPrefix(a, p); ok {
					add(hostOnly(tool, flagValue{strings.TrimSuffix(p, "="), v}, vars))
				}
			}
		}
	default:
		for _, v := range optionValues(args, "--listen", "--bind", "--addr", "--address") {
			add(hostPort(tool, v, vars, "", ""))
		}
		for _, v := range optionValues(args, "--host", "--hostname") {
			add(hostOnly(tool, v, vars))
		}
		for _, v := range optionValues(args, "--port", "-p") {
			add(portOnly(tool, v, vars))
		}
	}
	return out
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
// "--xx=v" or "-xv" (single-dash short options only). Each carries its flag.
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

func hostOnly(tool string, v flagValue, vars Vars) Bind {
	b := Bind{Tool: tool, Flag: v.flag, Raw: v.value, PortKnown: true}
	b.Host, b.HostKnown = Expand(v.value, vars)
	return b
}

func portOnly(tool string, v flagValue, vars Vars) Bind {
	b := Bind{Tool: tool, Flag: v.flag, Raw: v.value, HostKnown: true}
	b.Port, b.PortKnown = Expand(v.value, vars)
	if b.PortKnown && b.Port != CAPortValue && !isPort(b.Port) {
		b.PortKnown = false // not a number: a name or something we do not follow
	}
	return b
}

// hostPort splits HOST:PORT, [V6]:PORT, :PORT, HOST or PORT; unix: sockets
// and fd:// are unknown.
func hostPort(tool string, v flagValue, vars Vars, defHost, defPort string) Bind {
	b := Bind{Tool: tool, Flag: v.flag, Raw: v.value}
	val, ok := Expand(v.value, vars)
	if !ok || strings.HasPrefix(val, "unix:") || strings.HasPrefix(val, "fd://") {
		return b
	}
	host, port := val, defPort
	if strings.HasPrefix(val, "[") {
		if i := strings.Index(val, "]"); i >= 0 {
			host = val[:i+1]
			port = strings.TrimPrefix(val[i+1:], ":")
		}
	} else if strings.Count(val, ":") == 1 {
		i := strings.IndexByte(val, ':')
		host, port = val[:i], val[i+1:]
	} else if isPort(val) || val == CAPortValue {
		host, port = defHost, val
	}
	b.Host, b.HostKnown = host, true
	b.Port, b.PortKnown = port, port == "" || port == CAPortValue || isPort(port)
	return b
}

func isPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && n < 65536 && s != ""
}
