// Package main: keepAlive: false in manifest/config/config.yaml turns
// keep-alive off for g.Server().
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server() // want `g.Server turns HTTP keep-alive off \(server.keepAlive: false in manifest/config/config.yaml:3\): the server closes each connection`
	s.Run()
}
