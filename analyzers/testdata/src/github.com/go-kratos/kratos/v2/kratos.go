// Package kratos is a test stand-in for github.com/go-kratos/kratos/v2: the
// real import path and signatures, no behavior.
package kratos

import "github.com/go-kratos/kratos/v2/transport"

// App runs servers until a signal arrives.
type App struct{}

// Option configures an App.
type Option func(o *options)

type options struct{}

// New returns an App.
func New(opts ...Option) *App { return &App{} }

// Server adds servers; Run starts each with Start.
func Server(srv ...transport.Server) Option { return func(*options) {} }

// Name sets the service name.
func Name(name string) Option { return func(*options) {} }

// Run starts every server and waits for a signal.
func (a *App) Run() error { return nil }
