// Package main takes its timeouts from flags and environment variables that
// the s.yaml beside it sets: --read-timeout 0s (no timeout) overrides the
// flag's 30 s default, IDLE_TIMEOUT is 0s, and WRITE_TIMEOUT is 10s, the
// one finding.
package main

import (
	"flag"
	"net/http"
	"os"
	"time"
)

var readTimeout = flag.Duration("read-timeout", 30*time.Second, "read timeout")

func main() {
	flag.Parse()
	write, _ := time.ParseDuration(os.Getenv("WRITE_TIMEOUT"))
	idle, _ := time.ParseDuration(os.Getenv("IDLE_TIMEOUT"))
	srv := &http.Server{
		Addr:         ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"),
		ReadTimeout:  *readTimeout,
		WriteTimeout: write, // want `WriteTimeout`
		IdleTimeout:  idle,
	}
	srv.ListenAndServe()
}
