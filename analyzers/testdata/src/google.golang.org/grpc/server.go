// Package grpc is a test stand-in for google.golang.org/grpc: the real
// import path and signatures, no behavior.
package grpc

import (
	"net"

	"google.golang.org/grpc/keepalive"
)

// Server is a gRPC server.
type Server struct{}

// ServerOption configures a Server.
type ServerOption interface {
	apply(*serverOptions)
}

type serverOptions struct {
	keepaliveParams keepalive.ServerParameters
}

type funcServerOption struct{ f func(*serverOptions) }

func (o *funcServerOption) apply(so *serverOptions) { o.f(so) }

// NewServer returns a server with the options applied.
func NewServer(opt ...ServerOption) *Server { return &Server{} }

// KeepaliveParams sets the server's keep-alive parameters
// (MaxConnectionIdle, MaxConnectionAge, ...).
func KeepaliveParams(kp keepalive.ServerParameters) ServerOption {
	return &funcServerOption{f: func(o *serverOptions) { o.keepaliveParams = kp }}
}

// Serve accepts connections on lis.
func (s *Server) Serve(lis net.Listener) error { return nil }

// Stop closes every connection.
func (s *Server) Stop() {}
