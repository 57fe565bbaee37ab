// Package main: the server node of the instance "api"; "1d" is a day
// (gtime.ParseDuration), a bare number nanoseconds.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server("api").Run() // want `GoFrame server IdleTimeout is 1ns.*server.api.idleTimeout: 1 in config.yaml:6`
}
