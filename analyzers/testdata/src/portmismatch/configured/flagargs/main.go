// Package main: the flag default :8080 is overridden by --listen :9000 in the
// s.yaml above (customRuntimeConfig.args). No finding.
package main

import (
	"flag"
	"net/http"
)

var listenAddr = flag.String("listen", ":8080", "address")

func main() { http.ListenAndServe(*listenAddr, nil) }
