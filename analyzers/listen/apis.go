package listen

import "strings"

// how says where a server API takes its address from.
type how uint8

const (
	fromArg       how = iota // argument Arg is the address
	fromNetArgs              // argument Arg-1 is the network, Arg the address (net.Listen)
	fromRecvField            // the receiver's Field (http.Server.Addr)
	fromArgField             // argument Arg is a struct (pointer); its Field
	fromVariadic             // variadic argument Arg, else Env, else Default (gin's Run)
	fromOptions              // the constructor's WithHostPorts option, else Default (hertz)
	fromTCPAddr              // argument Arg is a *net.TCPAddr (net.ListenTCP)
	notASite                 // serves an existing listener or a unix socket: no address of its own
)

// api describes one server entry point. Adding a framework means adding rows
// here; the rules do not change.
type api struct {
	Framework string
	How       how
	Arg       int
	Field     string
	Env       string // the environment variable a missing address reads (gin: PORT)
	Default   string // the address when none is given
	// DefaultWhy completes "port N is ..." for defaults: "gin's default because Run() has no address".
	DefaultWhy string
	// EmptyAddr is what an empty address means (":http"); EmptyWhy explains it:
	// it completes "port N is ..." for a nonzero port, else it is a sentence.
	EmptyAddr, EmptyWhy string
}

const (
	httpEmpty   = "net/http's default (:http) when Addr is empty"
	randomEmpty = "an empty address listens on a random port"
)

// apis are the calls that start a server, keyed by types.Func.FullName.
var apis = map[string]api{
	// net/http
	"net/http.ListenAndServe":              {Framework: "net/http", How: fromArg, Arg: 0, EmptyAddr: ":http", EmptyWhy: httpEmpty},
	"net/http.ListenAndServeTLS":           {Framework: "net/http", How: fromArg, Arg: 0, EmptyAddr: ":https", EmptyWhy: "net/http's default (:https) when the address is empty"},
	"(*net/http.Server).ListenAndServe":    {Framework: "net/http", How: fromRecvField, Field: "Addr", EmptyAddr: ":http", EmptyWhy: httpEmpty},
	"(*net/http.Server).ListenAndServeTLS": {Framework: "net/http", How: fromRecvField, Field: "Addr", EmptyAddr: ":https", EmptyWhy: "net/http's default (:https) when Addr is empty"},
	"net/http.Serve":                       {Framework: "net/http", How: notASite},
	"net/http.ServeTLS":                    {Framework: "net/http", How: notASite},
	"(*net/http.Server).Serve":             {Framework: "net/http", How: notASite},
	"(*net/http.Server).ServeTLS":          {Framework: "net/http", How: notASite},

	// net and crypto/tls
	"net.Listen":                 {Framework: "net", How: fromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: "an empty port listens on a random port"},
	"(*net.ListenConfig).Listen": {Framework: "net", How: fromNetArgs, Arg: 2, EmptyAddr: ":0", EmptyWhy: "an empty port listens on a random port"},
	"crypto/tls.Listen":          {Framework: "crypto/tls", How: fromNetArgs, Arg: 1, EmptyAddr: ":0", EmptyWhy: "an empty port listens on a random port"},
	"net.ListenTCP":              {Framework: "net", How: fromTCPAddr, Arg: 1, EmptyAddr: ":0", EmptyWhy: "port 0 listens on a random port"},

	// gin
	"(*github.com/gin-gonic/gin.Engine).Run": {Framework: "gin", How: fromVariadic, Arg: 0, Env: "PORT", Default: ":8080",
		DefaultWhy: "gin's default because Run() has no address and PORT is not set"},
	"(*github.com/gin-gonic/gin.Engine).RunTLS":      {Framework: "gin", How: fromArg, Arg: 0},
	"(*github.com/gin-gonic/gin.Engine).RunUnix":     {Framework: "gin", How: notASite},
	"(*github.com/gin-gonic/gin.Engine).RunListener": {Framework: "gin", How: notASite},

	// echo v4
	"(*github.com/labstack/echo/v4.Echo).Start":        {Framework: "echo", How: fromArg, Arg: 0, EmptyAddr: ":http", EmptyWhy: httpEmpty},
	"(*github.com/labstack/echo/v4.Echo).StartTLS":     {Framework: "echo", How: fromArg, Arg: 0},
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS": {Framework: "echo", How: fromArg, Arg: 0},
	"(*github.com/labstack/echo/v4.Echo).StartServer":  {Framework: "echo", How: fromArgField, Arg: 0, Field: "Addr", EmptyAddr: ":http", EmptyWhy: httpEmpty},

	// echo v5
	"(*github.com/labstack/echo/v5.Echo).Start":          {Framework: "echo", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: "an empty address listens on a random port"},
	"(github.com/labstack/echo/v5.StartConfig).Start":    {Framework: "echo", How: fromRecvField, Field: "Address", EmptyAddr: ":0", EmptyWhy: "an empty Address listens on a random port"},
	"(github.com/labstack/echo/v5.StartConfig).StartTLS": {Framework: "echo", How: fromRecvField, Field: "Address", EmptyAddr: ":0", EmptyWhy: "an empty Address listens on a random port"},

	// fiber
	"(*github.com/gofiber/fiber/v2.App).Listen":    {Framework: "fiber", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"(*github.com/gofiber/fiber/v2.App).ListenTLS": {Framework: "fiber", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"(*github.com/gofiber/fiber/v2.App).Listener":  {Framework: "fiber", How: notASite},
	"(*github.com/gofiber/fiber/v3.App).Listen":    {Framework: "fiber", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"(*github.com/gofiber/fiber/v3.App).Listener":  {Framework: "fiber", How: notASite},

	// fasthttp
	"github.com/valyala/fasthttp.ListenAndServe":               {Framework: "fasthttp", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"github.com/valyala/fasthttp.ListenAndServeTLS":            {Framework: "fasthttp", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"github.com/valyala/fasthttp.ListenAndServeUNIX":           {Framework: "fasthttp", How: notASite},
	"github.com/valyala/fasthttp.Serve":                        {Framework: "fasthttp", How: notASite},
	"(*github.com/valyala/fasthttp.Server).ListenAndServe":     {Framework: "fasthttp", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS":  {Framework: "fasthttp", How: fromArg, Arg: 0, EmptyAddr: ":0", EmptyWhy: randomEmpty},
	"(*github.com/valyala/fasthttp.Server).ListenAndServeUNIX": {Framework: "fasthttp", How: notASite},
	"(*github.com/valyala/fasthttp.Server).Serve":              {Framework: "fasthttp", How: notASite},

	// hertz: the address is an option of server.Default/New; serving starts at Spin/Run.
	"(*github.com/cloudwego/hertz/pkg/app/server.Hertz).Spin": {Framework: "hertz", How: fromOptions, Default: ":8888",
		DefaultWhy: "hertz's default because no server.WithHostPorts option is given"},
	"(*github.com/cloudwego/hertz/pkg/route.Engine).Run": {Framework: "hertz", How: fromOptions, Default: ":8888",
		DefaultWhy: "hertz's default because no server.WithHostPorts option is given"},
}

// hertzConstructors build a hertz server from options; hertzHostPorts is the
// option that sets its address.
var (
	hertzConstructors = map[string]bool{
		"github.com/cloudwego/hertz/pkg/app/server.Default": true,
		"github.com/cloudwego/hertz/pkg/app/server.New":     true,
	}
	hertzHostPorts = "github.com/cloudwego/hertz/pkg/app/server.WithHostPorts"
)

// tcpNetworks are the networks whose addresses FC can reach; unix sockets and
// UDP are not server sites.
var tcpNetworks = map[string]bool{"tcp": true, "tcp4": true, "tcp6": true}

// serverPackages are the packages whose import makes a package worth a
// closer look; apiNames the bare function names in apis, a cheap filter
// before building a callee's full name.
var (
	serverPackages = map[string]bool{}
	apiNames       = map[string]bool{}
)

func init() {
	for name := range apis {
		serverPackages[pkgOf(name)] = true
		apiNames[name[strings.LastIndexByte(name, '.')+1:]] = true
	}
	serverPackages["github.com/cloudwego/hertz/pkg/app/server"] = true
}

// pkgOf extracts the package path from a FullName: "net/http.Serve",
// "(*net/http.Server).Serve", "(github.com/x.T).M".
func pkgOf(fullName string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(fullName, "("), "*")
	if i := strings.IndexByte(s, ')'); i >= 0 {
		s = s[:i]
	}
	slash := strings.LastIndexByte(s, '/')
	return s[:slash+1+strings.IndexByte(s[slash+1:], '.')]
}
