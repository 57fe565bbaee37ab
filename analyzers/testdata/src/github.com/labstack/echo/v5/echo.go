// Package echo is a test stand-in for github.com/labstack/echo/v5: the real
// import path and signatures, no behavior.
package echo

import "net/http"

// Echo is the framework instance.
type Echo struct{}

// HandlerFunc serves a request.
type HandlerFunc func(c *Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// RouteInfo describes a registered route.
type RouteInfo struct{ Method, Path, Name string }

// Context is a request's context (a struct in v5).
type Context struct{}

func (c *Context) Request() *http.Request          { return nil }
func (c *Context) Response() http.ResponseWriter   { return nil }
func (c *Context) String(code int, s string) error { return nil }
func (c *Context) JSON(code int, i any) error      { return nil }

func New() *Echo { return &Echo{} }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)              {}
