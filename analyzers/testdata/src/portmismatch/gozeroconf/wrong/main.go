// Package main is a goctl-style go-zero service: the RestConf comes from
// the YAML file the -f flag names.
package main

import (
	"flag"

	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/rest"
)

var configFile = flag.String("f", "etc/api.yaml", "the config file")

// Config is the service's configuration.
type Config struct {
	rest.RestConf
	DataSource string
}

func main() {
	flag.Parse()
	var c Config
	conf.MustLoad(*configFile, &c)
	server := rest.MustNewServer(c.RestConf) // want `listens on port 8888.*8888 comes from Port: 8888 in etc/api.yaml:3`
	server.Start()
}
