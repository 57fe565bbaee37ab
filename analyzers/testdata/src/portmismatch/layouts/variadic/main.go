// Package main listens on the default that another package's helper takes
// as a variadic argument. ../variadicfc is the near-miss.
package main

import (
	"net/http"
	"os"

	"portmismatch/layouts/variadic/config"
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
	go http.ListenAndServe(":"+getenv("HTTP_PORT", "8081"), nil)       // want `can listen on port 8081`
	go http.ListenAndServe(":"+config.Env("APP_PORT", "8082"), nil)    // want `can listen on port 8082`
	http.ListenAndServe(":"+config.GetEnv("SERVER_PORT", "3000"), nil) // want `can listen on port 3000`
}
