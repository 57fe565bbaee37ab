// Package main is the near-miss of ../embedded: the address is FC's port.
package main

import (
	"os"

	"portmismatch/layouts/embedded/server"
)

func main() {
	fc := server.New(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	fc.ListenAndServe()
}
