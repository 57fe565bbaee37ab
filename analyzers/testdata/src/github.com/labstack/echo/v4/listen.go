package echo

import (
	"net/http"

	"golang.org/x/net/http2"
)

// Start sets e.Server.Addr = address and serves.
func (e *Echo) Start(address string) error { return nil }

// StartTLS serves TLS on address.
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) { return nil }

// StartAutoTLS serves TLS with autocert on address.
func (e *Echo) StartAutoTLS(address string) error { return nil }

// StartServer serves on s.Addr.
func (e *Echo) StartServer(s *http.Server) (err error) { return nil }

// StartH2CServer serves HTTP/2 cleartext on address.
func (e *Echo) StartH2CServer(address string, h2s *http2.Server) error { return nil }
