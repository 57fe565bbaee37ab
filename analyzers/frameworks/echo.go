package frameworks

func init() {
	Register(&Framework{
		Name: "echo v4",
		// Start, StartTLS and StartAutoTLS store the address in the
		// server's Addr; configureServer listens with
		// newListener(s.Addr, e.ListenerNetwork) = net.Listen, so an empty
		// address is a random port, not :http (echo.go @v4.16.4).
		Source: "github.com/labstack/echo/v4@v4.16.4 (echo.go configureServer, newListener)",
		Fix:    `e.Start(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/labstack/echo/v4.Echo).Start":        {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/labstack/echo/v4.Echo).StartTLS":     {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/labstack/echo/v4.Echo).StartAutoTLS": {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/labstack/echo/v4.Echo).StartServer": {How: FromArgField, Arg: 0, Field: "Addr", EmptyAddr: ":0",
				EmptyWhy: "an empty Addr listens on a random port"},
		},
		Deadlines: map[string]int{"github.com/labstack/echo/v4/middleware.ContextTimeout": 0},
		DeadlineFields: map[string]string{
			"github.com/labstack/echo/v4/middleware.TimeoutConfig":        "Timeout",
			"github.com/labstack/echo/v4/middleware.ContextTimeoutConfig": "Timeout",
		},
	})
}
