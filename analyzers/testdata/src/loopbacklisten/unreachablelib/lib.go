// Package unreachablelib is a library whose loopback server sits in an
// unexported helper that nothing in the package calls: an importer can call
// only the exported Serve, so the helper's server is not reported while Serve's
// server exists. ../reachablelib is the near-miss.
package unreachablelib

import (
	"net/http"
	"os"
)

func debugServer() {
	http.ListenAndServe("127.0.0.1:9000", nil)
}

// Serve starts the function's server.
func Serve() error {
	return http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
