// Package main wires the configuration into the server.
package main

import (
	"portmismatch/layouts/configfield/config"
	"portmismatch/layouts/configfield/server"
)

func main() {
	server.New(config.Load()).Start()
}
