// Package echo is a test stand-in for github.com/labstack/echo/v4: the real
// import path and signatures, no behavior.
package echo

import (
	"context"
	"net"
	"net/http"
)

// Echo is the framework instance.
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
type HandlerFunc func(c Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Route is a registered route.
type Route struct{ Method, Path, Name string }

// Context is a request's context.
type Context interface {
	Request() *http.Request
	Response() *Response
	String(code int, s string) error
	JSON(code int, i interface{}) error
}

// Response wraps the http.ResponseWriter.
type Response struct {
	Writer http.ResponseWriter
}

func (r *Response) Header() http.Header { return r.Writer.Header() }

func New() *Echo { return &Echo{Server: new(http.Server), TLSServer: new(http.Server)} }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Use(middleware ...MiddlewareFunc)                            {}
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)            {}
func (e *Echo) Shutdown(ctx context.Context) error                          { return nil }
