// Package main: near miss, the server "admin" has no node of its own, so it
// takes the server node's address (a port alone is ":port").
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server("admin").Run()
}
