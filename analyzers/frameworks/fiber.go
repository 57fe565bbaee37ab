package frameworks

const randomEmpty = "an empty address listens on a random port"

// Fiber is fiber's timing (v2 and v3): fasthttp underneath.
var Fiber = &Timing{Name: "fiber", IdleFallsBackToRead: true}

// fasthttpishFields are the knobs of fasthttp.Server and fiber.Config.
var fasthttpishFields = map[string]Knob{
	"ReadTimeout": ReadTimeout, "WriteTimeout": WriteTimeout, "IdleTimeout": IdleTimeout,
	"DisableKeepalive": DisableKeepalive,
}

func init() {
	Register(&Framework{
		Name: "fiber v2",
		Fix:  `app.Listen(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/gofiber/fiber/v2.App).Listen":    {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/gofiber/fiber/v2.App).ListenTLS": {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/gofiber/fiber/v2.App).Listener":  {How: NotASite},
		},
		Structs: map[string]Struct{
			"github.com/gofiber/fiber/v2.Config": {Fiber, "fiber.Config", fasthttpishFields},
		},
		Deadlines: map[string]int{
			"github.com/gofiber/fiber/v2/middleware/timeout.New":            1,
			"github.com/gofiber/fiber/v2/middleware/timeout.NewWithContext": 1,
		},
		HeaderSetters: []string{"(*github.com/gofiber/fiber/v2.Ctx).Set"},
	})
}
