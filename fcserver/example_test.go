package fcserver_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/fclint/fclint/fcserver"
)

// An event function: FC's payload in, the result out. Run blocks until
// SIGTERM, then finishes in-flight requests.
func ExampleRun() {
	fcserver.Run(&fcserver.Server{
		Invoke: func(ctx context.Context, event []byte) ([]byte, error) {
			var in struct{ Name string }
			if err := json.Unmarshal(event, &in); err != nil {
				return nil, err // status 404 with x-fc-status: 404: a failed invocation
			}
			return []byte("hello " + in.Name), nil
		},
	})
}

// An HTTP function with an initializer: FC calls POST /initialize once per
// instance before the first request; every other path reaches the mux.
func ExampleServer_http() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "item %s (request %s)\n", r.PathValue("id"), fcserver.RequestID(r.Context()))
	})
	s := &fcserver.Server{
		Initialize: func(ctx context.Context) error { return nil }, // open pools, load models...
		HTTP:       mux,
	}
	fcserver.Run(s)
}
