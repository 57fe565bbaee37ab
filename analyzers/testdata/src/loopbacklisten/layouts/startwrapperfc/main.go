// Package main is the near-miss of ../startwrapper: all interfaces.
package main

import (
	"net/http"

	"loopbacklisten/layouts/startwrapper/server"
)

func main() {
	srv := &http.Server{Addr: "0.0.0.0:9000"}
	server.Start(srv)
}
