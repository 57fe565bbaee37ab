// Package main is the near-miss of ../getter: the public getter.
package main

import (
	"net/http"
	"os"

	"loopbacklisten/layouts/getter/settings"
)

func main() {
	http.ListenAndServe(settings.PublicHost()+":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
