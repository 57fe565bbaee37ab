// Package main: near miss, the server goes to another package's function,
// which sets its address, so Run's address is unknown here.
package main

import (
	"portmismatch/goframeconf/handed/setup"

	"github.com/gogf/gf/v2/frame/g"
)

func main() {
	s := g.Server()
	setup.Routes(s)
	s.Run()
}
