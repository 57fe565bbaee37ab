// Package reachablelib is ../unreachablelib with one change: the exported
// Serve calls the loopback helper, so an importer can start it.
package reachablelib

import (
	"net/http"
	"os"
)

func debugServer() {
	http.ListenAndServe("127.0.0.1:9000", nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address`
}

// Serve starts the function's server, and the helper's beside it.
func Serve() error {
	go debugServer()
	return http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
