// Package main: near misses. The package sets the address (a port alone
// is ":port"; SetPort with several ports listens on each, the CAPort among
// them), so config.yaml's :8000 and Run are not the sites; a map without
// an address sets none.
package main

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

func main() {
	s := g.Server()
	s.SetConfigWithMap(g.Map{"Address": 9000})
	s.SetConfigWithMap(g.Map{"read_timeout": 0})
	s.Run()
	t := ghttp.GetServer("b")
	t.SetPort(8081, 9000)
	t.Run()
}
