package servertimeout

import (
	"net/http"
	"time"
)

// The fix also deletes an import that only the removed timeouts used.
func importOnly() *http.Server {
	return &http.Server{
		Addr:         ":9000",
		ReadTimeout:  time.Minute, // want `http.Server ReadTimeout is 1m: .*with IdleTimeout unset`
		WriteTimeout: time.Minute, // want `http.Server WriteTimeout is 1m`
	}
}
