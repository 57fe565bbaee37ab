// Package main: near miss, ghttp.GetServer never reads the configuration
// file.
package main

import "github.com/gogf/gf/v2/net/ghttp"

func main() {
	s := ghttp.GetServer()
	s.SetAddr(":9000")
	s.Run()
}
