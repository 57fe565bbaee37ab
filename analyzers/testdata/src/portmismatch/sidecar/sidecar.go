// Package main covers FC102's "another server on CAPort" rule.
package main

import (
	"net/http"
	"os"
)

func main() {
	// metrics on :9090 beside the CAPort server: not a finding.
	go http.ListenAndServe(":9090", nil)
	// the function's server on CAPort.
	srv := &http.Server{Addr: ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")}
	srv.ListenAndServe()
}
