// Package fc is a test stand-in for github.com/aliyun/fc-runtime-go-sdk/fc
// (the go1 runtime's SDK): the real import path and signatures, no behavior.
package fc

import "context"

// Start long-polls FC_RUNTIME_API and calls handler; it binds no port.
func Start(handler interface{}) {}

// StartWithContext is Start with a base context.
func StartWithContext(ctx context.Context, handler interface{}) {}

// StartHttp serves HTTP-trigger invocations (FC 2.0 only).
func StartHttp(handler interface{}) {}

// StartHandler starts a handler value.
func StartHandler(handler Handler) {}

// Handler is an invocation handler.
type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// RegisterInitializeFunction registers the initializer.
func RegisterInitializeFunction(f func(ctx context.Context)) {}
