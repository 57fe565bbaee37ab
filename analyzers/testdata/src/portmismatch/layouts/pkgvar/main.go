// Package main listens on a port another package's variable or getter holds.
package main

import (
	"net/http"

	"portmismatch/layouts/pkgvar/config"
)

func main() {
	go http.ListenAndServe(":"+config.Port, nil) // want `listens on port 8080`
	http.ListenAndServe(config.Addr(), nil)      // want `listens on port 8080`
}
