// Package main starts the server through two wrappers in two packages.
package main

import "portmismatch/layouts/chain/server"

func main() {
	server.Serve(8081) // want `listens on port 8081`
}
