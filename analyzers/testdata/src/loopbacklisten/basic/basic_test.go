package main

import (
	"net/http"
	"testing"
)

// test files: a loopback listen in a test is not the function's server.
func TestServer(t *testing.T) {
	go http.ListenAndServe("127.0.0.1:9000", nil)
}
