// Package web is a test stand-in for github.com/beego/beego/v2/server/web:
// the real import path and signatures, no behavior.
//
// The module is not served by the Go module proxy, so this stand-in is
// modelled from the source at tag v2.3.10 (server/web/beego.go, config.go,
// server.go).
package web

import "net/http"

// Config is beego's configuration (a subset), read from conf/app.conf.
type Config struct {
	AppName string
	Listen  Listen
}

// Listen holds the listen settings. HTTPPort defaults to 8080 (app.conf
// httpport); ServerTimeOut (seconds) is the ReadTimeout and WriteTimeout.
type Listen struct {
	ServerTimeOut int64
	HTTPAddr      string
	HTTPPort      int
}

// MiddleWare wraps the server's handler.
type MiddleWare func(http.Handler) http.Handler

// BConfig is the configuration in use.
var BConfig *Config

// Run listens on host:port from its argument, else from BConfig.Listen.
func Run(params ...string) {}

// RunWithMiddleWares is Run with middlewares.
func RunWithMiddleWares(addr string, mws ...MiddleWare) {}
