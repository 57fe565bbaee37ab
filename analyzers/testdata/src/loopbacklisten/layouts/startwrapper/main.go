// Package main builds the server and hands it to another package to start.
package main

import (
	"net/http"

	"loopbacklisten/layouts/startwrapper/server"
)

func main() {
	srv := &http.Server{Addr: "127.0.0.1:9000"}
	server.Start(srv) // want `server listens on 127.0.0.1:9000, a loopback address`
}
