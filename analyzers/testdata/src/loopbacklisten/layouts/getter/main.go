// Package main listens on a host another package's getter decides.
package main

import (
	"net/http"
	"os"

	"loopbacklisten/layouts/getter/settings"
)

func main() {
	http.ListenAndServe(settings.Host()+":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil) // want `loopback address \(the fallback when BIND_HOST is unset\)`
}
