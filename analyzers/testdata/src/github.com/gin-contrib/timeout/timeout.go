// Package timeout is a test stand-in for github.com/gin-contrib/timeout: the
// real import path and signatures, no behavior. Its default timeout is 5 s.
//
// The module is not served by the Go module proxy, so this stand-in is
// modelled from the source at tag v1.2.1 (option.go, timeout.go).
package timeout

import (
	"time"

	"github.com/gin-gonic/gin"
)

// Option configures a Timeout.
type Option func(*Timeout)

// Timeout is the middleware's configuration.
type Timeout struct {
	timeout  time.Duration
	response gin.HandlerFunc
}

func WithTimeout(timeout time.Duration) Option { return func(t *Timeout) { t.timeout = timeout } }

func WithResponse(h gin.HandlerFunc) Option { return func(t *Timeout) { t.response = h } }

// New aborts the handler chain after the timeout (default 5 s).
func New(opts ...Option) gin.HandlerFunc { return func(c *gin.Context) {} }
