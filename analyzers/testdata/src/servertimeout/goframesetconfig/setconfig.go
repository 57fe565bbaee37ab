// Package goframesetconfig: s.SetConfig replaces the whole configuration, so
// the 60 s defaults of g.Server and ghttp.GetServer no longer apply; the
// literal's own timeouts do.
package goframesetconfig

import (
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

// A literal timeout: time.Duration counts nanoseconds, not seconds.
func literalTimeout() {
	s := g.Server("a")
	s.SetConfig(ghttp.ServerConfig{
		Address:     ":9000",
		IdleTimeout: 300, // want `GoFrame server IdleTimeout is 300ns`
		KeepAlive:   true,
	})
	s.Run()
}

// A setter after the literal.
func setterAfter() {
	s := ghttp.GetServer()
	s.SetConfig(ghttp.ServerConfig{Address: ":9000", KeepAlive: true})
	s.SetReadTimeout(30 * time.Second) // want `GoFrame server ReadTimeout is 30s`
	s.Run()
}

// near miss: the literal sets no timeout, so there is none (no 60 s default).
func noTimeouts() {
	s := g.Server("b")
	s.SetConfig(ghttp.ServerConfig{Address: ":9000", KeepAlive: true})
	s.Run()
}

// near miss: a literal timeout that a later setter clears.
func clearedAfter() {
	s := g.Server("c")
	s.SetConfig(ghttp.ServerConfig{Address: ":9000", ReadTimeout: time.Minute, KeepAlive: true})
	s.SetReadTimeout(0)
	s.Run()
}

// A configuration that is not a literal is not followed: the defaults stay.
func fromNewConfig() {
	s := g.Server("d") // want `g.Server serves with GoFrame's default ReadTimeout 1m and IdleTimeout 1m`
	c := ghttp.NewConfig()
	c.Address = ":9000"
	s.SetConfig(c)
	s.Run()
}
