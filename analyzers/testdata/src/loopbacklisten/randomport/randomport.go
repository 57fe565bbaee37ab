// Package randomport is a test helper outside _test.go files, as real modules
// have (grpc's internal/testutils): loopback listeners on a random port serve
// tests or the process itself, never FC, so neither FC101 nor FC102 reports
// them; a loopback listener on a fixed port still is a finding.
package randomport

import (
	"net"
	"net/http"
)

// LocalListener is the usual helper for tests.
func LocalListener() (net.Listener, error) {
	return net.Listen("tcp", "localhost:0")
}

// LocalServer starts a server for a test on a random loopback port.
func LocalServer(h http.Handler) (string, error) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(l, h)
	return l.Addr().String(), nil
}

// FixedPort is on a port a client could be meant to find: still reported.
func FixedPort() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:8123") // want `listens on (127\.0\.0\.1:|port )8123`
}
