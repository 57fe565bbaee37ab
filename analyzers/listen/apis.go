package listen

import (
	"strings"

	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/serverconf"
)

// api is one server entry point with its framework, from the registry.
type api = frameworks.ListenEntry

// apis are the calls that start a server, keyed by types.Func.FullName:
// every framework's Listen table.
var apis = frameworks.Listens()

// tcpNetworks are the networks whose addresses FC can reach; unix sockets and
// UDP are not server sites.
var tcpNetworks = map[string]bool{"tcp": true, "tcp4": true, "tcp6": true}

// serverAPI holds the entry points, for the fast path; apiNames are their
// bare names, a cheap filter before building a callee's full name.
var (
	apiNames  = map[string]bool{}
	serverAPI = func() *serverconf.APISet {
		var names []string
		for name := range apis {
			names = append(names, name)
			apiNames[name[strings.LastIndexByte(name, '.')+1:]] = true
		}
		return serverconf.NewAPISet(names...)
	}()
)
