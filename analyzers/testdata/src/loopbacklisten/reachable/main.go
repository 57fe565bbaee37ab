// Package main is the near-miss of ../unreachable: main starts the loopback
// helper through a goroutine of a function value, so it counts.
package main

import (
	"net/http"
	"os"
)

func debugServer() {
	http.ListenAndServe("127.0.0.1:9000", nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address`
}

func start(f func()) { go f() }

func main() {
	start(debugServer)
	http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
