// Package keepalivedisabledframeworks2 is the FC105 fixture for the
// frameworks modelled from their source (docs/frameworks.md): fasthttp's
// MaxRequestsPerConn and GoFrame's SetKeepAlive.
package keepalivedisabledframeworks2

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/valyala/fasthttp"
)

// fasthttp: a request limit per connection.
func limited(h fasthttp.RequestHandler) *fasthttp.Server {
	return &fasthttp.Server{
		Handler:            h,
		MaxRequestsPerConn: 100, // want `fasthttp.Server MaxRequestsPerConn is 100: the server closes each connection after 100 requests`
	}
}

// near miss, fasthttp: 0 is no limit.
func unlimited(h fasthttp.RequestHandler) *fasthttp.Server {
	return &fasthttp.Server{Handler: h, MaxRequestsPerConn: 0}
}

// GoFrame: SetKeepAlive(false).
func goFrameOff() {
	s := g.Server()
	s.SetKeepAlive(false) // want `s.SetKeepAlive\(false\) turns HTTP keep-alive off`
	s.Run()
}

// near miss, GoFrame: SetKeepAlive(true), the default.
func goFrameOn() {
	s := g.Server("b")
	s.SetKeepAlive(true)
	s.Run()
}
