// Package servertimeoutfiber is the FC104 fixture for fiber v2/v3 and fasthttp.
package servertimeoutfiber

import (
	"time"

	fiber2 "github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"
)

// fiber v2: a lone ReadTimeout is also the idle timeout.
func v2Read() {
	app := fiber2.New(fiber2.Config{ReadTimeout: 10 * time.Second}) // want `fiber.Config ReadTimeout is 10s: .*with IdleTimeout unset it also closes idle keep-alive connections after 10s`
	_ = app.Listen(":9000")
}

// fiber v3: an explicit short idle timeout.
func v3Idle() {
	app := fiber.New(fiber.Config{
		IdleTimeout:  5 * time.Second, // want `fiber.Config IdleTimeout is 5s`
		WriteTimeout: 0,
	})
	_ = app.Listen(":9000")
}

// fiber: 24 h and unset are fine.
func fiberFine() {
	_ = fiber.New(fiber.Config{ReadTimeout: 24 * time.Hour, IdleTimeout: 24 * time.Hour})
	_ = fiber2.New()
}

// fasthttp: literal and assignment.
func fasthttpServer(h fasthttp.RequestHandler) {
	s := &fasthttp.Server{
		Handler:     h,
		ReadTimeout: 5 * time.Second, // want `fasthttp.Server ReadTimeout is 5s: .*with IdleTimeout unset`
	}
	s.WriteTimeout = 5 * time.Second // want `fasthttp.Server WriteTimeout is 5s`
	_ = s.ListenAndServe(":9000")
}

// fasthttp: the client's timeouts bound outgoing calls: never a finding.
func fasthttpClient() *fasthttp.Client {
	c := &fasthttp.Client{ReadTimeout: 5 * time.Second, WriteTimeout: 5 * time.Second}
	c.ReadTimeout = time.Second
	return c
}

// fasthttp: TCP keep-alive period and worker idle time are not connection timeouts.
func fasthttpOther(h fasthttp.RequestHandler) *fasthttp.Server {
	return &fasthttp.Server{Handler: h, TCPKeepalivePeriod: time.Minute, MaxIdleWorkerDuration: time.Second}
}
