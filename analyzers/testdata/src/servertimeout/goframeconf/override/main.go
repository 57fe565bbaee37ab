// Package main: near miss, the code clears the timeouts config.yaml sets.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server()
	s.SetReadTimeout(0)
	s.SetIdleTimeout(0)
	s.Run()
}
