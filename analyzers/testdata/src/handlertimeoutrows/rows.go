// Package handlertimeoutrows is the FC106 fixture for table rows no other
// fixture used: chi v1's middleware.Timeout and echo v5's ContextTimeout and
// ContextTimeoutConfig. Each case says which shape it covers.
package handlertimeoutrows

import (
	"net/http"
	"time"

	chi1 "github.com/go-chi/chi/middleware"
	echo5 "github.com/labstack/echo/v5"
	echo5mw "github.com/labstack/echo/v5/middleware"
)

// chi v1: middleware.Timeout below 24 h.
func chiV1() func(http.Handler) http.Handler {
	return chi1.Timeout(30 * time.Second) // want `chi1.Timeout deadline is 30s`
}

// near miss, chi v1: a deadline of 24 h.
func chiV1Day() func(http.Handler) http.Handler {
	return chi1.Timeout(24 * time.Hour)
}

// echo v5: ContextTimeout below 24 h.
func echoV5() echo5.MiddlewareFunc {
	return echo5mw.ContextTimeout(10 * time.Second) // want `echo5mw.ContextTimeout deadline is 10s`
}

// near miss, echo v5: ContextTimeout of 48 h.
func echoV5Long() echo5.MiddlewareFunc {
	return echo5mw.ContextTimeout(48 * time.Hour)
}

// echo v5: ContextTimeoutConfig's Timeout field below 24 h.
func echoV5Config() echo5.MiddlewareFunc {
	return echo5mw.ContextTimeoutWithConfig(echo5mw.ContextTimeoutConfig{
		Timeout: 15 * time.Second, // want `echo5mw.ContextTimeoutConfig Timeout deadline is 15s`
	})
}

// near miss, echo v5: a configuration without a Timeout (the middleware
// refuses it; no deadline to judge).
func echoV5NoTimeout() echo5.MiddlewareFunc {
	return echo5mw.ContextTimeoutWithConfig(echo5mw.ContextTimeoutConfig{})
}
