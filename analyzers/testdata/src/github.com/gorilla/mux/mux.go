// Package mux is a test stand-in for github.com/gorilla/mux: the real import
// path and signatures, no behavior.
package mux

import "net/http"

// Router is an http.Handler.
type Router struct{}

// Route is a registered route.
type Route struct{}

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(http.Handler) http.Handler

func NewRouter() *Router { return &Router{} }

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}
func (r *Router) Handle(path string, handler http.Handler) *Route    { return &Route{} }
func (r *Router) Use(mwf ...MiddlewareFunc)                          {}
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Route) Methods(methods ...string) *Route                    { return r }
