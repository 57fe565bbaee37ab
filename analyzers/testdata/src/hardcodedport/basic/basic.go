// Package main covers FC103: CAPort written in the code.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gin-gonic/gin"
)

// a literal ":9000".
func literal() {
	http.ListenAndServe(":9000", nil) // want `CAPort 9000 is written as a literal`
}

// "0.0.0.0:9000" in an http.Server literal.
func serverLiteral() {
	srv := &http.Server{Addr: "0.0.0.0:9000"}
	srv.ListenAndServe() // want `CAPort 9000 is written as a literal \(9000 comes from basic\.go:\d+\)`
}

// a named constant.
const port = 9000

func constant() {
	net.Listen("tcp", fmt.Sprintf(":%d", port)) // want `CAPort 9000 is written as a literal \(9000 comes from the constant port`
}

// a flag default.
var addr = flag.String("addr", ":9000", "listen address")

func flagDefault() {
	gin.Default().Run(*addr) // want `9000 comes from the -addr flag's default`
}

// hertz with WithHostPorts.
func hertz() {
	server.New(server.WithHostPorts("[::]:9000")).Spin() // want `CAPort 9000 is written as a literal`
}

// Not findings: the port read from FC's environment (with a literal fallback),
// a loopback address (FC101's), a non-CAPort port (FC102's).
func notFindings() {
	p := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if p == "" {
		p = "9000"
	}
	http.ListenAndServe(":"+p, nil)
	http.ListenAndServe("127.0.0.1:9000", nil)
	http.ListenAndServe(":8080", nil)
}

func main() {}
