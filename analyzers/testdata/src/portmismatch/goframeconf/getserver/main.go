// Package main starts a ghttp.GetServer server: it reads no configuration
// file, so config.yaml's address does not apply and it listens on ":0".
package main

import "github.com/gogf/gf/v2/net/ghttp"

func main() {
	ghttp.GetServer().Run() // want `listens on port 0.*GoFrame's default \(:0, a random port\): NewConfig's address`
}
