// Package main covers FC101 on the frameworks added from their source (see
// docs/frameworks.md), with a near miss for each.
package main

import (
	"github.com/astaxie/beego"
	"github.com/beego/beego/v2/server/web"
	"github.com/cloudflare/tableflip"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/kataras/iris/v12"
	echo3 "github.com/labstack/echo"
	"github.com/zeromicro/go-zero/rest"
)

// echo v3.
func echoV3() {
	echo3.New().Start("127.0.0.1:9000") // want `listens on 127\.0\.0\.1:9000`
	echo3.New().Start("0.0.0.0:9000")
}

// iris.
func irisListen() {
	iris.New().Listen("localhost:9000") // want `listens on localhost:9000`
	iris.New().Run(iris.Addr(":9000"))
}

// beego v2 and v1.
func beegoRun() {
	web.Run("127.0.0.1:9000")   // want `listens on 127\.0\.0\.1:9000`
	beego.Run("localhost:9000") // want `listens on localhost:9000`
	web.Run(":9000")
}

// tableflip.
func tableflipListen() {
	upg, _ := tableflip.New(tableflip.Options{})
	upg.Listen("tcp", "127.0.0.1:9000") // want `listens on 127\.0\.0\.1:9000`
	upg.Listen("tcp", ":9000")
}

// GoFrame.
func goFrame() {
	g.Server().SetAddr("127.0.0.1:9000") // want `listens on 127\.0\.0\.1:9000`
	g.Server("b").SetAddr(":9000")
}

// Kratos.
func kratosServer() {
	khttp.NewServer(khttp.Address("127.0.0.1:9000")) // want `listens on 127\.0\.0\.1:9000`
	khttp.NewServer(khttp.Address("0.0.0.0:9000"))
}

// go-zero: Host on loopback.
func goZero() {
	rest.MustNewServer(rest.RestConf{Host: "127.0.0.1", Port: 9000}) // want `listens on 127\.0\.0\.1:9000`
	rest.MustNewServer(rest.RestConf{Host: "0.0.0.0", Port: 9000})
}

func main() {}
