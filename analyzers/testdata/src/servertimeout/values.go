package servertimeout

import (
	"flag"
	"net/http"
	"os"
	"time"
)

// A local assigned on two paths: one visible path gives 30s ("can be"); no
// fix, since the other path is fine.
func twoPaths(debug bool) *http.Server {
	d := 30 * time.Second
	if debug {
		d = 0
	}
	return &http.Server{WriteTimeout: d} // want `http.Server WriteTimeout can be 30s: .*; 30s comes from values.go:13$`
}

// time.Duration(n) * time.Second, with n a local.
func converted() *http.Server {
	n := 10
	return &http.Server{
		Addr:         ":9000",
		WriteTimeout: time.Duration(n) * time.Second, // want `http.Server WriteTimeout is 10s: .*\(502\)$`
	}
}

// A local only the field uses: the fix would leave it unused, so none.
func localOnly() *http.Server {
	d := 30 * time.Second
	return &http.Server{ReadTimeout: d, IdleTimeout: -1} // want `http.Server ReadTimeout is 30s: the server cuts a request it has not read within 30s; FC`
}

// A package variable.
var defaultWrite = 15 * time.Second

func packageVar() *http.Server {
	return &http.Server{
		Addr:         ":9000",
		WriteTimeout: defaultWrite, // want `http.Server WriteTimeout is 15s: .*; 15s comes from values.go:36$`
	}
}

// From the environment: unknown, not reported.
func fromEnv() *http.Server {
	d, _ := time.ParseDuration(os.Getenv("READ_TIMEOUT"))
	return &http.Server{ReadTimeout: d}
}

// A helper's parameter: the values come from its call sites.
func newServer(addr string, write time.Duration) *http.Server {
	return &http.Server{Addr: addr, WriteTimeout: write} // want `http.Server WriteTimeout can be 5s: .*; 5s comes from values.go:57$`
}

func callers() {
	_ = newServer(":9000", 5*time.Second)
	_ = newServer(":9001", 0)
}

// A flag's default: the message names the flag; no fix, since the flag is
// meant to be set from outside.
var idle = flag.Duration("idle", 30*time.Second, "idle timeout")

func flagDefault() *http.Server {
	return &http.Server{Addr: ":9000", IdleTimeout: *idle} // want `http.Server IdleTimeout is 30s: .*; 30s comes from the -idle flag's default \(values.go:63\)$`
}

// A named constant: the message names it.
const writeTimeout = 20 * time.Second

func namedConstant() *http.Server {
	return &http.Server{Addr: ":9000", WriteTimeout: writeTimeout} // want `http.Server WriteTimeout is 20s: .*; 20s comes from the constant writeTimeout \(values.go:70\)$`
}
