// Package host is a test stand-in for github.com/kataras/iris/v12/core/host:
// the real import path and signatures, no behavior.
package host

import "net/http"

// Supervisor watches a server.
type Supervisor struct {
	Server *http.Server
}

// Configurator changes a Supervisor.
type Configurator func(su *Supervisor)
