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
	server := rest.MustNewServer(c.RestConf) // want `deadline of 30s; .*; 30s is Timeout: 30000 in etc/api.yaml:3`
	server.Start()
}
