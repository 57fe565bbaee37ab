// Package main: without configuration, a default used when PORT is unset is a
// finding, because FC does not set PORT.
package main

import (
	"net/http"
	"os"
)

func main() {
	port := "8080"
	if v := os.Getenv("PORT"); v != "" {
		port = v
	}
	http.ListenAndServe(":"+port, nil) // want `can listen on port 8080 \(the fallback when PORT is unset\)`
}
