// Package main covers FC102 on the table rows no other fixture used: echo
// v4 StartAutoTLS, fiber v2 ListenTLS and hertz's route.Engine.Run. The
// near misses are in portmismatch/rowsok: a server on CAPort beside these
// would make them sidecars.
package main

import (
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// echo v4: StartAutoTLS on the HTTPS port.
func echoAutoTLS() {
	echo.New().StartAutoTLS(":443") // want `listens on port 443`
}

// fiber v2: ListenTLS on another port.
func fiberListenTLS() {
	fiber.New().ListenTLS(":8443", "c.pem", "k.pem") // want `listens on port 8443`
}

// hertz: Run (route.Engine's, promoted) without WithHostPorts uses :8888.
func hertzEngineRun() {
	server.Default().Run() // want `listens on port 8888.*hertz's default because no server\.WithHostPorts option is given`
}

func main() {}
