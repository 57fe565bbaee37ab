// Package main stores flag defaults into struct fields (this file) and reads
// them in a method in another file (serve.go).
package main

import "flag"

type options struct {
	addr  string
	admin string
}

func parseFlags() *options {
	o := &options{}
	flag.StringVar(&o.addr, "addr", "127.0.0.1:9000", "listen address")
	flag.StringVar(&o.admin, "admin", ":9000", "admin address")
	flag.Parse()
	return o
}
