// Package autotls is a test stand-in for github.com/gin-gonic/autotls: the
// real import path and signatures, no behavior.
package autotls

import (
	"context"
	"net/http"
)

// Run serves r with Let's Encrypt certificates on :443 and redirects :80.
func Run(r http.Handler, domain ...string) error { return nil }

// RunWithContext is Run until ctx is done.
func RunWithContext(ctx context.Context, r http.Handler, domain ...string) error { return nil }
