// Package main listens on a port set through a defined type of another
// package's struct.
package main

import (
	"net/http"

	"portmismatch/layouts/definedtype/conf"
)

func main() {
	s := conf.Load()
	http.ListenAndServe(":"+s.Port, nil) // want `listens on port 8080`
}
