// Package main covers FC102 on library defaults.
package main

import (
	"net/http"

	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// gin's Run() without an address: $PORT, else :8080.
func ginDefault() {
	gin.Default().Run() // want `listens on port 8080.*port 8080 is gin's default because Run\(\) has no address and PORT is not set`
}

// an http.Server without Addr listens on :80.
func emptyAddr() {
	srv := &http.Server{Handler: http.NotFoundHandler()}
	srv.ListenAndServe() // want `listens on port 80.*; port 80 is net/http's default \(:http\) when Addr is empty$`
}

// a zero http.Server declared with var.
func zeroServer() {
	var srv http.Server
	srv.ListenAndServe() // want `listens on port 80`
}

// http.ListenAndServe with an empty address.
func emptyString() {
	http.ListenAndServe("", nil) // want `listens on port 80`
}

// an http.Server without Addr serving TLS listens on :443.
func emptyAddrTLS() {
	srv := &http.Server{}
	srv.ListenAndServeTLS("cert.pem", "key.pem") // want `listens on port 443.*; port 443 is net/http's default \(:https\) when Addr is empty$`
}

// hertz without WithHostPorts: :8888.
func hertzDefault() {
	server.Default().Spin() // want `listens on port 8888.*hertz's default because no server\.WithHostPorts option is given`
}

// echo v4 Start with a non-CAPort literal.
func echoStart() {
	echo.New().Start(":1323") // want `listens on port 1323`
}

// echo v4 StartTLS.
func echoStartTLS() {
	echo.New().StartTLS(":8443", "c.pem", "k.pem") // want `listens on port 8443`
}

// a server returned by a helper.
func newServer() *http.Server { return &http.Server{Addr: ":8444"} }

func helperServer() {
	newServer().ListenAndServe() // want `listens on port 8444`
}

// Addr assigned later through a struct that holds the server.
type api struct{ server *http.Server }

func holderAssigned() {
	a := &api{server: &http.Server{Handler: http.NotFoundHandler()}}
	a.server.Addr = ":8081"
	a.server.ListenAndServe() // want `listens on port 8081`
}

// Addr assigned through another variable of the same server.
func aliasAssigned() {
	srv := new(http.Server)
	alias := srv
	alias.Addr = ":8082"
	srv.ListenAndServe() // want `listens on port 8082`
}

func main() {}
