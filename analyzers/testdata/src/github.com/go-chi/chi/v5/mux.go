// Package chi is a test stand-in for github.com/go-chi/chi/v5: the real import
// path and signatures, no behavior.
package chi

import "net/http"

// Mux is chi's router and http.Handler.
type Mux struct{}

func NewRouter() *Mux { return &Mux{} }

func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)     {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)    {}
func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler) {}
func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)   {}
