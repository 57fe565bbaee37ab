// Package main is the near-miss of ../method: the host is all interfaces.
package main

import "loopbacklisten/layouts/method/app"

func main() {
	a := app.New("0.0.0.0")
	a.Run()
}
