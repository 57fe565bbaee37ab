// Package keepalive is a test stand-in for google.golang.org/grpc/keepalive:
// the real import path and fields, no behavior.
package keepalive

import "time"

// ServerParameters configure server-side keepalive; zero durations keep the
// defaults (MaxConnectionIdle, MaxConnectionAge: infinity; Time: 2h; Timeout: 20s).
type ServerParameters struct {
	MaxConnectionIdle     time.Duration
	MaxConnectionAge      time.Duration
	MaxConnectionAgeGrace time.Duration
	Time                  time.Duration
	Timeout               time.Duration
}

// ClientParameters configure client-side keepalive.
type ClientParameters struct {
	Time                time.Duration
	Timeout             time.Duration
	PermitWithoutStream bool
}
