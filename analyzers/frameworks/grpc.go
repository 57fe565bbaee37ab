package frameworks

// GRPC is gRPC's timing: keepalive.ServerParameters.MaxConnectionIdle closes a
// connection idle that long with GOAWAY, MaxConnectionAge one that old
// (default: infinity for both; internal/transport/defaults.go @v1.85.0).
// MaxConnectionAgeGrace counts only after an age, so it is not judged.
var GRPC = &Timing{Name: "grpc"}

func init() {
	Register(&Framework{
		Name:   "grpc",
		Source: "google.golang.org/grpc@v1.85.0 (keepalive/keepalive.go, internal/transport/http2_server.go)",
		Structs: map[string]Struct{
			"google.golang.org/grpc/keepalive.ServerParameters": {GRPC, "keepalive.ServerParameters",
				map[string]Knob{"MaxConnectionIdle": IdleTimeout, "MaxConnectionAge": MaxConnectionAge}},
		},
	})
}
