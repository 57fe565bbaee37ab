// Package main: config.yaml sets readTimeout 30s, which replaces NewConfig's
// 60 s; idleTimeout stays at the 60 s default.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server() // want `GoFrame server ReadTimeout is 30s: the server cuts a request.*30s comes from server.readTimeout: 30s in manifest/config/config.yaml:4` `g.Server serves with GoFrame's default IdleTimeout 1m`
	s.Run()
}
