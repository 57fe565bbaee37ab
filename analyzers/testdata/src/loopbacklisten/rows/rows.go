// Package main covers FC101 on the table rows no other fixture used: echo
// v4 StartAutoTLS, fiber v2 ListenTLS and hertz's route.Engine.Run.
package main

import (
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// echo v4: StartAutoTLS on loopback.
func echoAutoTLS() {
	echo.New().StartAutoTLS("127.0.0.1:9000") // want `listens on 127\.0\.0\.1:9000`
}

// near miss, echo v4: StartAutoTLS on every interface.
func echoAutoTLSAll() {
	echo.New().StartAutoTLS("0.0.0.0:9000")
}

// fiber v2: ListenTLS on loopback.
func fiberListenTLS() {
	fiber.New().ListenTLS("localhost:9000", "c.pem", "k.pem") // want `listens on localhost:9000`
}

// near miss, fiber v2: ListenTLS on every interface.
func fiberListenTLSAll() {
	fiber.New().ListenTLS(":9000", "c.pem", "k.pem")
}

// hertz: Run, promoted from the embedded route.Engine, with a loopback
// WithHostPorts.
func hertzEngineRun() {
	h := server.New(server.WithHostPorts("127.0.0.1:9000"))
	h.Run() // want `listens on 127\.0\.0\.1:9000`
}

// near miss, hertz: Engine.Run with an address on every interface.
func hertzEngineRunAll() {
	h := server.New(server.WithHostPorts(":9000"))
	h.Run()
}

func main() {}
