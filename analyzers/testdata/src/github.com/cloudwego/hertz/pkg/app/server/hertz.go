// Package server is a test stand-in for
// github.com/cloudwego/hertz/pkg/app/server: the real import path and
// signatures, no behavior.
package server

import (
	"github.com/cloudwego/hertz/pkg/common/config"
	"github.com/cloudwego/hertz/pkg/route"
)

// Hertz is a hertz server.
type Hertz struct {
	*route.Engine
}

// New returns a server with opts applied over the defaults.
func New(opts ...config.Option) *Hertz {
	return &Hertz{Engine: route.NewEngine(config.NewOptions(opts))}
}

// Default is New plus the recovery middleware.
func Default(opts ...config.Option) *Hertz { return New(opts...) }

// Spin runs the server until a signal arrives.
func (h *Hertz) Spin() {}
