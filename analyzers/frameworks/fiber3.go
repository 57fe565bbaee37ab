package frameworks

func init() {
	Register(&Framework{
		Name: "fiber v3",
		Fix:  `app.Listen(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			"(*github.com/gofiber/fiber/v3.App).Listen":   {How: FromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
			"(*github.com/gofiber/fiber/v3.App).Listener": {How: NotASite},
		},
		Structs: map[string]Struct{
			"github.com/gofiber/fiber/v3.Config": {Fiber, "fiber.Config", fasthttpishFields},
		},
		DeadlineFields: map[string]string{"github.com/gofiber/fiber/v3/middleware/timeout.Config": "Timeout"},
		HeaderSetters:  []string{"(github.com/gofiber/fiber/v3.Ctx).Set"},
	})
}
