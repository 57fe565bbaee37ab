// Package server starts the HTTP server on the address its caller gives.
package server

import (
	"log"
	"net/http"
)

// Run serves h on addr.
func Run(addr string, h http.Handler) {
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, h))
}
