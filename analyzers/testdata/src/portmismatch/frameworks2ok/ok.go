// Package main holds the near misses of portmismatch/frameworks2: the same
// shapes on CAPort, or with an address fclint cannot know, report nothing.
package main

import (
	"net/http"
	"os"

	"github.com/beego/beego/v2/server/web"
	"github.com/cloudflare/tableflip"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	khttp "github.com/go-kratos/kratos/v2/transport/http"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/kataras/iris/v12"
	echo3 "github.com/labstack/echo"
	"github.com/zeromicro/go-zero/rest"
)

func main() {
	echo3.New().Start(":9000")
	iris.New().Listen(":9000")
	web.Run(":9000")
	web.Run() // no conf/app.conf here: beego's :8080, beside the server on :9000
	upg, _ := tableflip.New(tableflip.Options{})
	upg.Listen("tcp", ":"+os.Getenv("FC_SERVER_PORT"))
	g.Server().SetAddr(":9000")
	khttp.NewServer(khttp.Address(":9000"))
	var opts []kgrpc.ServerOption
	kgrpc.NewServer(opts...) // no options: a random port, beside the servers on :9000
	hopts := []khttp.ServerOption{khttp.Address(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))}
	khttp.NewServer(hopts...)
	rest.MustNewServer(rest.RestConf{Port: 9000})
	_ = http.StatusOK
}
