// Package server builds the function's HTTP server from scalar settings.
package server

import (
	"net/http"
	"time"
)

// New returns a server on addr that gives up reading a request after read.
func New(addr string, read time.Duration) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: read}
}

// Fixed returns a server whose read timeout this package decides: it is
// judged here, not at the callers.
func Fixed(addr string) *http.Server {
	return &http.Server{Addr: addr, ReadTimeout: 20 * time.Second} // want `ReadTimeout is 20s`
}
