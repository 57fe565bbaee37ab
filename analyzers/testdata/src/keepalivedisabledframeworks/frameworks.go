// Package keepalivedisabledframeworks is the FC105 fixture for gin, echo,
// fiber, fasthttp and hertz.
package keepalivedisabledframeworks

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gin-gonic/gin"
	fiber2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
	echo "github.com/labstack/echo/v4"
	"github.com/valyala/fasthttp"
)

// fiber: DisableKeepalive in the Config literal.
func fiberOff() {
	app := fiber.New(fiber.Config{
		AppName:          "fn",
		DisableKeepalive: true, // want `fiber.Config DisableKeepalive: true turns HTTP keep-alive off`
	})
	_ = app.Listen(":9000")
}

// fiber v2: false is the default and fine.
func fiberOn() {
	_ = fiber2.New(fiber2.Config{DisableKeepalive: false})
}

// fasthttp: DisableKeepalive assigned.
func fasthttpOff(h fasthttp.RequestHandler) {
	s := &fasthttp.Server{Handler: h}
	s.DisableKeepalive = true // want `fasthttp.Server DisableKeepalive = true turns HTTP keep-alive off`
	_ = s.ListenAndServe(":9000")
}

// hertz: WithKeepAlive(false).
func hertzOff() {
	h := server.Default(server.WithHostPorts(":9000"), server.WithKeepAlive(false)) // want `server.WithKeepAlive\(false\) turns HTTP keep-alive off`
	h.Spin()
}

// Handlers answering Connection: close.
func ginHandler(c *gin.Context) {
	c.Header("Connection", "close")              // want `the handler sets the response header Connection: close`
	c.Writer.Header().Set("Connection", "close") // want `the handler sets the response header Connection: close`
}

func echoHandler(c echo.Context) error {
	c.Response().Header().Set("Connection", "close") // want `Connection: close`
	return nil
}

func fiberHandler(c fiber.Ctx) error {
	c.Set("Connection", "close") // want `Connection: close`
	return nil
}

func fiber2Handler(c *fiber2.Ctx) error {
	c.Set("Connection", "close") // want `Connection: close`
	return nil
}

func fasthttpHandler(ctx *fasthttp.RequestCtx) {
	ctx.Response.Header.Set("Connection", "close") // want `Connection: close`
	ctx.SetConnectionClose()                       // want `ctx.SetConnectionClose\(\) makes the response Connection: close`
	ctx.Response.Header.SetConnectionClose()       // want `Connection: close`
}

func hertzHandler(c context.Context, ctx *app.RequestContext) {
	ctx.Header("Connection", "close") // want `Connection: close`
	ctx.SetConnectionClose()          // want `ctx.SetConnectionClose\(\) makes the response Connection: close`
}

// A fasthttp client request: not a finding.
func fasthttpClient(c *fasthttp.Client) error {
	var req fasthttp.Request
	var resp fasthttp.Response
	req.Header.Set("Connection", "close")
	req.Header.SetConnectionClose()
	return c.Do(&req, &resp)
}
