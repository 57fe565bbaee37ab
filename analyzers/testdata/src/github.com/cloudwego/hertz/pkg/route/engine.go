// Package route is a test stand-in for github.com/cloudwego/hertz/pkg/route:
// the real import path and signatures, no behavior.
package route

import (
	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/common/config"
)

// IRoutes is what route registration returns.
type IRoutes interface{}

// RouterGroup registers routes.
type RouterGroup struct{}

func (group *RouterGroup) GET(relativePath string, handlers ...app.HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...app.HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Use(middleware ...app.HandlerFunc) IRoutes                     { return nil }

// Engine is hertz's router and transport.
type Engine struct {
	RouterGroup
	options *config.Options
}

// NewEngine returns an engine with the given options.
func NewEngine(opt *config.Options) *Engine { return &Engine{options: opt} }

// Run serves on the configured address (default ":8888") and does not wait for signals.
func (engine *Engine) Run() (err error) { return nil }
