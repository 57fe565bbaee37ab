// Package transport is a test stand-in for
// github.com/go-kratos/kratos/v2/transport: the real import path and
// signatures, no behavior.
package transport

import "context"

// Server is a transport server that an App starts and stops.
type Server interface {
	Start(context.Context) error
	Stop(context.Context) error
}
