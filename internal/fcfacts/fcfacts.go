// Package fcfacts is the one home of the Function Compute contract facts that
// several parts of fclint judge by: the analyzers, the package checker, the
// probe and the reference server. Each fact says where it comes from (see
// FC-FACTS in the project's shared notes for the sources).
package fcfacts

import (
	"net"
	"strings"
	"time"
)

// The environment variables FC sets to the CAPort, the port the function's
// server must listen on. FC 3.0 documents FC_CUSTOM_LISTEN_PORT; FC 2.0's Go
// sample, the awesome-fc helper and the local emulator use FC_SERVER_PORT.
// Reading either is always right, whatever the CAPort.
const (
	ListenPortEnv = "FC_CUSTOM_LISTEN_PORT"
	ServerPortEnv = "FC_SERVER_PORT"
)

// PortEnvs are both port variables, FC 3.0's first.
var PortEnvs = []string{ListenPortEnv, ServerPortEnv}

// IsPortEnv reports whether name is one of FC's port variables.
func IsPortEnv(name string) bool { return name == ListenPortEnv || name == ServerPortEnv }

// DefaultCAPort is the CAPort when the configuration sets none.
const DefaultCAPort = 9000

// MaxRequestDuration is the longest a request may run (the largest function
// timeout): a server or handler timeout below it can cut a request FC lets run.
const MaxRequestDuration = 24 * time.Hour

// IsLoopbackHost reports whether a host (a name or an address, with or
// without IPv6 brackets) is loopback: FC sends requests to 0.0.0.0:CAPort,
// which a server bound there never receives. "localhost", its subdomains
// (RFC 6761) and the Debian names of ::1 are loopback names.
func IsLoopbackHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "ip6-localhost" || h == "ip6-loopback" {
		return true
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i] // a zone: fe80::1%eth0
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// SetByPlatform reports whether FC (or the runtime's operating system) sets
// the environment variable in every instance, so that code reading it is not
// reading a variable the configuration left unset: the reserved FC_ prefix,
// the ALIBABA_CLOUD_ credentials, and the variables every process has.
func SetByPlatform(name string) bool {
	if strings.HasPrefix(name, "FC_") || strings.HasPrefix(name, "ALIBABA_CLOUD_") {
		return true
	}
	switch name {
	case "PATH", "HOME", "HOSTNAME", "USER", "PWD", "SHELL", "LANG", "TERM", "TZ", "LD_LIBRARY_PATH", "TMPDIR":
		return true
	}
	return false
}
