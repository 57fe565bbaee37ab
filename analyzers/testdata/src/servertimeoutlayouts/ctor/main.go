// Package main passes its read timeout to another package's constructor as a
// plain parameter: the argument is the setting. Near-misses: 0 (no limit),
// and a constructor that fixes the timeout itself, which is judged in its own
// package (../server), not again here.
package main

import (
	"os"
	"time"

	"servertimeoutlayouts/server"
)

func main() {
	srv := server.New(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), 30*time.Second) // want `ReadTimeout is 30s.*server\.New sets ReadTimeout from this argument`
	srv.ListenAndServe()
}

func noLimit() {
	srv := server.New(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), 0)
	srv.ListenAndServe()
}

func fixed() {
	srv := server.Fixed(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	srv.ListenAndServe()
}
