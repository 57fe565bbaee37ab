package frameworks

func init() {
	Register(&Framework{
		Name: "echo v4",
		Fix:  `e.Start(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/labstack/echo/v4.Echo).Start":        {How: FromArg, Arg: 0, EmptyAddr: ":http", EmptyWhy: httpEmpty},
			"(*github.com/labstack/echo/v4.Echo).StartTLS":     {How: FromArg, Arg: 0},
			"(*github.com/labstack/echo/v4.Echo).StartAutoTLS": {How: FromArg, Arg: 0},
			"(*github.com/labstack/echo/v4.Echo).StartServer":  {How: FromArgField, Arg: 0, Field: "Addr", EmptyAddr: ":http", EmptyWhy: httpEmpty},
		},
		Deadlines: map[string]int{"github.com/labstack/echo/v4/middleware.ContextTimeout": 0},
		DeadlineFields: map[string]string{
			"github.com/labstack/echo/v4/middleware.TimeoutConfig":        "Timeout",
			"github.com/labstack/echo/v4/middleware.ContextTimeoutConfig": "Timeout",
		},
	})
}
