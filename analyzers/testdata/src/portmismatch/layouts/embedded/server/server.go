// Package server embeds http.Server; its constructor sets the promoted Addr.
package server

import "net/http"

// Server is an http.Server with the service's routes.
type Server struct {
	http.Server
	name string
}

// New returns the server on addr.
func New(addr string) *Server {
	s := &Server{name: "api"}
	s.Addr = addr
	return s
}
