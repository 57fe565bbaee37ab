// Package fc is a test stand-in for github.com/aliyun/fc-runtime-go-sdk/fc
// (the go1 runtime's SDK): the real import path and signatures, no behavior.
//
// The module is not served by the Go module proxy, so this stand-in is
// modelled from the source at tag v0.3.1 (fc/entry.go, fc/handler.go).
package fc

import "context"

// functionType tells the event and the HTTP entry points apart.
type functionType uint8

// Start long-polls FC_RUNTIME_API and calls handler; it binds no port.
func Start(handler interface{}) {}

// StartWithContext is Start with a base context.
func StartWithContext(ctx context.Context, handler interface{}, funcType functionType) {}

// StartHttp serves HTTP-trigger invocations (FC 2.0 only).
func StartHttp(handler interface{}) {}

// StartHandler starts a handler value.
func StartHandler(handler Handler) {}

// Handler is an invocation handler.
type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// RegisterInitializerFunction registers the initializer.
func RegisterInitializerFunction(handler interface{}) {}
