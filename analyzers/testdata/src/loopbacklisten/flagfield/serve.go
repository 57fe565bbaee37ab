package main

import "net/http"

type app struct{ opts *options }

func (a *app) serve() error {
	return http.ListenAndServe(a.opts.addr, nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address.*the -addr flag's default`
}

// serveAdmin is the near-miss: its flag's default is all interfaces.
func (a *app) serveAdmin() error {
	return http.ListenAndServe(a.opts.admin, nil)
}

func main() {
	a := &app{opts: parseFlags()}
	go a.serveAdmin()
	a.serve()
}
