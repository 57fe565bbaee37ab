// Package main covers FC101's side-server rule when the function's server
// takes its whole address from the environment: pprof on localhost is still
// a side server.
package main

import (
	"net/http"
	"os"
)

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	http.ListenAndServe(os.Getenv("LISTEN_ADDR"), nil)
}
