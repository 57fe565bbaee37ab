package frameworks

import "time"

func init() {
	// echo v5 serves through StartConfig, whose http.Server has
	// ReadTimeout and WriteTimeout 30 s (set "for GoSec rule G112").
	defaults := map[Knob]time.Duration{ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	Register(&Framework{
		Name: "echo v5",
		Fix:  `e.Start(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/labstack/echo/v5.Echo).Start":          {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: "an empty address listens on a random port"},
			"(github.com/labstack/echo/v5.StartConfig).Start":    {How: FromRecvField, Field: "Address", EmptyAddr: ":0", EmptyWhy: "an empty Address listens on a random port"},
			"(github.com/labstack/echo/v5.StartConfig).StartTLS": {How: FromRecvField, Field: "Address", EmptyAddr: ":0", EmptyWhy: "an empty Address listens on a random port"},
		},
		Starts: map[string]Start{
			"(*github.com/labstack/echo/v5.Echo).Start":          {Timing: NetHTTP, From: "echo v5", Defaults: defaults},
			"(github.com/labstack/echo/v5.StartConfig).Start":    {Timing: NetHTTP, From: "echo v5", Defaults: defaults, Hook: "BeforeServeFunc"},
			"(github.com/labstack/echo/v5.StartConfig).StartTLS": {Timing: NetHTTP, From: "echo v5", Defaults: defaults, Hook: "BeforeServeFunc"},
		},
		Deadlines:      map[string]int{"github.com/labstack/echo/v5/middleware.ContextTimeout": 0},
		DeadlineFields: map[string]string{"github.com/labstack/echo/v5/middleware.ContextTimeoutConfig": "Timeout"},
	})
}
