// Package main is the near-miss of ../ctor: the address is FC's port.
package main

import (
	"os"

	"portmismatch/layouts/ctor/server"
)

func main() {
	srv := server.New(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
	srv.ListenAndServe()
}
