package frameworks

import "time"

// GoFrame passes its timeouts to a net/http Server
// (net/ghttp/ghttp_server_graceful.go), so net/http's fallbacks apply.
var GoFrame = &Timing{Name: "GoFrame", IdleFallsBackToRead: true, ServerName: "GoFrame server"}

const (
	ghttpPkg    = "github.com/gogf/gf/v2/net/ghttp"
	ghttpServer = "(*" + ghttpPkg + ".Server)"
	gfGServer   = "github.com/gogf/gf/v2/frame/g.Server"
	gfGetServer = ghttpPkg + ".GetServer"
)

func init() {
	// All from github.com/gogf/gf/v2 at tag v2.10.2.
	//
	// GetServer applies NewConfig(): Address ":0", ReadTimeout 60 s,
	// IdleTimeout 60 s, KeepAlive true (net/ghttp/ghttp_server_config.go);
	// it reads no file. g.Server is gins.Server (frame/gins/gins_server.go):
	// GetServer plus, when gcfg finds a configuration file, the node
	// "server" (or "httpserver"; keys matched without case or symbols)
	// through SetConfigWithMap: its child named like the instance
	// ("server.default") when that is a non-empty map, else the node
	// itself (gfconf.go reads it).
	//
	// Run and Start listen on config.Address, comma-separated, ":80" when
	// empty (startServer in net/ghttp/ghttp_server.go); SetAddr, SetPort,
	// SetConfig and SetConfigWithMap change it, SetConfig prefixing ":" to
	// an address without one. A start in a package that calls none of them
	// is the site: the configuration file's address, else ":0".
	defaults := map[Knob]time.Duration{ReadTimeout: 60 * time.Second, IdleTimeout: 60 * time.Second}
	const fix = "call s.SetReadTimeout(0) and s.SetIdleTimeout(0) before s.Run() (0 is no timeout), " +
		"or set readTimeout and idleTimeout to 0 in the server section of the configuration file"
	start := Start{Timing: GoFrame, From: "GoFrame", Defaults: defaults, Name: "GoFrame server", JoinVariable: true, Fix: fix}
	fileStart := start
	fileStart.FileSettings = goFrameSettings
	built := Listen{How: FromBuilt, Default: ":0", DefaultWhy: gfRandomWhy,
		Constructors:     []string{gfGServer, gfGetServer},
		FileConstructors: []string{gfGServer},
		BuiltFile:        goFrameAddrs,
		Setters: []string{
			ghttpServer + ".SetAddr", ghttpServer + ".SetPort", ghttpServer + ".SetConfig",
			ghttpServer + ".SetConfigWithMap", ghttpServer + ".SetListener",
			ghttpServer + ".SetHTTPSAddr", ghttpServer + ".SetHTTPSPort",
		}}
	Register(&Framework{
		Name:   "GoFrame",
		Source: "github.com/gogf/gf/v2 tag v2.10.2, not served by the module proxy (net/ghttp/ghttp_server.go, ghttp_server_config.go, frame/gins/gins_server.go, os/gcfg/gcfg_adapter_file.go)",
		Fix:    `s.SetAddr(":" + os.Getenv("FC_CUSTOM_LISTEN_PORT"))`,
		Listen: map[string]Listen{
			// startServer replaces an empty address with defaultHttpAddr ":80".
			ghttpServer + ".SetAddr": {How: FromArg, Arg: 0, EmptyAddr: ":80",
				EmptyWhy: "GoFrame's default (:80) when the address is empty"},
			ghttpServer + ".SetPort": {How: FromPorts, Arg: 0},
			// SetConfig replaces the whole configuration: a literal without
			// Address leaves it empty, so ":80".
			ghttpServer + ".SetConfig": {How: FromArgField, Arg: 0, Field: "Address", EmptyAddr: ":80",
				EmptyWhy: "GoFrame's default (:80) when the address is empty"},
			ghttpServer + ".SetConfigWithMap": {How: FromMapKey, Arg: 0, Field: "address", EmptyAddr: ":80",
				EmptyWhy: "GoFrame's default (:80) when the address is empty"},
			ghttpServer + ".Run":   built,
			ghttpServer + ".Start": built,
		},
		Options: map[string]Option{
			ghttpServer + ".SetReadTimeout":  {GoFrame, ReadTimeout},
			ghttpServer + ".SetWriteTimeout": {GoFrame, WriteTimeout},
			ghttpServer + ".SetIdleTimeout":  {GoFrame, IdleTimeout},
			ghttpServer + ".SetKeepAlive":    {GoFrame, KeepAlive},
		},
		// SetConfig assigns its argument to the server's configuration
		// (net/ghttp/ghttp_server_config.go), defaults and all.
		Replacers: map[string]Replacer{
			ghttpServer + ".SetConfig": {Timing: GoFrame, Type: "ghttp.ServerConfig", Fields: map[string]Knob{
				"ReadTimeout": ReadTimeout, "WriteTimeout": WriteTimeout, "IdleTimeout": IdleTimeout, "KeepAlive": KeepAlive,
			}},
		},
		Starts: map[string]Start{
			gfGetServer: start,
			gfGServer:   fileStart,
		},
	})
}
