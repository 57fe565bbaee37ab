// Package main covers FC101's suggested fixes: only the literal changes.
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

// a literal address: the host goes.
func literal() {
	http.ListenAndServe("127.0.0.1:9000", nil) // want `listens on 127\.0\.0\.1:9000`
}

// a concatenation: only the literal is edited.
func concat() {
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	http.ListenAndServe("localhost:"+port, nil) // want `listens on localhost:`
}

// a constant used only here: the constant's literal is edited, its name kept.
const serverAddr = "127.0.0.1:9000"

func constant() {
	http.ListenAndServe(serverAddr, nil) // want `listens on 127\.0\.0\.1:9000`
}

// a constant also used by a client: no fix, the client needs the host.
const sharedAddr = "localhost:9001"

func shared() {
	http.Get("http://" + sharedAddr + "/")
	http.ListenAndServe(sharedAddr, nil) // want `listens on localhost:9001`
}

// Sprintf and JoinHostPort keep their shape.
func formatted() {
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	http.ListenAndServe(fmt.Sprintf("127.0.0.1:%s", port), nil)   // want `listens on 127\.0\.0\.1:`
	http.ListenAndServe(net.JoinHostPort("localhost", port), nil) // want `listens on localhost:`
}

// IPv6 loopback in brackets.
func ipv6() {
	net.Listen("tcp6", "[::1]:9000") // want `listens on \[::1\]:9000`
}

func main() {}
