// Package main starts beego without an address: conf/app.conf decides it.
package main

import "github.com/beego/beego/v2/server/web"

func main() {
	web.Run() // want `listens on port 8080, but FC sends requests to CAPort 9000.*port 8080 is httpport = 8080 in conf/app.conf:2`
}
