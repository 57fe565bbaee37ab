// Package main is a goctl-style go-zero service.
package main

import (
	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/rest"
)

// Config is the service's configuration.
type Config struct {
	rest.RestConf
}

func main() {
	var c Config
	conf.MustLoad("etc/api.yaml", &c)
	server := rest.MustNewServer(c.RestConf) // want `rest.MustNewServer gives every route a deadline of 3s; .*; 3s is the default of Timeout, which etc/api.yaml leaves out; go-zero also sets the server.s ReadTimeout to 4/5`
	server.Start()
}
