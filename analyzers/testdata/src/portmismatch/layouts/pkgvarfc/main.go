// Package main is the near-miss of ../pkgvar: the variable holds CAPort.
package main

import (
	"net/http"

	"portmismatch/layouts/pkgvar/config"
)

func main() {
	http.ListenAndServe(":"+config.FCPort, nil)
}
