// Package main starts its server through a small wrapper in another package.
package main

import "portmismatch/layouts/wrapper/server"

func main() {
	server.Run(":8080", nil) // want `listens on port 8080, but FC sends requests to CAPort 9000.*; the call starts it in server/server.go:12`
}
