// Package main is loopbacklisten/sidewrong under FC102: the function's server
// on the wrong port is reported; the pprof side server beside it is not.
package main

import "net/http"

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	http.ListenAndServe(":8080", nil) // want `listens on port 8080`
}
