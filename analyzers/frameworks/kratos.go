package frameworks

import "time"

const (
	kratosHTTP = "github.com/go-kratos/kratos/v2/transport/http"
	kratosGRPC = "github.com/go-kratos/kratos/v2/transport/grpc"
)

func init() {
	// NewServer sets address ":0" and timeout 1 s; Start listens with
	// net.Listen(s.network, s.address) (transport/http/server.go,
	// transport/grpc/server.go). The timeout is context.WithTimeout on every
	// request (HTTP filter) or unary call (grpc/interceptor.go): a handler
	// deadline (FC106), not a connection timeout; Kratos sets no
	// http.Server timeouts.
	listen := func(pkg, option string) Listen {
		return Listen{How: FromOwnOptions, AddrOption: pkg + ".Address", Default: ":0",
			DefaultWhy: "Kratos's default (:0, a random port) because no " + option + " option is given",
			EmptyAddr:  ":0", EmptyWhy: randomEmpty}
	}
	Register(&Framework{
		Name:   "Kratos",
		Source: "github.com/go-kratos/kratos/v2@v2.8.3 (transport/http/server.go, transport/grpc/server.go, transport/grpc/interceptor.go)",
		Fix:    `http.NewServer(http.Address(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")))`,
		Listen: map[string]Listen{
			kratosHTTP + ".NewServer": listen(kratosHTTP, "http.Address"),
			kratosGRPC + ".NewServer": listen(kratosGRPC, "grpc.Address"),
		},
		Deadlines: map[string]int{kratosHTTP + ".Timeout": 0, kratosGRPC + ".Timeout": 0},
		DefaultDeadlines: map[string]DefaultDeadline{
			kratosHTTP + ".NewServer": {time.Second, kratosHTTP + ".Timeout"},
			kratosGRPC + ".NewServer": {time.Second, kratosGRPC + ".Timeout"},
		},
	})
}
