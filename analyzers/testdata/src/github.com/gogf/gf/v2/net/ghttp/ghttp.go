// Package ghttp is a test stand-in for github.com/gogf/gf/v2/net/ghttp: the
// real import path and signatures, no behavior.
//
// The module is not served by the Go module proxy, so this stand-in is
// modelled from the source at tag v2.10.2 (net/ghttp/ghttp_server.go,
// ghttp_server_config.go, ghttp_request.go, ghttp_response.go).
package ghttp

import (
	"crypto/tls"
	"net/http"
	"time"
)

// Server is a GoFrame HTTP server. GetServer gives it NewConfig's defaults:
// Address ":0" (a random port), ReadTimeout and IdleTimeout 60 s.
type Server struct {
	config ServerConfig
}

// ServerConfig is the server's configuration (a subset of its fields).
type ServerConfig struct {
	Name         string
	Address      string
	HTTPSAddr    string
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	IdleTimeout  time.Duration
	KeepAlive    bool
}

// Request is a request to a handler.
type Request struct {
	*http.Request
	Server   *Server
	Response *Response
}

// Response writes a handler's answer.
type Response struct {
	Server  *Server
	Request *Request
}

// Write appends content to the response body.
func (r *Response) Write(content ...any) {}

// NewConfig returns the defaults GetServer applies.
func NewConfig() ServerConfig {
	return ServerConfig{Address: ":0", ReadTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second, KeepAlive: true}
}

// GetServer returns the server of that name, created with NewConfig.
func GetServer(name ...any) *Server { return &Server{config: NewConfig()} }

func (s *Server) SetConfig(c ServerConfig) error                                 { return nil }
func (s *Server) SetConfigWithMap(m map[string]any) error                        { return nil }
func (s *Server) SetAddr(address string)                                         {}
func (s *Server) SetPort(port ...int)                                            {}
func (s *Server) SetHTTPSAddr(address string)                                    {}
func (s *Server) SetHTTPSPort(port ...int)                                       {}
func (s *Server) SetReadTimeout(t time.Duration)                                 {}
func (s *Server) SetWriteTimeout(t time.Duration)                                {}
func (s *Server) SetIdleTimeout(t time.Duration)                                 {}
func (s *Server) SetKeepAlive(enabled bool)                                      {}
func (s *Server) BindHandler(pattern string, handler any)                        {}
func (s *Server) EnableHTTPS(certFile, keyFile string, tlsConfig ...*tls.Config) {}

// Start listens on the configured address (":80" when it is empty) and
// returns; Run does the same and blocks.
func (s *Server) Start() error { return nil }
func (s *Server) Run()         {}
