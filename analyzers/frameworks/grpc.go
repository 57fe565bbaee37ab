package frameworks

// GRPC is gRPC's timing: keepalive.ServerParameters.MaxConnectionIdle closes a
// connection idle that long with GOAWAY (default: infinity).
var GRPC = &Timing{Name: "grpc"}

func init() {
	Register(&Framework{
		Name: "grpc",
		Structs: map[string]Struct{
			"google.golang.org/grpc/keepalive.ServerParameters": {GRPC, "keepalive.ServerParameters",
				map[string]Knob{"MaxConnectionIdle": IdleTimeout}},
		},
	})
}
