// Package main: gconv.Bool reads "OFF" as false, and the server node of the
// instance "api" is the one that applies; the top node's keepAlive: true
// does not.
package main

import "github.com/gogf/gf/v2/frame/g"

func main() {
	g.Server("api").Run() // want `g.Server turns HTTP keep-alive off \(server.api.keep_alive: OFF in config.yaml:5\)`
}
