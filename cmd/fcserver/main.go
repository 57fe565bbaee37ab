// Command fcserver is the reference Function Compute custom-runtime server as a
// ready-to-deploy program: an event function that echoes its payload, and an
// HTTP function that answers every other path with the request's method, path
// and request ID. Copy it as a starting point, or import
// github.com/fclint/fclint/fcserver.
//
// Build it for FC with:
//
//	CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -o bootstrap ./cmd/fcserver
package main

import (
	"context"
	"fmt"
	"net/http"

	"github.com/fclint/fclint/fcserver"
)

func main() {
	fcserver.Run(&fcserver.Server{
		Invoke: func(_ context.Context, event []byte) ([]byte, error) {
			return event, nil
		},
		HTTP: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "%s %s (request %s)\n", r.Method, r.URL.Path, fcserver.RequestID(r.Context()))
		}),
	})
}
