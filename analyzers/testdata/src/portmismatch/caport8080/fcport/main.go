// Package main reads FC's port variables with a fallback of 9000 while the
// CAPort is 8080: FC always sets the variables, so the fallback is never
// used and nothing is reported, whether the read is inline or in a helper.
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
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if port == "" {
		port = "9000"
	}
	go http.ListenAndServe(":"+port, nil)
	http.ListenAndServe(":"+getenv("FC_SERVER_PORT", "9000"), nil)
}
