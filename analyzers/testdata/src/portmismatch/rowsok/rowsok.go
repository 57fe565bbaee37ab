// Package main holds the near misses of portmismatch/rows: the same calls on
// CAPort report nothing.
package main

import (
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// echo v4: StartAutoTLS on CAPort.
func echoAutoTLS() {
	echo.New().StartAutoTLS(":9000")
}

// fiber v2: ListenTLS on CAPort.
func fiberListenTLS() {
	fiber.New().ListenTLS(":9000", "c.pem", "k.pem")
}

// hertz: Run with WithHostPorts on CAPort.
func hertzEngineRun() {
	server.Default(server.WithHostPorts(":9000")).Run()
}

func main() {}
