// Package main covers FC101's side-server rule when the function's server is
// on the wrong port: the pprof server is still a side server, so FC101 reports
// nothing here (FC102's report on the main server is portmismatch/sidewrong).
package main

import "net/http"

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	http.ListenAndServe(":8080", nil)
}
