// Package main: a default overridden by PORT, which the s.yaml above sets to
// the CAPort. No finding.
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
	http.ListenAndServe(":"+port, nil)
}
