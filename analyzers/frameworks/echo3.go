package frameworks

const echo3 = "(*github.com/labstack/echo.Echo)"

func init() {
	// Start stores the address in e.Server.Addr; StartServer calls
	// newListener(s.Addr) = net.Listen("tcp", address), so an empty address
	// is a random port. New() uses new(http.Server): no timeouts.
	Register(&Framework{
		Name:   "echo v3",
		Source: "github.com/labstack/echo@v3.3.10+incompatible (echo.go)",
		Fix:    `e.Start(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			echo3 + ".Start":        {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			echo3 + ".StartTLS":     {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			echo3 + ".StartAutoTLS": {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			echo3 + ".StartServer": {How: FromArgField, Arg: 0, Field: "Addr", EmptyAddr: ":0",
				EmptyWhy: "an empty Addr listens on a random port"},
		},
	})
}
