// Package timeout is a test stand-in for
// github.com/gofiber/fiber/v3/middleware/timeout: the real import path and
// signatures, no behavior.
package timeout

import (
	"time"

	"github.com/gofiber/fiber/v3"
)

// Config configures New; a zero Timeout means no timeout.
type Config struct {
	Next      func(c fiber.Ctx) bool
	OnTimeout fiber.Handler
	Errors    []error
	Timeout   time.Duration
}

func New(h fiber.Handler, config ...Config) fiber.Handler { return h }
