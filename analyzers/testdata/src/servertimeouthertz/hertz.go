// Package servertimeouthertz is the FC104 fixture for hertz.
package servertimeouthertz

import (
	"time"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"
)

// server.Default keeps hertz's 3 min read and idle timeouts.
func defaults() {
	h := server.Default(server.WithHostPorts(":9000")) // want `server.Default serves with hertz's default ReadTimeout 3m and IdleTimeout 3m;`
	h.Spin()
}

// An explicit short option is reported at the option; the idle default at the call.
func shortRead() {
	h := server.New( // want `server.New serves with hertz's default IdleTimeout 3m;`
		server.WithHostPorts(":9000"),
		server.WithReadTimeout(10*time.Second), // want `hertz server ReadTimeout is 10s: the server cuts a request it has not read within 10s; FC`
	)
	h.Spin()
}

// Both raised to 24 h: fine. KeepAliveTimeout is a TCP probe period: ignored.
func raised() {
	h := server.Default(
		server.WithHostPorts(":9000"),
		server.WithReadTimeout(24*time.Hour),
		server.WithIdleTimeout(24*time.Hour),
		server.WithKeepAliveTimeout(time.Minute),
	)
	h.Spin()
}

// An explicit 0: whether hertz reads it as "no timeout" is unconfirmed, so
// it is unknown and not reported.
func zero() {
	h := server.Default(server.WithReadTimeout(0), server.WithIdleTimeout(0))
	h.Spin()
}

// Options built into a local slice are the start's options: the short one is
// reported where it is written, and the read timeout nobody sets keeps its
// default.
func optionSlice() {
	opts := []config.Option{
		server.WithHostPorts(":9000"),
		server.WithIdleTimeout(time.Minute), // want `hertz server IdleTimeout is 1m`
	}
	h := server.New(opts...) // want `server.New serves with hertz's default ReadTimeout 3m`
	h.Spin()
}

// The near-miss: options given by the caller may override the defaults, so
// only the explicit short option is reported.
func optionParam(opts []config.Option) {
	opts = append(opts, server.WithIdleTimeout(time.Minute)) // want `hertz server IdleTimeout is 1m`
	h := server.New(opts...)
	h.Spin()
}
