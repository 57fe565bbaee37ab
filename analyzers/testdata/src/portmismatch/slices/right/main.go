// Package main is the near-miss of ../wrong: the slice holds CAPort, and a
// slice built at run time is not guessed.
package main

import (
	"net/http"
	"os"
	"strings"
)

func main() {
	for _, port := range []string{":9000"} {
		go func(p string) { http.ListenAndServe(p, nil) }(port)
	}
	for _, addr := range strings.Split(os.Getenv("ADDRS"), ",") {
		go http.ListenAndServe(addr, nil)
	}
	select {}
}
