// Package gin is a test stand-in for github.com/gin-gonic/gin: the real import
// path and signatures, no behavior.
package gin

import "net/http"

// HandlerFunc is a gin handler.
type HandlerFunc func(*Context)

// H is a shortcut for map[string]any.
type H map[string]any

// IRoutes is what route registration returns.
type IRoutes interface{}

// OptionFunc configures an Engine.
type OptionFunc func(*Engine)

// RouterGroup registers routes.
type RouterGroup struct{}

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes                     { return nil }

// Engine is gin's router and http.Handler.
type Engine struct {
	RouterGroup
}

func New(opts ...OptionFunc) *Engine     { return &Engine{} }
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (engine *Engine) Handler() http.Handler                              { return engine }
