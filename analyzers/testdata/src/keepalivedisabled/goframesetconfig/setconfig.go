// Package goframesetconfig: s.SetConfig replaces the whole configuration
// (net/ghttp/ghttp_server_config.go at v2.10.2), so a ghttp.ServerConfig
// literal without KeepAlive: true turns keep-alive off.
package goframesetconfig

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

// The literal leaves KeepAlive out.
func leftOut() {
	s := g.Server("a")
	_ = s.SetConfig(ghttp.ServerConfig{Address: ":9000"}) // want `s.SetConfig turns HTTP keep-alive off \(the ghttp.ServerConfig literal has no KeepAlive: true\)`
	s.Run()
}

// The literal turns it off by name.
func explicit() {
	s := ghttp.GetServer()
	if err := s.SetConfig(ghttp.ServerConfig{Address: ":9000", KeepAlive: false}); err != nil { // want `GoFrame server KeepAlive: false turns HTTP keep-alive off`
		panic(err)
	}
	s.Run()
}

// near miss: KeepAlive: true in the literal.
func keptOn() {
	s := g.Server("b")
	s.SetConfig(ghttp.ServerConfig{Address: ":9000", KeepAlive: true})
	s.Run()
}

// near miss: SetKeepAlive(true) after the literal turns it back on.
func turnedBackOn() {
	s := g.Server("c")
	s.SetConfig(ghttp.ServerConfig{Address: ":9000"})
	s.SetKeepAlive(true)
	s.Run()
}

// near miss: a configuration that is not a literal is not followed
// (ghttp.NewConfig() keeps keep-alive on).
func fromNewConfig() {
	s := g.Server("d")
	c := ghttp.NewConfig()
	c.Address = ":9000"
	s.SetConfig(c)
	s.Run()
}
