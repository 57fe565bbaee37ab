// Package middleware is a test stand-in for
// github.com/labstack/echo/v5/middleware: the real import path and
// signatures, no behavior.
package middleware

import (
	"time"

	"github.com/labstack/echo/v5"
)

// Skipper skips a middleware for a request.
type Skipper func(c *echo.Context) bool

// ContextTimeoutConfig configures ContextTimeoutWithConfig.
type ContextTimeoutConfig struct {
	Skipper      Skipper
	ErrorHandler func(c *echo.Context, err error) error
	Timeout      time.Duration
}

// ContextTimeout cancels the request context after timeout (503).
func ContextTimeout(timeout time.Duration) echo.MiddlewareFunc {
	return ContextTimeoutWithConfig(ContextTimeoutConfig{Timeout: timeout})
}

// ContextTimeoutWithConfig is ContextTimeout with a configuration.
func ContextTimeoutWithConfig(config ContextTimeoutConfig) echo.MiddlewareFunc { return nil }

// ToMiddleware converts the configuration to a middleware.
func (config ContextTimeoutConfig) ToMiddleware() (echo.MiddlewareFunc, error) { return nil, nil }
