// Package config is a test stand-in for
// github.com/cloudwego/hertz/pkg/common/config: the real import path and
// signatures, no behavior.
package config

import "time"

// Option configures Options.
type Option struct {
	F func(o *Options)
}

// Options are a hertz server's settings. Defaults (NewOptions): Addr ":8888",
// Network "tcp", ReadTimeout 3m, IdleTimeout 3m, KeepAliveTimeout 1m.
type Options struct {
	Addr             string
	Network          string
	KeepAliveTimeout time.Duration
	ReadTimeout      time.Duration
	WriteTimeout     time.Duration
	IdleTimeout      time.Duration
	DisableKeepalive bool
	ExitWaitTimeout  time.Duration
}

// NewOptions applies opts over the defaults.
func NewOptions(opts []Option) *Options {
	o := &Options{
		Addr:             ":8888",
		Network:          "tcp",
		KeepAliveTimeout: time.Minute,
		ReadTimeout:      3 * time.Minute,
		IdleTimeout:      3 * time.Minute,
		ExitWaitTimeout:  5 * time.Second,
	}
	for _, op := range opts {
		op.F(o)
	}
	return o
}
