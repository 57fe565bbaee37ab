// Package main covers FC102 with a configuration (s.yaml beside it): values
// from environmentVariables and from customRuntimeConfig.args.
package main

import (
	"flag"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
)

var (
	listenAddr = flag.String("listen", ":8080", "address")     // overridden by --listen :9000 in s.yaml
	debugAddr  = flag.String("debug-addr", ":7070", "address") // overridden by -debug-addr=:6060 in s.yaml
)

// the flag default is overridden by the configured args: no finding.
func flagFromArgs() {
	http.ListenAndServe(*listenAddr, nil)
}

// gin's Run() reads PORT, which the configuration sets to CAPort: no finding.
func ginPort() {
	gin.Default().Run()
}

// PORT from environmentVariables with a fallback: the fallback is dead.
func envFromConfig() {
	p := os.Getenv("PORT")
	if p == "" {
		p = "8080"
	}
	http.ListenAndServe(":"+p, nil)
}

func main() {}
