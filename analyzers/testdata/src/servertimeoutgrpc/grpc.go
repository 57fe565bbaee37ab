// Package servertimeoutgrpc is the FC104 fixture for gRPC keepalive parameters.
package servertimeoutgrpc

import (
	"time"

	"google.golang.org/grpc/keepalive"
)

// MaxConnectionIdle below 24 h closes idle connections with GOAWAY.
var params = keepalive.ServerParameters{
	MaxConnectionIdle: 5 * time.Minute, // want `keepalive.ServerParameters MaxConnectionIdle is 5m: the server closes idle keep-alive connections after 5m`
	Time:              2 * time.Hour,   // pings, closes nothing healthy
	Timeout:           20 * time.Second,
}

// Zero keeps the default (infinity); client parameters are not the server's.
var fine = keepalive.ServerParameters{MaxConnectionIdle: 0}

var client = keepalive.ClientParameters{Time: 10 * time.Second, Timeout: time.Second}
