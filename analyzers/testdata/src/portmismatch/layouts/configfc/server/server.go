// Package server serves on the port of the configuration.
package server

import (
	"net/http"

	"portmismatch/layouts/configfc/config"
)

// Server holds the configuration.
type Server struct {
	cfg *config.Config
}

// Start listens on the configured port.
func (s *Server) Start() error {
	return http.ListenAndServe(":"+s.cfg.Port, nil)
}
