// Package server builds the HTTP server; main decides the address.
package server

import (
	"net/http"
	"time"
)

// New returns a server on addr.
func New(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}
}
