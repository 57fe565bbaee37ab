// Package grpc is a test stand-in for
// github.com/go-kratos/kratos/v2/transport/grpc: the real import path and
// signatures, no behavior.
package grpc

import (
	"context"
	"net"
	"time"

	"google.golang.org/grpc"
)

// Server is a Kratos gRPC server. NewServer defaults: address ":0" (a
// random port) and a 1 s deadline on every unary call's context.
type Server struct {
	*grpc.Server
	address string
	timeout time.Duration
}

// ServerOption configures a Server.
type ServerOption func(o *Server)

func Network(network string) ServerOption            { return func(*Server) {} }
func Address(addr string) ServerOption               { return func(s *Server) { s.address = addr } }
func Timeout(timeout time.Duration) ServerOption     { return func(s *Server) { s.timeout = timeout } }
func Listener(lis net.Listener) ServerOption         { return func(*Server) {} }
func Options(opts ...grpc.ServerOption) ServerOption { return func(*Server) {} }

// NewServer returns a server; Start listens on its address.
func NewServer(opts ...ServerOption) *Server {
	return &Server{Server: grpc.NewServer(), address: ":0", timeout: time.Second}
}

func (s *Server) Start(ctx context.Context) error { return nil }
func (s *Server) Stop(ctx context.Context) error  { return nil }
