// Package main starts GoFrame without setting an address: near miss,
// manifest/config/config.yaml puts it on the CAPort.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server().Run()
}
