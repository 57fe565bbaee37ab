// Package main decides the host; a method of another package's type starts
// the server with it.
package main

import "loopbacklisten/layouts/method/app"

func main() {
	a := app.New("localhost")
	a.Run() // want `server listens on localhost:9000, a loopback address`
}
