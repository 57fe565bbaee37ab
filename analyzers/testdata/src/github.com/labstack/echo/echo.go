// Package echo is a test stand-in for github.com/labstack/echo (v3, a
// +incompatible module): the real import path and signatures, no behavior.
package echo

import (
	"net"
	"net/http"
)

// Echo is the framework instance. New gives it a Server and a TLSServer
// with no timeouts.
type Echo struct {
	Server      *http.Server
	TLSServer   *http.Server
	Listener    net.Listener
	TLSListener net.Listener
	HideBanner  bool
	HidePort    bool
	Debug       bool
}

// HandlerFunc serves a request.
type HandlerFunc func(Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(HandlerFunc) HandlerFunc

// Route is a registered route.
type Route struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Name   string `json:"name"`
}

// Context is a request's context (a subset of its methods).
type Context interface {
	Request() *http.Request
	String(code int, s string) error
}

func New() *Echo { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Use(middleware ...MiddlewareFunc)                           {}

// Start sets e.Server.Addr = address and serves; an empty address is
// net.Listen("tcp", ""), a random port.
func (e *Echo) Start(address string) error                                    { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile string) (err error) { return nil }
func (e *Echo) StartAutoTLS(address string) error                             { return nil }
func (e *Echo) StartServer(s *http.Server) (err error)                        { return nil }
