// Package main covers FC101 for a loopback server on another port with no
// other server: it is the function's only server, so it is a finding.
package main

import "net/http"

func main() {
	http.ListenAndServe("localhost:6060", nil) // want `listens on localhost:6060, a loopback address`
}
