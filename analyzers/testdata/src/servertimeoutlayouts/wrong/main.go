// Package main takes its server's timeouts from another package.
package main

import (
	"net/http"
	"os"

	"servertimeoutlayouts/config"
)

func main() {
	srv := &http.Server{
		Addr:        ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"),
		ReadTimeout: config.ReadTimeout, // want `ReadTimeout is 30s.*30s comes from config/config.go:7`
	}
	srv.ListenAndServe()
}

func other() {
	t := config.Short()
	srv := &http.Server{
		Addr:        ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"),
		ReadTimeout: t.Read, // want `ReadTimeout is 5s.*5s comes from config/config.go:21`
	}
	srv.ListenAndServe()
}
