// Package server serves on the port of the configuration.
package server

import (
	"net/http"

	"portmismatch/layouts/configfield/config"
)

// Server holds the configuration.
type Server struct {
	cfg *config.Config
}

// New returns a server for cfg.
func New(cfg *config.Config) *Server { return &Server{cfg: cfg} }

// Start listens on the configured port.
func (s *Server) Start() error {
	return http.ListenAndServe(":"+s.cfg.Port, nil) // want `can listen on port 8080, but FC sends requests to CAPort 9000.*; 8080 comes from config/config.go:16`
}
