// Package main covers FC101 on values chosen at run time.
package main

import (
	"cmp"
	"net/http"
	"os"
)

// a loopback fallback when an environment variable is unset.
func hostFallback() {
	host := os.Getenv("HOST")
	if host == "" {
		host = "127.0.0.1"
	}
	http.ListenAndServe(host+":"+os.Getenv("FC_CUSTOM_LISTEN_PORT"), nil) // want `can listen on 127\.0\.0\.1:\$FC_CUSTOM_LISTEN_PORT, a loopback address \(the fallback when HOST is unset\)`
}

// cmp.Or with a loopback fallback.
func cmpOr() {
	addr := cmp.Or(os.Getenv("LISTEN_ADDR"), "localhost:9000")
	http.ListenAndServe(addr, nil) // want `can listen on localhost:9000.*fallback when LISTEN_ADDR is unset`
}

// a local assigned on two paths: one of them loopback.
func twoPaths(debug bool) {
	addr := ":9000"
	if debug {
		addr = "127.0.0.1:9000"
	}
	http.ListenAndServe(addr, nil) // want `can listen on 127\.0\.0\.1:9000, a loopback address;`
}

// the same package-level variable set from a helper's return value.
var listenAddr = defaultAddr()

func defaultAddr() string { return "localhost:9000" }

func packageVar() {
	http.ListenAndServe(listenAddr, nil) // want `listens on localhost:9000`
}

// a cycle (a = a + x in a loop) ends in unknown, not in a hang or a finding.
func cycle(parts []string) {
	addr := ""
	for _, p := range parts {
		addr = addr + p
	}
	http.ListenAndServe(addr, nil)
}

// mutually recursive helpers end in unknown.
func ping(n int) string {
	if n == 0 {
		return pong(n)
	}
	return ping(n - 1)
}

func pong(n int) string { return ping(n + 1) }

func recursive() { http.ListenAndServe(ping(3), nil) }

func main() {}
