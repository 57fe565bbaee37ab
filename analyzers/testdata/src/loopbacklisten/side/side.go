// Package main covers FC101's side-server rule: a loopback server on another
// port beside the function's server on CAPort is fine.
package main

import (
	"net/http"
	"os"
)

func main() {
	// pprof on localhost:6060 beside the CAPort server: not a finding.
	go http.ListenAndServe("localhost:6060", nil)
	// metrics on 127.0.0.1 with a port from a variable that cannot be known: not a finding either.
	go http.ListenAndServe("127.0.0.1:"+os.Getenv("METRICS_PORT"), nil)
	// a loopback server on CAPort itself is still the function's server.
	go http.ListenAndServe("127.0.0.1:9000", nil) // want `listens on 127\.0\.0\.1:9000`
	// the function's server, on all interfaces and CAPort.
	go http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
	select {}
}
