// Package servertimeoutframeworks2 is the FC104 fixture for the frameworks
// modelled from their source (docs/frameworks.md): GoFrame's 60 s defaults
// and setters, and gRPC's MaxConnectionAge.
package servertimeoutframeworks2

import (
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

// GoFrame: g.Server() keeps ReadTimeout and IdleTimeout 60 s.
func goFrameDefaults() {
	s := g.Server() // want `g.Server serves with GoFrame's default ReadTimeout 1m and IdleTimeout 1m`
	s.Run()
}

// GoFrame: the idle timeout cleared, the read timeout kept: idle
// connections still close after 60 s (net/http falls back to ReadTimeout).
func goFrameIdleOnly() {
	s := ghttp.GetServer() // want `ghttp.GetServer serves with GoFrame's default ReadTimeout 1m, so idle keep-alive connections are also closed after 1m`
	s.SetIdleTimeout(0)
	s.Run()
}

// GoFrame: a setter below 24 h.
func goFrameSetter() {
	s := ghttp.GetServer("api")
	s.SetReadTimeout(0)
	s.SetIdleTimeout(5 * time.Minute) // want `GoFrame server IdleTimeout is 5m: the server closes idle keep-alive connections after 5m`
	s.Run()
}

// near miss, GoFrame: both timeouts cleared.
func goFrameCleared() {
	s := g.Server("admin")
	s.SetReadTimeout(0)
	s.SetIdleTimeout(0)
	s.Run()
}

// gRPC: MaxConnectionAge below 24 h ends FC's one shared connection.
func grpcAge() *grpc.Server {
	return grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAge: 30 * time.Minute, // want `keepalive.ServerParameters MaxConnectionAge is 30m: the server ends every connection about 30m after it opens`
	}))
}

// near miss, gRPC: only the grace period (it counts after an age only).
func grpcGrace() *grpc.Server {
	return grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
		MaxConnectionAgeGrace: 30 * time.Second,
		MaxConnectionAge:      48 * time.Hour,
	}))
}
