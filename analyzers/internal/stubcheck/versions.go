// Package stubcheck keeps the framework stand-ins under analyzers/testdata/src
// honest. Names checks that every name a framework table uses is declared
// by its stand-in, with the same receiver; Compare checks a stand-in against
// the real package, which the FCLINT_STUBCHECK=1 test downloads through the
// Go module proxy at the versions pinned below.
package stubcheck

import "strings"

// Module is a framework module that has stand-ins, pinned to the version the
// stand-ins imitate and docs/frameworks.md cites.
type Module struct {
	Path    string
	Version string
	// Unserved says why the module proxy does not serve the module. Its
	// stand-ins are modelled from the source at Version's git tag, say so in
	// their package comment, and the real-module check skips them.
	Unserved string
}

const proxyRefused = "the Go module proxy refuses it (403, \"This module version is not available\")"

// Modules is the one place the pinned versions live.
var Modules = []Module{
	{Path: "github.com/aliyun/fc-runtime-go-sdk", Version: "v0.3.1", Unserved: proxyRefused},
	{Path: "github.com/astaxie/beego", Version: "v1.12.3"},
	{Path: "github.com/beego/beego/v2", Version: "v2.3.10", Unserved: proxyRefused},
	{Path: "github.com/cloudflare/tableflip", Version: "v1.2.3"},
	{Path: "github.com/cloudwego/hertz", Version: "v0.10.4"},
	{Path: "github.com/gin-contrib/timeout", Version: "v1.2.1", Unserved: proxyRefused},
	{Path: "github.com/gin-gonic/autotls", Version: "v0.0.5"},
	{Path: "github.com/gin-gonic/gin", Version: "v1.12.0"},
	{Path: "github.com/go-chi/chi", Version: "v1.5.5"},
	{Path: "github.com/go-chi/chi/v5", Version: "v5.5.0"},
	{Path: "github.com/go-kratos/kratos/v2", Version: "v2.8.3"},
	{Path: "github.com/gofiber/fiber/v2", Version: "v2.52.15"},
	{Path: "github.com/gofiber/fiber/v3", Version: "v3.1.0"},
	{Path: "github.com/gogf/gf/v2", Version: "v2.10.2", Unserved: proxyRefused},
	{Path: "github.com/gorilla/mux", Version: "v1.8.1"},
	{Path: "github.com/kataras/iris/v12", Version: "v12.2.11"},
	{Path: "github.com/labstack/echo", Version: "v3.3.10+incompatible"},
	{Path: "github.com/labstack/echo/v4", Version: "v4.16.4"},
	{Path: "github.com/labstack/echo/v5", Version: "v5.4.5"},
	{Path: "github.com/redis/go-redis/v9", Version: "v9.23.0"},
	{Path: "github.com/valyala/fasthttp", Version: "v1.78.0"},
	{Path: "github.com/zeromicro/go-zero", Version: "v1.10.3"},
	{Path: "golang.org/x/net", Version: "v0.62.0"},
	{Path: "google.golang.org/grpc", Version: "v1.85.0"},
}

// Resolutions are requirements the check adds that no stand-in imitates:
// they settle conflicts between the frameworks' own requirements.
var Resolutions = []Module{
	// beego v1 reaches ledisdb, which requires a 2017 github.com/ugorji/go
	// that still holds the codec package gin imports from its own module:
	// an ambiguous import unless the root module is raised past the split.
	{Path: "github.com/ugorji/go", Version: "v1.2.14"},
}

// KnownDrift are differences between a stand-in and its real module that
// are kept on purpose, each with the reason; the real-module check logs them
// instead of failing. Keep this list short: every entry is a place where
// the fixtures do not see what real code sees.
var KnownDrift = map[string]string{
	// fasthttp v1.78.0 declares SetConnectionClose once, on the unexported
	// header type both headers embed, so its FullName no longer tells a
	// response (FC105) from a client's request. The registry still names
	// (*ResponseHeader).SetConnectionClose, which real code at this version
	// never calls by that name: the keep-alive rule must match the receiver's
	// type instead (reported to the server-model work).
	"github.com/valyala/fasthttp.ResponseHeader: method SetConnectionClose": "promoted from fasthttp.header in v1.78.0",
	"github.com/valyala/fasthttp.RequestHeader: method SetConnectionClose":  "promoted from fasthttp.header in v1.78.0",
}

// ModuleOf returns the pinned module that holds a package: the longest
// module path that is the package path or a prefix of it at a slash.
func ModuleOf(pkgPath string) (Module, bool) {
	var best Module
	found := false
	for _, m := range Modules {
		if (pkgPath == m.Path || strings.HasPrefix(pkgPath, m.Path+"/")) && len(m.Path) > len(best.Path) {
			best, found = m, true
		}
	}
	return best, found
}
