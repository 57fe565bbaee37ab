// Package main covers FC102 on the frameworks added from their source (see
// docs/frameworks.md): each framework's way to pick a port, and its default.
// The near misses are in portmismatch/frameworks2ok: a server on CAPort
// beside these would make them sidecars.
package main

import (
	"flag"
	"net/http"

	"github.com/astaxie/beego"
	"github.com/beego/beego/v2/server/web"
	"github.com/cloudflare/tableflip"
	"github.com/gin-gonic/autotls"
	"github.com/go-kratos/kratos/v2"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/kataras/iris/v12"
	echo3 "github.com/labstack/echo"
	echo4 "github.com/labstack/echo/v4"
	"github.com/zeromicro/go-zero/core/conf"
	"github.com/zeromicro/go-zero/rest"
)

// echo v3: Start with another port.
func echoV3() {
	echo3.New().Start(":1323") // want `listens on port 1323`
}

// echo v3: an empty address is net.Listen("tcp", ""), a random port.
func echoV3Empty() {
	echo3.New().Start("") // want `listens on port 0, .*; an empty address listens on a random port$`
}

// echo v4: the same (configureServer calls net.Listen on the address).
func echoV4Empty() {
	echo4.New().Start("") // want `listens on port 0, .*; an empty address listens on a random port$`
}

// iris: Listen on another port, and Run(iris.Addr("")), which is :8080.
func irisListen() {
	app := iris.New()
	app.Listen(":8081")                               // want `listens on port 8081`
	app.Run(iris.Addr(""))                            // want `listens on port 8080.*iris's default \(:8080\) when the address is empty`
	app.Run(iris.Server(&http.Server{Addr: ":8082"})) // want `listens on port 8082`
}

// beego v2 and v1: Run("host:port").
func beegoRun() {
	web.Run(":8083")   // want `listens on port 8083`
	beego.Run(":8084") // want `listens on port 8084`
}

// autotls: always :443, whatever the arguments.
func autoTLS(h http.Handler) {
	autotls.Run(h, "example.com") // want `listens on port 443.*autotls's fixed HTTPS port`
}

// tableflip: upg.Listen is net.Listen.
func tableflipListen() {
	upg, _ := tableflip.New(tableflip.Options{})
	ln, _ := upg.Listen("tcp", ":8085") // want `listens on port 8085`
	_ = ln
}

// GoFrame: SetAddr with another port, and with an empty address (:80).
func goFrame() {
	s := g.Server()
	s.SetAddr(":8000") // want `listens on port 8000`
	s.Run()
	t := ghttp.GetServer("admin")
	t.SetAddr("") // want `listens on port 80.*GoFrame's default \(:80\) when the address is empty`
	t.Run()
}

// Kratos: NewServer without an Address option listens on a random port;
// with one, on its port.
func kratosServers() {
	hs := khttp.NewServer()                       // want `listens on port 0, .*; Kratos's default \(:0, a random port\) because no http.Address option is given`
	gs := kgrpc.NewServer(kgrpc.Address(":8001")) // want `listens on port 8001`
	kratos.New(kratos.Server(hs, gs)).Run()
}

// Kratos: options built into a local slice are NewServer's options; an
// address appended in a branch leaves the default possible, which is not
// followed.
func kratosSlices(addr string) {
	opts := []khttp.ServerOption{khttp.Address(":8002")}
	hs := khttp.NewServer(opts...) // want `listens on port 8002`
	var gopts []kgrpc.ServerOption
	if addr != "" {
		gopts = append(gopts, kgrpc.Address(":8003"))
	}
	gs := kgrpc.NewServer(gopts...) // want `can listen on port 8003`
	kratos.New(kratos.Server(hs, gs)).Run()
}

// go-zero: a RestConf literal's Port; an unset Port is 0, a random port.
func goZero() {
	rest.MustNewServer(rest.RestConf{Host: "0.0.0.0", Port: 8888}).Start() // want `listens on port 8888`
	srv, _ := rest.NewServer(rest.RestConf{Host: "0.0.0.0"})               // want `listens on port 0, .*; port 0 picks a random port$`
	srv.Start()
}

// go-zero: a RestConf filled by conf.MustLoad is not known.
type config struct{ rest.RestConf }

var configFile = flag.String("f", "etc/api.yaml", "the config file")

func goZeroLoaded() {
	var c config
	conf.MustLoad(*configFile, &c)
	rest.MustNewServer(c.RestConf).Start()
}

func main() {}
