// Package main starts a gin engine that another package built; main does
// not import gin, and the engine's Run is still a server entry point.
package main

import "portmismatch/layouts/ginengine/router"

func main() {
	r := router.New()
	r.Run(":8080") // want `listens on port 8080, but FC sends requests to CAPort 9000`
}
