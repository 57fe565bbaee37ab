// Package main is the near-miss of ../wrapper: the wrapper gets FC's port.
package main

import (
	"os"

	"portmismatch/layouts/wrapper/server"
)

func main() {
	server.Run(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
