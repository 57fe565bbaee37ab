// Package main covers FC101 for the only server, on loopback with a port
// fclint cannot evaluate: the message says the port is unknown.
package main

import (
	"net/http"
	"os"
)

func main() {
	http.ListenAndServe("127.0.0.1:"+os.Args[1], nil) // want `server listens on 127\.0\.0\.1 \(port unknown\), a loopback address;`
}
