// Package main decides the address; another package's constructor builds the
// server with it.
package main

import "portmismatch/layouts/ctor/server"

func main() {
	srv := server.New(":8080", nil)
	srv.ListenAndServe() // want `listens on port 8080, but FC sends requests to CAPort 9000`
}
