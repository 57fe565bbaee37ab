package serverconf

import (
	"strings"
	"time"
)

// Knob is one server setting fclint judges.
type Knob int

const (
	ReadTimeout Knob = iota + 1
	WriteTimeout
	IdleTimeout
	// KeepAliveTimeout is hertz's TCP keep-alive probe period: it sends probes on
	// idle connections and closes none, so it is recorded but never judged.
	KeepAliveTimeout
	// KeepAlive is a switch whose false value disables HTTP keep-alive.
	KeepAlive
	// DisableKeepalive is a switch whose true value disables HTTP keep-alive.
	DisableKeepalive
)

func (k Knob) String() string {
	switch k {
	case ReadTimeout:
		return "ReadTimeout"
	case WriteTimeout:
		return "WriteTimeout"
	case IdleTimeout:
		return "IdleTimeout"
	case KeepAliveTimeout:
		return "KeepAliveTimeout"
	case KeepAlive:
		return "KeepAlive"
	case DisableKeepalive:
		return "DisableKeepalive"
	}
	return "Knob(?)"
}

// Timeout reports whether the knob is a duration that can cut connections.
func (k Knob) Timeout() bool { return k == ReadTimeout || k == WriteTimeout || k == IdleTimeout }

// Framework describes how a server family interprets its timeouts.
type Framework struct {
	Name string
	// IdleFallsBackToRead: a zero IdleTimeout uses ReadTimeout (net/http,
	// fasthttp, fiber), so a lone ReadTimeout also closes idle connections.
	IdleFallsBackToRead bool
	// ZeroUnconfirmed: whether 0 means "no timeout" is not documented (hertz);
	// zero and negative values are then unknown, never judged.
	ZeroUnconfirmed bool
	// HeaderTimeout names the knob that only bounds reading request headers,
	// the right slowloris guard; "" when the framework has none.
	HeaderTimeout string
}

var (
	NetHTTP  = &Framework{Name: "net/http", IdleFallsBackToRead: true, HeaderTimeout: "ReadHeaderTimeout"}
	FastHTTP = &Framework{Name: "fasthttp", IdleFallsBackToRead: true}
	Fiber    = &Framework{Name: "fiber", IdleFallsBackToRead: true}
	Hertz    = &Framework{Name: "hertz", ZeroUnconfirmed: true}
	// GRPC: keepalive.ServerParameters.MaxConnectionIdle closes a connection
	// idle that long with GOAWAY (default: infinity).
	GRPC = &Framework{Name: "grpc"}
)

// structKnobs is a struct type whose fields configure a server, in a
// composite literal or by assignment.
type structKnobs struct {
	Framework *Framework
	Name      string // as users write it, for messages
	Fields    map[string]Knob
}

var (
	timeoutFields     = map[string]Knob{"ReadTimeout": ReadTimeout, "WriteTimeout": WriteTimeout, "IdleTimeout": IdleTimeout}
	fasthttpishFields = map[string]Knob{
		"ReadTimeout": ReadTimeout, "WriteTimeout": WriteTimeout, "IdleTimeout": IdleTimeout,
		"DisableKeepalive": DisableKeepalive,
	}
)

// structs is keyed by "importpath.TypeName". Client configurations
// (http.Client, fasthttp.Client, redis.Options, net.Dialer) are absent on
// purpose: their timeouts bound outgoing calls, not FC's connections.
var structs = map[string]structKnobs{
	"net/http.Server":                    {NetHTTP, "http.Server", timeoutFields},
	"github.com/valyala/fasthttp.Server": {FastHTTP, "fasthttp.Server", fasthttpishFields},
	"github.com/gofiber/fiber/v2.Config": {Fiber, "fiber.Config", fasthttpishFields},
	"github.com/gofiber/fiber/v3.Config": {Fiber, "fiber.Config", fasthttpishFields},
	"google.golang.org/grpc/keepalive.ServerParameters": {GRPC, "keepalive.ServerParameters",
		map[string]Knob{"MaxConnectionIdle": IdleTimeout}},
}

// option is a function or method whose first argument sets a knob.
type option struct {
	Framework *Framework
	Knob      Knob
}

const hertzServer = "github.com/cloudwego/hertz/pkg/app/server"

// options is keyed by types.Func.FullName. Package functions are functional
// options; methods set the knob on their receiver.
var options = map[string]option{
	hertzServer + ".WithReadTimeout":      {Hertz, ReadTimeout},
	hertzServer + ".WithWriteTimeout":     {Hertz, WriteTimeout},
	hertzServer + ".WithIdleTimeout":      {Hertz, IdleTimeout},
	hertzServer + ".WithKeepAliveTimeout": {Hertz, KeepAliveTimeout},
	hertzServer + ".WithKeepAlive":        {Hertz, KeepAlive},

	"(*net/http.Server).SetKeepAlivesEnabled": {NetHTTP, KeepAlive},
}

// start is a call that builds and serves a server with framework defaults.
type start struct {
	Framework *Framework
	From      string // whose defaults, for messages: "echo v5"
	Defaults  map[Knob]time.Duration
	// Options: the call's arguments are functional options of OptionPkg.
	Options   bool
	OptionPkg string
	// Hook names the receiver's field holding a func(*http.Server) that may
	// change the defaults before serving (echo v5's BeforeServeFunc).
	Hook string
}

var (
	echo5Defaults = map[Knob]time.Duration{ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	hertzDefaults = map[Knob]time.Duration{ReadTimeout: 3 * time.Minute, IdleTimeout: 3 * time.Minute}
)

// starts is keyed by types.Func.FullName.
var starts = map[string]start{
	// echo v5 serves through StartConfig, whose http.Server has
	// ReadTimeout and WriteTimeout 30 s (set "for GoSec rule G112").
	"(*github.com/labstack/echo/v5.Echo).Start":          {Framework: NetHTTP, From: "echo v5", Defaults: echo5Defaults},
	"(github.com/labstack/echo/v5.StartConfig).Start":    {Framework: NetHTTP, From: "echo v5", Defaults: echo5Defaults, Hook: "BeforeServeFunc"},
	"(github.com/labstack/echo/v5.StartConfig).StartTLS": {Framework: NetHTTP, From: "echo v5", Defaults: echo5Defaults, Hook: "BeforeServeFunc"},
	// hertz: config.NewOptions sets ReadTimeout and IdleTimeout to 3 min.
	hertzServer + ".Default": {Framework: Hertz, From: "hertz", Defaults: hertzDefaults, Options: true, OptionPkg: hertzServer},
	hertzServer + ".New":     {Framework: Hertz, From: "hertz", Defaults: hertzDefaults, Options: true, OptionPkg: hertzServer},
}

// serverAPI holds every object the tables name (types, fields, functions,
// methods); a package that uses none of them is skipped.
var serverAPI = func() *APISet {
	var names []string
	for typ, s := range structs {
		names = append(names, typ)
		pkg, _ := splitQualified(typ)
		for f := range s.Fields {
			names = append(names, pkg+"."+f)
		}
	}
	for fn := range options {
		names = append(names, fn)
	}
	for fn := range starts {
		names = append(names, fn)
	}
	return NewAPISet(names...)
}()

// callNames are the bare names of options and starts: a cheap filter
// before building a callee's FullName.
var callNames = func() map[string]bool {
	m := map[string]bool{}
	for fn := range options {
		_, name := splitQualified(qualifiedName(fn))
		m[name] = true
	}
	for fn := range starts {
		_, name := splitQualified(qualifiedName(fn))
		m[name] = true
	}
	return m
}()

// qualifiedName turns a types.Func.FullName ("(*net/http.Server).Close",
// "net/http.Serve") into "importpath.Name" ("net/http.Close").
func qualifiedName(full string) string {
	if strings.HasPrefix(full, "(") {
		recv, name, _ := strings.Cut(full[1:], ").")
		pkg, _ := splitQualified(strings.TrimPrefix(recv, "*"))
		return pkg + "." + name
	}
	return full
}

// splitQualified splits "importpath.Name" at the dot after the last slash.
func splitQualified(s string) (pkg, name string) {
	i := strings.LastIndex(s, "/")
	j := strings.Index(s[i+1:], ".")
	if j < 0 {
		return s, ""
	}
	return s[:i+1+j], s[i+2+j:]
}
