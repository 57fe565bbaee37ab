// Package main covers FC103's compliant shapes: no finding.
package main

import (
	"cmp"
	"net/http"
	"os"
)

func main() {
	// cmp.Or with FC's variable first.
	http.ListenAndServe(":"+cmp.Or(os.Getenv("FC_CUSTOM_LISTEN_PORT"), "9000"), nil)
	// FC 2.0's variable.
	http.ListenAndServe(":"+os.Getenv("FC_SERVER_PORT"), nil)
}
