package frameworks

import "time"

// GoFrame passes its timeouts to a net/http Server
// (net/ghttp/ghttp_server_graceful.go), so net/http's fallbacks apply.
var GoFrame = &Timing{Name: "GoFrame", IdleFallsBackToRead: true, ServerName: "GoFrame server"}

const ghttpServer = "(*github.com/gogf/gf/v2/net/ghttp.Server)"

func init() {
	// GetServer applies NewConfig(): Address ":0", ReadTimeout 60 s,
	// IdleTimeout 60 s (net/ghttp/ghttp_server_config.go); g.Server is
	// GetServer plus the configuration file's server section
	// (frame/gins/gins_server.go). Not followed here: the ":0" of a server
	// whose address is never set, SetPort, SetConfig, config.yaml.
	defaults := map[Knob]time.Duration{ReadTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second}
	const fix = "call s.SetReadTimeout(0) and s.SetIdleTimeout(0) before s.Run() (0 is no timeout), " +
		"or set readTimeout and idleTimeout to 0 in the server section of the configuration file"
	start := Start{Timing: GoFrame, From: "GoFrame", Defaults: defaults, Name: "GoFrame server", JoinVariable: true, Fix: fix}
	Register(&Framework{
		Name:   "GoFrame",
		Source: "github.com/gogf/gf/v2 tag v2.10.2, not served by the module proxy (net/ghttp/ghttp_server.go, ghttp_server_config.go)",
		Fix:    `s.SetAddr(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			// startServer replaces an empty address with defaultHttpAddr ":80".
			ghttpServer + ".SetAddr": {How: FromArg, Arg: 0, EmptyAddr: ":80",
				EmptyWhy: "GoFrame's default (:80) when the address is empty"},
		},
		Options: map[string]Option{
			ghttpServer + ".SetReadTimeout":  {GoFrame, ReadTimeout},
			ghttpServer + ".SetWriteTimeout": {GoFrame, WriteTimeout},
			ghttpServer + ".SetIdleTimeout":  {GoFrame, IdleTimeout},
			ghttpServer + ".SetKeepAlive":    {GoFrame, KeepAlive},
		},
		Starts: map[string]Start{
			"github.com/gogf/gf/v2/net/ghttp.GetServer": start,
			"github.com/gogf/gf/v2/frame/g.Server":      start,
		},
	})
}
