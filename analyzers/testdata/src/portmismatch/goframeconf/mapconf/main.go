// Package main sets the address with SetPort and SetConfigWithMap.
package main

import (
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
)

func main() {
	s := g.Server()
	s.SetConfigWithMap(g.Map{"address": ":8000", "readTimeout": "0s"}) // want `listens on port 8000`
	s.Run()
	t := ghttp.GetServer("b")
	t.SetPort(8080) // want `listens on port 8080`
	t.Run()
	u := ghttp.GetServer("c")
	u.SetConfig(ghttp.ServerConfig{Address: "0.0.0.0:7000"}) // want `listens on port 7000`
	u.Start()
}
