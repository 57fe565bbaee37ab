// Package main starts beego without an address: conf/app.conf decides it.
package main

import "github.com/beego/beego/v2/server/web"

func main() {
	web.Run()
}
