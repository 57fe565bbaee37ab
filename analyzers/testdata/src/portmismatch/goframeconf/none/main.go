// Package main starts GoFrame without an address and without a
// configuration file: NewConfig's ":0", a random port.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server()
	s.Start() // want `listens on port 0.*GoFrame's default \(:0, a random port\).*there is no configuration file`
}
