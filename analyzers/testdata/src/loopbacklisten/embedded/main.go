// Package main starts servers through types that embed http.Server: the
// address is promoted, set in the embedded literal or through the outer type.
package main

import "net/http"

// Server embeds a pointer: its Addr is the embedded server's.
type Server struct {
	*http.Server
	name string
}

// Value embeds by value: Addr is set through the outer type.
type Value struct {
	http.Server
}

func inLiteral() {
	s := &Server{Server: &http.Server{Addr: "127.0.0.1:9000"}, name: "api"}
	s.ListenAndServe() // want `server listens on 127\.0\.0\.1:9000, a loopback address`
}

func throughOuter() {
	v := &Value{}
	v.Addr = "localhost:9000"
	v.ListenAndServe() // want `server listens on localhost:9000, a loopback address`
}

// nearMiss sets the promoted address to all interfaces.
func nearMiss() {
	v := &Value{}
	v.Addr = ":9000"
	v.ListenAndServe()
}

func main() {
	go inLiteral()
	go throughOuter()
	nearMiss()
}
