// Package main is the near-miss of ../wrong: the other package's timeouts
// are zero: no limit.
package main

import (
	"net/http"
	"os"

	"servertimeoutlayouts/config"
)

func main() {
	t := config.Load()
	srv := &http.Server{
		Addr:        ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"),
		ReadTimeout: t.Read,
		IdleTimeout: t.Idle,
	}
	srv.ListenAndServe()
}
