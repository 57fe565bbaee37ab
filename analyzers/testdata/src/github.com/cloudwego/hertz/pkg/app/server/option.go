package server

import (
	"time"

	"github.com/cloudwego/hertz/pkg/common/config"
)

// WithHostPorts sets the listen address (default ":8888").
func WithHostPorts(addr string) config.Option {
	return config.Option{F: func(o *config.Options) { o.Addr = addr }}
}

// WithNetwork sets the listen network (default "tcp").
func WithNetwork(nw string) config.Option {
	return config.Option{F: func(o *config.Options) { o.Network = nw }}
}

func WithReadTimeout(t time.Duration) config.Option {
	return config.Option{F: func(o *config.Options) { o.ReadTimeout = t }}
}

func WithWriteTimeout(t time.Duration) config.Option {
	return config.Option{F: func(o *config.Options) { o.WriteTimeout = t }}
}

func WithIdleTimeout(t time.Duration) config.Option {
	return config.Option{F: func(o *config.Options) { o.IdleTimeout = t }}
}

func WithKeepAliveTimeout(t time.Duration) config.Option {
	return config.Option{F: func(o *config.Options) { o.KeepAliveTimeout = t }}
}

func WithKeepAlive(b bool) config.Option {
	return config.Option{F: func(o *config.Options) { o.DisableKeepalive = !b }}
}

func WithExitWaitTime(timeout time.Duration) config.Option {
	return config.Option{F: func(o *config.Options) { o.ExitWaitTimeout = timeout }}
}
