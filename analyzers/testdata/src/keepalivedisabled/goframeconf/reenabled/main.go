// Package main: near miss, the code turns keep-alive back on after the
// configuration file turned it off.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server()
	s.SetKeepAlive(true)
	s.Run()
}
