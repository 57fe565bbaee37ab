// Package beego is a test stand-in for github.com/astaxie/beego (v1): the
// real import path and signatures, no behavior.
package beego

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
