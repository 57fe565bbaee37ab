// Package main starts the GoFrame server "api": it takes its own node
// under server when there is one.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server("api").Run() // want `listens on port 8000.*port 8000 is Server.api.address: 8000 in config/config.yml:4`
}
