// Command badfunc is a Function Compute custom-runtime server with the
// mistakes fclint exists to catch. Run `go run ./cmd/fclint ./examples/...`
// from the repository root to see them. Do not deploy it.
package main

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

const host = "127.0.0.1" // works on a laptop; FC cannot reach it

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /invoke", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "hello from badfunc")
	})

	srv := &http.Server{
		Addr:        host + ":9000",
		Handler:     mux,
		ReadTimeout: 30 * time.Second, // also becomes the idle timeout
	}
	srv.SetKeepAlivesEnabled(false)
	log.Printf("listening on %s", srv.Addr)
	log.Fatal(srv.ListenAndServe())
}
