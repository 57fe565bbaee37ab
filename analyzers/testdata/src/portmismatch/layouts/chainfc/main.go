// Package main is the near-miss of ../chain: the port is CAPort.
package main

import "portmismatch/layouts/chain/server"

func main() {
	server.Serve(9000)
}
