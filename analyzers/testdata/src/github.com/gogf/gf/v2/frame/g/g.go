// Package g is a test stand-in for github.com/gogf/gf/v2/frame/g: the real
// import path and signatures, no behavior.
//
// The module is not served by the Go module proxy, so this stand-in is
// modelled from the source at tag v2.10.2 (frame/g/g.go, g_object.go).
package g

import "github.com/gogf/gf/v2/net/ghttp"

// Map is alias of frequently-used map type map[string]any.
type Map = map[string]any

// Server returns ghttp.GetServer(name...) with the "server" node of the
// configuration file applied, when there is one.
func Server(name ...any) *ghttp.Server { return ghttp.GetServer(name...) }
