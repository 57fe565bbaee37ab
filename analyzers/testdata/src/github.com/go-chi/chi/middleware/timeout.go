// Package middleware is a test stand-in for github.com/go-chi/chi/middleware
// (chi v1): the real import path and signatures, no behavior.
package middleware

import (
	"net/http"
	"time"
)

// Timeout cancels the request context after timeout and answers 504.
func Timeout(timeout time.Duration) func(next http.Handler) http.Handler {
	return func(next http.Handler) http.Handler { return next }
}
