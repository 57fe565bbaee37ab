// Package middleware is a test stand-in for
// github.com/labstack/echo/v4/middleware: the real import path and
// signatures of the timeout middleware, no behavior.
package middleware

import (
	"time"

	"github.com/labstack/echo/v4"
)

// Skipper skips a middleware for a request.
type Skipper func(c echo.Context) bool

// TimeoutConfig configures Timeout; a zero Timeout means no timeout.
type TimeoutConfig struct {
	Skipper      Skipper
	ErrorMessage string
	Timeout      time.Duration
}

// DefaultTimeoutConfig has no timeout.
var DefaultTimeoutConfig = TimeoutConfig{}

func Timeout() echo.MiddlewareFunc { return TimeoutWithConfig(DefaultTimeoutConfig) }

func TimeoutWithConfig(config TimeoutConfig) echo.MiddlewareFunc { return nil }

// ContextTimeoutConfig configures ContextTimeout.
type ContextTimeoutConfig struct {
	Skipper      Skipper
	ErrorHandler func(err error, c echo.Context) error
	Timeout      time.Duration
}

func ContextTimeout(timeout time.Duration) echo.MiddlewareFunc { return nil }

func ContextTimeoutWithConfig(config ContextTimeoutConfig) echo.MiddlewareFunc { return nil }
