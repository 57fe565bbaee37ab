// Package main starts a server whose Addr is set through the outer type, in
// another package.
package main

import "portmismatch/layouts/embedded/server"

func main() {
	s := server.New("0.0.0.0:8080")
	s.ListenAndServe() // want `listens on port 8080`
}
