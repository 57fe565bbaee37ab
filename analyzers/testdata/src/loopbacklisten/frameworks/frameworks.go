// Package main covers FC101 on each framework's way to start a server.
package main

import (
	"context"
	"net/http"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	fiberv3 "github.com/gofiber/fiber/v3"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
	"github.com/valyala/fasthttp"
)

// gin: Run with a loopback address.
func ginRun() {
	r := gin.Default()
	r.Run("127.0.0.1:9000") // want `listens on 127\.0\.0\.1:9000`
}

// gin: RunTLS with a loopback address.
func ginRunTLS() {
	gin.New().RunTLS("localhost:9000", "c.pem", "k.pem") // want `listens on localhost:9000`
}

// echo v4: Start with a loopback address.
func echoStart() {
	e := echo.New()
	e.Start("localhost:9000") // want `listens on localhost:9000`
}

// echo v4: StartServer with an http.Server on loopback.
func echoStartServer() {
	e := echo.New()
	e.StartServer(&http.Server{Addr: "127.0.0.1:9000"}) // want `listens on 127\.0\.0\.1:9000`
}

// echo v4: e.Server.Addr set, then e.Server.ListenAndServe.
func echoServerField() {
	e := echo.New()
	e.Server.Addr = "127.0.0.1:9000"
	e.Server.ListenAndServe() // want `listens on 127\.0\.0\.1:9000`
}

// echo v5: Start and StartConfig{Address}.Start.
func echoV5() {
	e := echov5.New()
	e.Start("127.0.0.1:9000")                                                    // want `listens on 127\.0\.0\.1:9000`
	echov5.StartConfig{Address: "localhost:9000"}.Start(context.Background(), e) // want `listens on localhost:9000`
}

// fiber v2 and v3: Listen on loopback.
func fiberListen() {
	fiber.New().Listen("127.0.0.1:9000")                                                      // want `listens on 127\.0\.0\.1:9000`
	fiberv3.New().Listen("localhost:9000", fiberv3.ListenConfig{DisableStartupMessage: true}) // want `listens on localhost:9000`
}

// fasthttp: the package function and the Server method.
func fasthttpListen(h fasthttp.RequestHandler) {
	fasthttp.ListenAndServe("127.0.0.1:9000", h) // want `listens on 127\.0\.0\.1:9000`
	s := &fasthttp.Server{Handler: h}
	s.ListenAndServe("localhost:9000") // want `listens on localhost:9000`
}

// hertz: WithHostPorts on loopback, served by Spin and by Run.
func hertzSpin() {
	h := server.Default(server.WithHostPorts("127.0.0.1:9000"))
	h.Spin() // want `listens on 127\.0\.0\.1:9000`
}

func hertzRun() {
	h := server.New(server.WithHostPorts("localhost:9000"))
	h.Run() // want `listens on localhost:9000`
}

// gorilla/mux and chi are handlers served through net/http.
func routers() {
	r := mux.NewRouter()
	http.ListenAndServe("127.0.0.1:9000", r) // want `listens on 127\.0\.0\.1:9000`
	c := chi.NewRouter()
	srv := &http.Server{Addr: "localhost:9000", Handler: c}
	srv.ListenAndServe() // want `listens on localhost:9000`
}

// Traps: framework calls that listen on all interfaces or not at all.
func frameworkTraps() {
	gin.Default().RunUnix("/tmp/gin.sock") // a unix socket
	fiber.New().Get("/127.0.0.1:9000", nil)
}

func main() {}
