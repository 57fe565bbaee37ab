// Package main reads the port through a getenv(key, def) helper: reading
// FC_CUSTOM_LISTEN_PORT is FC103's fix, so it is not reported; reading PORT
// (the near-miss) leaves 9000 a literal that FC's variable never replaces.
package main

import (
	"net/http"
	"os"
)

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func serveFC() {
	http.ListenAndServe(":"+getenv("FC_CUSTOM_LISTEN_PORT", "9000"), nil)
}

func servePort() {
	http.ListenAndServe(":"+getenv("PORT", "9000"), nil) // want `CAPort 9000 is written as a literal`
}

func main() {
	go serveFC()
	servePort()
}
