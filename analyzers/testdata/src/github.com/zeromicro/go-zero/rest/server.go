// Package rest is a test stand-in for github.com/zeromicro/go-zero/rest: the
// real import path and signatures, no behavior.
package rest

import (
	"net/http"
	"time"
)

type (
	// RestConf is the server's configuration. Its tag defaults (Host
	// 0.0.0.0, Timeout 3000 ms, Middlewares.Timeout true) apply only when
	// go-zero's conf package fills it; a Go literal keeps zero values.
	RestConf struct {
		Host     string `json:",default=0.0.0.0"`
		Port     int
		CertFile string `json:",optional"`
		KeyFile  string `json:",optional"`
		MaxBytes int64  `json:",default=1048576"`
		// milliseconds
		Timeout     int64 `json:",default=3000"`
		Middlewares MiddlewaresConf
	}

	// MiddlewaresConf switches the built-in middlewares (a subset).
	MiddlewaresConf struct {
		Timeout bool `json:",default=true"`
	}

	// RunOption configures a Server.
	RunOption func(*Server)

	// Route is one route.
	Route struct {
		Method  string
		Path    string
		Handler http.HandlerFunc
	}

	// RouteOption configures routes.
	RouteOption func(r *featuredRoutes)

	featuredRoutes struct {
		timeout *time.Duration
	}
)

// Server is a go-zero HTTP server.
type Server struct {
	conf RestConf
}

// MustNewServer is NewServer that exits on error.
func MustNewServer(c RestConf, opts ...RunOption) *Server { return &Server{conf: c} }

// NewServer returns a server for c; Start listens on Host:Port.
func NewServer(c RestConf, opts ...RunOption) (*Server, error) { return &Server{conf: c}, nil }

// WithTimeout sets the timeout of the routes it is given to.
func WithTimeout(timeout time.Duration) RouteOption {
	return func(r *featuredRoutes) { r.timeout = &timeout }
}

func (s *Server) AddRoute(r Route, opts ...RouteOption)     {}
func (s *Server) AddRoutes(rs []Route, opts ...RouteOption) {}
func (s *Server) Start()                                    {}
func (s *Server) Stop()                                     {}
