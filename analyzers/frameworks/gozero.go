package frameworks

import "time"

func init() {
	// Start listens on fmt.Sprintf("%s:%d", Host, Port) of the RestConf
	// given to NewServer (rest/server.go, rest/internal/starter.go). The tag
	// defaults (Host 0.0.0.0, Timeout 3000 ms, Middlewares.Timeout true;
	// rest/config.go) apply only when go-zero's conf package fills the
	// struct: a Go literal keeps zero values, so an unset Port is 0, a
	// random port. conf.MustLoad/Load fill it from etc/*.yaml with those
	// defaults (core/conf/config.go: keys without case, embedded structs
	// inline); eval reads the file the path argument names.
	listen := Listen{How: FromHostPort, Arg: 0, Field: "Host", PortField: "Port"}
	deadline := ConfDeadline{Arg: 0, Field: "Timeout", Unit: time.Millisecond, Switch: []string{"Middlewares", "Timeout"},
		Note: "go-zero also sets the server's ReadTimeout to 4/5 and WriteTimeout to 11/10 of it"}
	Register(&Framework{
		Name:   "go-zero",
		Source: "github.com/zeromicro/go-zero@v1.10.3 (rest/config.go, rest/server.go, rest/internal/starter.go)",
		Fix:    `set Port in the RestConf (or etc/*.yaml) to FC's port, read from FC_CUSTOM_LISTEN_PORT`,
		Listen: map[string]Listen{
			"github.com/zeromicro/go-zero/rest.MustNewServer": listen,
			"github.com/zeromicro/go-zero/rest.NewServer":     listen,
		},
		// Every route gets handler.TimeoutHandler(Timeout ms) when
		// Middlewares.Timeout is on (rest/engine.go bindRoute), and the
		// server ReadTimeout 4/5 and WriteTimeout 11/10 of it
		// (withNetworkTimeout).
		ConfDeadlines: map[string]ConfDeadline{
			"github.com/zeromicro/go-zero/rest.MustNewServer": deadline,
			"github.com/zeromicro/go-zero/rest.NewServer":     deadline,
		},
		Loaders: map[string]Loader{
			"github.com/zeromicro/go-zero/core/conf.MustLoad": {PathArg: 0, DestArg: 1},
			"github.com/zeromicro/go-zero/core/conf.Load":     {PathArg: 0, DestArg: 1},
		},
	})
}
