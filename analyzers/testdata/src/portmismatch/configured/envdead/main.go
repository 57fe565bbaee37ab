// Package main: PORT comes from environmentVariables in the s.yaml above, so
// the fallback never applies. No finding.
package main

import (
	"net/http"
	"os"
)

func main() {
	p := os.Getenv("PORT")
	if p == "" {
		p = "8080"
	}
	http.ListenAndServe(":"+p, nil)
}
