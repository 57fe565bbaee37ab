// Package main overwrites a loopback address before serving: in straight-line
// code the last assignment wins, so only the second server, whose address
// ends up loopback, is FC101.
package main

import "net/http"

func public() {
	addr := "127.0.0.1:9000"
	addr = ":9000"
	http.ListenAndServe(addr, nil)
}

func loopback() {
	addr := ":9000"
	addr = "127.0.0.1:9000"
	http.ListenAndServe(addr, nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address`
}

func main() {
	go public()
	loopback()
}
