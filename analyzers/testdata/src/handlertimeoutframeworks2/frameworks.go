// Package handlertimeoutframeworks2 is the FC106 fixture for the frameworks
// modelled from their source (docs/frameworks.md): Kratos's 1 s request
// deadline and iris's WithTimeout.
package handlertimeoutframeworks2

import (
	"time"

	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"github.com/kataras/iris/v12"
)

// Kratos HTTP: NewServer without Timeout keeps the 1 s default.
func kratosDefault() *khttp.Server {
	return khttp.NewServer(khttp.Address(":9000")) // want `khttp.NewServer without a timeout option ends requests after its default 1s`
}

// Kratos gRPC: the same default.
func kratosGRPCDefault() *kgrpc.Server {
	return kgrpc.NewServer() // want `kgrpc.NewServer without a timeout option ends requests after its default 1s`
}

// Kratos: an explicit Timeout below 24 h.
func kratosTimeout() *khttp.Server {
	return khttp.NewServer(khttp.Timeout(30 * time.Second)) // want `khttp.Timeout deadline is 30s`
}

// near miss, Kratos: Timeout(0) turns the deadline off.
func kratosNoTimeout() *kgrpc.Server {
	return kgrpc.NewServer(kgrpc.Address(":9000"), kgrpc.Timeout(0))
}

// near miss, Kratos: options the caller gives may hold a Timeout.
func kratosOptions(opts []khttp.ServerOption) *khttp.Server {
	return khttp.NewServer(opts...)
}

// Kratos, options built into a local slice (as kratos-layout does): no
// Timeout among them, so the 1 s default applies.
func kratosSlice(debug bool) *khttp.Server {
	opts := []khttp.ServerOption{khttp.Address(":9000")}
	if debug {
		opts = append(opts, khttp.Network("tcp"))
	}
	return khttp.NewServer(opts...) // want `khttp.NewServer without a timeout option ends requests after its default 1s`
}

// near miss: a Timeout appended to the slice, even in a branch, may replace
// the default (a 0 is no deadline).
func kratosSliceTimeout(c *struct{ Timeout time.Duration }) *khttp.Server {
	opts := []khttp.ServerOption{khttp.Address(":9000")}
	if c.Timeout != 0 {
		opts = append(opts, khttp.Timeout(c.Timeout))
	}
	return khttp.NewServer(opts...)
}

// iris: WithTimeout below 24 h.
func irisTimeout(app *iris.Application) error {
	return app.Listen(":9000", iris.WithTimeout(10*time.Second)) // want `iris.WithTimeout deadline is 10s`
}

// near miss, iris: no WithTimeout.
func irisPlain(app *iris.Application) error {
	return app.Listen(":9000")
}
