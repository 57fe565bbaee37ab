// Command hang accepts connections but never answers POST /invoke, like a
// function waiting for a database only its cloud environment can reach.
package main

import (
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("POST /invoke", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil)
}
