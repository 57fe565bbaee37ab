// Command connclose answers every request with Connection: close (FC404).
package main

import (
	"net/http"
	"os"
)

func main() {
	http.ListenAndServe(":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		w.Write([]byte("ok"))
	}))
}
