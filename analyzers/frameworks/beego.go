package frameworks

func init() {
	// Run("host:port") sets Listen.HTTPAddr and Listen.HTTPPort; without an
	// argument both come from conf/app.conf (httpaddr, httpport; default
	// :8080), read by beegoAppConf. ServerTimeOut (seconds) becomes
	// ReadTimeout and WriteTimeout (not followed).
	for _, v := range []struct{ name, pkg, source string }{
		{"beego v2", "github.com/beego/beego/v2/server/web",
			"github.com/beego/beego/v2 tag v2.3.10, not served by the module proxy (server/web/beego.go, server.go, config.go)"},
		{"beego v1", "github.com/astaxie/beego", "github.com/astaxie/beego@v1.12.3 (beego.go, config.go)"},
	} {
		Register(&Framework{
			Name:   v.name,
			Source: v.source,
			Fix:    `web.Run(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")), or httpport in conf/app.conf`,
			Listen: map[string]Listen{
				v.pkg + ".Run": {How: FromVariadic, Arg: 0, Default: ":8080",
					DefaultWhy: "beego's default (Run() has no address and there is no conf/app.conf)", FromFile: beegoAppConf},
				v.pkg + ".RunWithMiddleWares": {How: FromArg, Arg: 0},
			},
		})
	}
}
