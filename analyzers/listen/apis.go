package listen

import (
	"strings"

	"github.com/fclint/fclint/analyzers/frameworks"
)

// api is one server entry point with its framework, from the registry.
type api = frameworks.ListenEntry

// apis are the calls that start a server, keyed by types.Func.FullName:
// every framework's Listen table.
var apis = frameworks.Listens()

// tcpNetworks are the networks whose addresses FC can reach; unix sockets and
// UDP are not server sites.
var tcpNetworks = map[string]bool{"tcp": true, "tcp4": true, "tcp6": true}

// serverPackages are the packages whose import makes a package worth a
// closer look; apiNames the bare function names in apis, a cheap filter
// before building a callee's full name.
var (
	serverPackages = map[string]bool{}
	apiNames       = map[string]bool{}
)

func init() {
	for name, a := range apis {
		serverPackages[pkgOf(name)] = true
		apiNames[name[strings.LastIndexByte(name, '.')+1:]] = true
		for _, ctor := range a.Constructors {
			serverPackages[pkgOf(ctor)] = true
		}
	}
}

// pkgOf extracts the package path from a FullName: "net/http.Serve",
// "(*net/http.Server).Serve", "(github.com/x.T).M".
func pkgOf(fullName string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(fullName, "("), "*")
	if i := strings.IndexByte(s, ')'); i >= 0 {
		s = s[:i]
	}
	slash := strings.LastIndexByte(s, '/')
	return s[:slash+1+strings.IndexByte(s[slash+1:], '.')]
}
