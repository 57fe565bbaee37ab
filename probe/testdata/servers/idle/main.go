// Command idle closes keep-alive connections idle for 500ms (FC405).
package main

import (
	"net/http"
	"os"
	"time"
)

func main() {
	s := &http.Server{
		Addr:        ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"),
		Handler:     http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }),
		IdleTimeout: 500 * time.Millisecond,
	}
	s.ListenAndServe()
}
