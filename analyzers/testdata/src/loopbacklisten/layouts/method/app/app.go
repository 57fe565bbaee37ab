// Package app is a service whose constructor takes the host and whose Run
// method starts the server.
package app

import (
	"net"
	"net/http"
)

// App is the service.
type App struct {
	host string
	mux  *http.ServeMux
}

// New returns the service on host.
func New(host string) *App { return &App{host: host, mux: http.NewServeMux()} }

// Run serves on host at port 9000.
func (a *App) Run() error {
	return http.ListenAndServe(net.JoinHostPort(a.host, "9000"), a.mux)
}
