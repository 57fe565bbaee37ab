// Package main covers FC102 on loopback side servers: beside a server whose
// port fclint cannot know, a pprof server on localhost:6060 is not the
// function's server, so its port is not a finding (FC101 agrees).
package main

import (
	"encoding/json"
	"net/http"
	"os"
)

type config struct{ Addr string }

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	go http.ListenAndServe("127.0.0.1:6061", nil)
	// a public server on 8081 is still reported: it is not a side server by its address.
	go http.ListenAndServe(":8081", nil) // want `listens on port 8081`
	var cfg config
	_ = json.NewDecoder(os.Stdin).Decode(&cfg)
	http.ListenAndServe(cfg.Addr, nil)
}
