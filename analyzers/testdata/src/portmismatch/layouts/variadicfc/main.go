// Package main is ../variadic with one change: the helpers, here and in
// another package, read FC's port variables, with CAPort as the default: no
// FC102, and no FC103 (reading the variable is the compliant pattern).
package main

import (
	"net/http"
	"os"

	"portmismatch/layouts/variadicfc/config"
)

func getenv(key string, defaults ...string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	if len(defaults) > 0 {
		return defaults[0]
	}
	return ""
}

func main() {
	go http.ListenAndServe(":"+getenv("FC_CUSTOM_LISTEN_PORT", "9000"), nil)
	go http.ListenAndServe(":"+config.Env("FC_SERVER_PORT", "9000"), nil)
	http.ListenAndServe(":"+config.GetEnv("FC_CUSTOM_LISTEN_PORT", "9000"), nil)
}
