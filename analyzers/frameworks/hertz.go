package frameworks

import "time"

// Hertz is hertz's timing: whether 0 means "no timeout" is not documented.
var Hertz = &Timing{Name: "hertz", ZeroUnconfirmed: true}

const hertzServer = "github.com/cloudwego/hertz/pkg/app/server"

func init() {
	// The address is an option of server.Default/New; serving starts at Spin/Run.
	constructors := []string{hertzServer + ".Default", hertzServer + ".New"}
	const why = "hertz's default because no server.WithHostPorts option is given"
	// config.NewOptions sets ReadTimeout and IdleTimeout to 3 min.
	defaults := map[Knob]time.Duration{ReadTimeout: 3 * time.Minute, IdleTimeout: 3 * time.Minute}
	Register(&Framework{
		Name:   "hertz",
		Source: "github.com/cloudwego/hertz (pkg/common/config/option.go NewOptions)",
		Fix:    `server.Default(server.WithHostPorts(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")))`,
		Listen: map[string]Listen{
			"(*" + hertzServer + ".Hertz).Spin": {How: FromOptions, Default: ":8888", DefaultWhy: why,
				Constructors: constructors, AddrOption: hertzServer + ".WithHostPorts"},
			"(*github.com/cloudwego/hertz/pkg/route.Engine).Run": {How: FromOptions, Default: ":8888", DefaultWhy: why,
				Constructors: constructors, AddrOption: hertzServer + ".WithHostPorts"},
		},
		Options: map[string]Option{
			hertzServer + ".WithReadTimeout":      {Hertz, ReadTimeout},
			hertzServer + ".WithWriteTimeout":     {Hertz, WriteTimeout},
			hertzServer + ".WithIdleTimeout":      {Hertz, IdleTimeout},
			hertzServer + ".WithKeepAliveTimeout": {Hertz, KeepAliveTimeout},
			hertzServer + ".WithKeepAlive":        {Hertz, KeepAlive},
		},
		Starts: map[string]Start{
			hertzServer + ".Default": {Timing: Hertz, From: "hertz", Defaults: defaults, Options: true, OptionPkg: hertzServer},
			hertzServer + ".New":     {Timing: Hertz, From: "hertz", Defaults: defaults, Options: true, OptionPkg: hertzServer},
		},
		HeaderSetters:     []string{"(*github.com/cloudwego/hertz/pkg/app.RequestContext).Header"},
		ConnectionClosers: []string{"(*github.com/cloudwego/hertz/pkg/app.RequestContext).SetConnectionClose"},
	})
}
