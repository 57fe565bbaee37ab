// Package main starts GoFrame without setting an address: g.Server()
// applies the server node of manifest/config/config.yaml.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	s := g.Server()
	s.Run() // want `listens on port 8000, but FC sends requests to CAPort 9000.*port 8000 is server.address: :8000 in manifest/config/config.yaml:3`
}
