// Package main: near miss, config.yaml clears both default timeouts (a
// number is nanoseconds, 0 is no timeout).
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server().Run()
}
