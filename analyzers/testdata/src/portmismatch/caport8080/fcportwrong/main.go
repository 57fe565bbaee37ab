// Package main is the near-miss of fcport: the same helper reads PORT, which
// FC does not set, so its fallback 9000 is the port.
package main

import (
	"net/http"
	"os"
)

func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func main() {
	http.ListenAndServe(":"+getenv("PORT", "9000"), nil) // want `can listen on port 9000 \(the fallback when PORT is unset\), but FC sends requests to CAPort 8080`
}
