// Package fasthttp is a test stand-in for github.com/valyala/fasthttp: the
// real import path and signatures, no behavior.
package fasthttp

import "time"

// RequestHandler serves a request.
type RequestHandler func(ctx *RequestCtx)

// Server is a fasthttp server (the fields fclint reads).
type Server struct {
	Handler               RequestHandler
	Name                  string
	ReadTimeout           time.Duration
	WriteTimeout          time.Duration
	IdleTimeout           time.Duration
	MaxIdleWorkerDuration time.Duration
	DisableKeepalive      bool
	MaxRequestsPerConn    int
	TCPKeepalive          bool
	TCPKeepalivePeriod    time.Duration
}

// RequestCtx is a request's context.
type RequestCtx struct {
	Request  Request
	Response Response
}

// Request is an HTTP request.
type Request struct {
	Header RequestHeader
}

// RequestHeader holds request headers.
type RequestHeader struct{}

func (h *RequestHeader) Set(key, value string) {}
func (h *RequestHeader) SetConnectionClose()   {}

// Response is an HTTP response.
type Response struct {
	Header ResponseHeader
}

func (resp *Response) SetConnectionClose() {}

// ResponseHeader holds response headers.
type ResponseHeader struct{}

func (h *ResponseHeader) Set(key, value string)          {}
func (h *ResponseHeader) Add(key, value string)          {}
func (h *ResponseHeader) SetCanonical(key, value []byte) {}
func (h *ResponseHeader) SetConnectionClose()            {}

func (ctx *RequestCtx) SetBodyString(body string)         {}
func (ctx *RequestCtx) WriteString(s string) (int, error) { return len(s), nil }
func (ctx *RequestCtx) SetConnectionClose()               {}
func (ctx *RequestCtx) SetStatusCode(statusCode int)      {}
