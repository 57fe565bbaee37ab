// Package http2 is a test stand-in for golang.org/x/net/http2: the real
// import path and signatures, no behavior.
package http2

import "time"

// Server is an HTTP/2 server's configuration (a subset).
type Server struct {
	IdleTimeout time.Duration
}
