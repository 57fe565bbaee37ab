// Package appserver follows a function's start command to the server program
// it starts (node, python, php, java, dotnet) and reads that program's code
// and configuration for the mistakes the Go rules find in Go servers: a
// loopback bind or a port other than CAPort (FC501), an idle or request
// timeout that closes connections FC reuses (FC502), and a server that closes
// every connection or serves one request at a time (FC503).
//
// Only what the start command reaches is read: the entry file and the package
// files it requires or imports, a jar's own configuration, a config file a
// flag names. Nothing is executed, and node_modules is never walked.
package appserver

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/fclint/fclint/internal/fcfacts"
	"github.com/fclint/fclint/packaging/script"
)

// Files is the package as the analysis sees it; names are package-relative
// with forward slashes.
type Files interface {
	// Read returns a file's contents, at most limit bytes; ok is false when
	// it is absent, a directory or unreadable.
	Read(name string, limit int) (data []byte, ok bool)
	// Zip opens a package file (a jar) as a ZIP.
	Zip(name string) (*zip.Reader, io.Closer, error)
}

// Start is one command that starts a server, with what is known around it.
type Start struct {
	Words []string          // as written, before expansion
	Vars  map[string]string // environment variables with known values
	Cwd   string            // the package folder it runs in ("" is the root)
	// CAPort is the port FC sends requests to.
	CAPort int
	// NodeMajor is the major version of the node on PATH; 0 when unknown.
	NodeMajor int
	// Concurrency is the configured instanceConcurrency; 0 when unknown.
	Concurrency int
}

// Finding is one problem. File is package-relative ("" means the start
// command itself); Line is 1-based, 0 when the finding is about a default.
type Finding struct {
	Rule    string // "FC501", "FC502", "FC503"
	File    string
	Line    int
	Source  string
	Message string
	Fix     string
}

// fileLimit bounds how much of one source or configuration file is read.
const fileLimit = 1 << 20

// maxFiles bounds how many source files one start command makes fclint read.
const maxFiles = 64

// dayMillis is FC's "24 hours or longer" in milliseconds.
const dayMillis = 24 * 3600 * 1000

// Analyze reads the server program a start command runs.
func Analyze(files Files, st Start) []Finding {
	a := &analysis{files: files, st: st}
	a.command(st.Words, 0)
	return a.findings
}

type analysis struct {
	files    Files
	st       Start
	findings []Finding
	read     int // source files read so far
}

func (a *analysis) add(rule, file string, line int, source, msg, fix string) {
	a.findings = append(a.findings, Finding{rule, file, line, strings.TrimSpace(source), msg, fix})
}

// expand expands a word with the known variables; ok is false when it reads
// an unknown one.
func (a *analysis) expand(w string) (string, bool) {
	return script.Expand(w, a.st.Vars)
}

// env returns a variable's known value.
func (a *analysis) env(name string) (string, bool) {
	v, ok := a.st.Vars[name]
	return v, ok
}

// rel resolves a command word naming a package file against the working
// directory; ok is false outside the package.
func (a *analysis) rel(w string) (string, bool) {
	return script.InPackage(w, a.st.Cwd)
}

// readFile reads a package file, counting it against maxFiles.
func (a *analysis) readFile(name string) ([]byte, bool) {
	if a.read >= maxFiles {
		return nil, false
	}
	b, ok := a.files.Read(name, fileLimit)
	if ok {
		a.read++
	}
	return b, ok
}

// command dispatches on the program a command runs.
func (a *analysis) command(words []string, depth int) {
	if len(words) == 0 || depth > 3 {
		return
	}
	name := path.Base(words[0])
	args := words[1:]
	switch {
	case name == "exec" || name == "nohup" || name == "env":
		rest := args
		for len(rest) > 0 && (strings.HasPrefix(rest[0], "-") || strings.Contains(rest[0], "=")) {
			rest = rest[1:]
		}
		a.command(rest, depth+1)
	case name == "node" || name == "nodejs":
		a.node(args)
	case name == "npm" || name == "yarn" || name == "pnpm":
		a.npm(name, args, depth)
	case name == "next" || name == "egg-scripts" || name == "nest":
		a.nodeCLI(name, args)
	case name == "npx" && len(args) > 0:
		a.command(args, depth+1)
	case strings.HasPrefix(name, "python"):
		a.python(args)
	case name == "uvicorn" || name == "gunicorn" || name == "hypercorn" || name == "flask" || name == "waitress-serve":
		a.pythonTool(name, args)
	case strings.HasPrefix(name, "php") && !strings.HasPrefix(name, "php-fpm"):
		a.php(args)
	case name == "nginx":
		a.nginx(args)
	case name == "java" || name == "javaw":
		a.java(args)
	case name == "dotnet":
		a.dotnet(args)
	}
}

// port is a listen port as far as it is known: a number, CAPort itself (FC's
// environment variable), or unknown.
type port struct {
	n      int
	caPort bool // read from FC_CUSTOM_LISTEN_PORT / FC_SERVER_PORT
	known  bool
	from   string // how it was found, for messages
}

// fcPortVars are the variables FC sets to CAPort in the instance.
func isFCPortVar(name string) bool { return fcfacts.IsPortEnv(name) }

// wrongPort reports whether p is known and not CAPort.
func (a *analysis) wrongPort(p port) bool {
	return p.known && !p.caPort && p.n != a.st.CAPort
}

// portFromString reads a decimal port.
func portFromString(s, from string) port {
	if strings.Contains(s, script.CAPortValue) {
		return port{caPort: true, known: true, from: from}
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 65535 {
		return port{from: from}
	}
	return port{n: n, known: true, from: from}
}

// bind reports a loopback host or a wrong port for one server.
func (a *analysis) bind(file string, line int, source, server, host, hostFrom string, p port, fix string) {
	switch {
	case host != "" && script.IsLoopback(host):
		a.add("FC501", file, line, source, fmt.Sprintf("%s listens on %s (%s): FC reaches the function on 0.0.0.0:%d, and the start fails with \"connection refused\"", server, host, hostFrom, a.st.CAPort), fix)
	case a.wrongPort(p):
		a.add("FC501", file, line, source, fmt.Sprintf("%s listens on port %d (%s), but CAPort is %d: FC health-checks port %d and the start fails (\"Function instance health check failed on port %d\")", server, p.n, p.from, a.st.CAPort, a.st.CAPort, a.st.CAPort), fix)
	}
}

// longEnough reports whether an idle timeout in milliseconds keeps FC's
// connections: 0 (or less) is no timeout, and 24 h is FC's documented floor.
func longEnough(ms float64) bool { return ms <= 0 || ms >= dayMillis }

// seconds formats a millisecond duration for messages.
func seconds(ms float64) string {
	s := ms / 1000
	if s == float64(int64(s)) {
		return strconv.FormatInt(int64(s), 10) + " s"
	}
	return strconv.FormatFloat(s, 'f', -1, 64) + " s"
}

const closesMsg = "FC reuses idle connections, and a request sent on one the server has just closed fails with \"Process exited unexpectedly before completing request\" (HTTP 502)"
