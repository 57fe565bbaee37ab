// Package timeout is a test stand-in for
// github.com/gofiber/fiber/v2/middleware/timeout: the real import path and
// signatures, no behavior.
package timeout

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

func New(handler fiber.Handler, timeout time.Duration) fiber.Handler { return handler }

func NewWithContext(handler fiber.Handler, t time.Duration, tErrs ...error) fiber.Handler {
	return handler
}
