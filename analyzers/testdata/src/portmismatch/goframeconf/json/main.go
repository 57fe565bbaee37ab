// Package main: the configuration is JSON, with an "httpserver" node and a
// key written in another case; two addresses are two servers, the one on
// the CAPort makes the other a side server.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server().Run()
}
