// Package handlertimeout is the FC106 fixture. Each case says which shape it covers.
package handlertimeout

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-contrib/timeout"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5/middleware"
	fiber2 "github.com/gofiber/fiber/v2"
	fibertimeout2 "github.com/gofiber/fiber/v2/middleware/timeout"
	"github.com/gofiber/fiber/v3"
	fibertimeout "github.com/gofiber/fiber/v3/middleware/timeout"
	echomw "github.com/labstack/echo/v4/middleware"
)

// net/http: TimeoutHandler with a literal deadline.
func stdlib(h http.Handler) http.Handler {
	return http.TimeoutHandler(h, 30*time.Second, "timed out") // want `http.TimeoutHandler deadline is 30s: requests that FC would let run up to the function's timeout`
}

// net/http: a named constant of 24 h or more is fine.
const longDeadline = 24 * time.Hour

func stdlibLong(h http.Handler) http.Handler {
	return http.TimeoutHandler(h, longDeadline, "timed out")
}

// net/http: a deadline in a named constant; the message names it.
const requestDeadline = 45 * time.Second

func stdlibConst(h http.Handler) http.Handler {
	return http.TimeoutHandler(h, requestDeadline, "timed out") // want `http.TimeoutHandler deadline is 45s: .*; 45s comes from the constant requestDeadline \(handlertimeout.go:32\)$`
}

// net/http: an unknown deadline is not reported.
func stdlibUnknown(h http.Handler, d time.Duration) http.Handler {
	return http.TimeoutHandler(h, d, "timed out")
}

// chi: middleware.Timeout.
func chi() func(http.Handler) http.Handler {
	return middleware.Timeout(60 * time.Second) // want `middleware.Timeout deadline is 1m`
}

// echo v4: TimeoutWithConfig and ContextTimeout.
func echoTimeouts() {
	_ = echomw.TimeoutWithConfig(echomw.TimeoutConfig{
		ErrorMessage: "timeout",
		Timeout:      5 * time.Second, // want `echomw.TimeoutConfig Timeout deadline is 5s`
	})
	_ = echomw.ContextTimeout(10 * time.Second) // want `echomw.ContextTimeout deadline is 10s`
	_ = echomw.Timeout()                        // no timeout by default
	_ = echomw.TimeoutWithConfig(echomw.TimeoutConfig{Timeout: 0})
}

// gin-contrib/timeout: an explicit option, and the 5 s default.
func ginTimeouts(r *gin.Engine) {
	r.Use(timeout.New(timeout.WithTimeout(100 * time.Millisecond))) // want `timeout.WithTimeout deadline is 100ms`
	r.Use(timeout.New(timeout.WithResponse(nil)))                   // want `timeout.New without a timeout option ends requests after its default 5s`
	r.Use(timeout.New(timeout.WithTimeout(48 * time.Hour)))
}

// fiber v2 and v3 timeout middleware.
func fiberTimeouts(h2 fiber2.Handler, h3 fiber.Handler) {
	_ = fibertimeout2.New(h2, 2*time.Second)                                // want `fibertimeout2.New deadline is 2s`
	_ = fibertimeout2.NewWithContext(h2, 3*time.Second)                     // want `fibertimeout2.NewWithContext deadline is 3s`
	_ = fibertimeout.New(h3, fibertimeout.Config{Timeout: 4 * time.Second}) // want `fibertimeout.Config Timeout deadline is 4s`
	_ = fibertimeout.New(h3)
}

// Near misses: a context deadline in the handler, and a struct of the
// program with a Timeout field, are not handler timeouts.
type jobConfig struct{ Timeout time.Duration }

func nearMisses(w http.ResponseWriter, r *http.Request) jobConfig {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = ctx
	return jobConfig{Timeout: time.Second}
}
