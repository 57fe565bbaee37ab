// Package frameworks is the framework registry: everything fclint knows about
// a server framework lives in that framework's own file here. A file
// declares one Framework (its server entry points, the defaults it applies,
// its option setters, its handler-deadline middleware and its fix text) and
// registers it from init. The analyzers (listen for FC101–FC103, serverconf
// for FC104/FC105, handlertimeout for FC106) read only this registry.
//
// Adding a framework:
//  1. Read the framework's source at a pinned version and write
//     <framework>.go here: func init() { Register(&Framework{...}) }, citing
//     in Source the module version and in comments the file each default
//     comes from.
//  2. Add a stub of the framework's API under
//     analyzers/testdata/src/<import path> (only what the fixtures use) and a
//     fixture with a finding and a near-miss for each rule it feeds.
//  3. Nothing else changes: the rules judge every registered framework alike.
//
// Names are types.Func.FullName forms ("net/http.ListenAndServe",
// "(*net/http.Server).ListenAndServe"); types and fields are written
// "importpath.Name".
package frameworks

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

// Framework is one server framework (or one major version of it).
type Framework struct {
	// Name is how messages and docs name the framework: "gin", "echo v5".
	Name string
	// Source is the module and version the defaults were read from:
	// "github.com/gin-gonic/gin@v1.10.0"; "" for the standard library.
	Source string
	// Fix shows how this framework listens on FC's port, for fix texts.
	Fix string
	// Listen are the calls that start a server, by FullName (FC101–FC103).
	Listen map[string]Listen
	// Structs are configuration structs holding server knobs, by
	// "importpath.Type" (FC104, FC105).
	Structs map[string]Struct
	// Options are functions or methods whose first argument sets a knob, by
	// FullName: package functions are functional options, methods set the
	// knob on their receiver.
	Options map[string]Option
	// Replacers are methods whose first argument replaces the receiver's
	// whole configuration, by FullName (FC104, FC105).
	Replacers map[string]Replacer
	// Starts are calls that build and serve a server with defaults of their
	// own, by FullName.
	Starts map[string]Start
	// Deadlines are handler-deadline middleware (FC106): calls by FullName
	// with the index of the deadline argument.
	Deadlines map[string]int
	// DeadlineFields are configuration structs holding a handler deadline,
	// by "importpath.Type": the field.
	DeadlineFields map[string]string
	// DefaultDeadlines are middleware constructors with a deadline of their
	// own unless one of their options sets another, by FullName.
	DefaultDeadlines map[string]DefaultDeadline
	// ConfDeadlines are server constructors whose configuration argument
	// holds a deadline every route gets (go-zero's RestConf.Timeout), by
	// FullName.
	ConfDeadlines map[string]ConfDeadline
	// HeaderSetters set a response header (key argument 0, value argument
	// 1); ConnectionClosers mark a response "Connection: close" (FC105).
	HeaderSetters, ConnectionClosers []string
	// Loaders fill a struct from a configuration file (go-zero's
	// conf.MustLoad(path, &c)), by types.Func.FullName.
	Loaders map[string]Loader
}

// Loader is a function that fills the struct its DestArg points to from the
// YAML or JSON file named by PathArg: keys match field names (or json tag
// names) without case, an embedded struct's fields sit inline, and a field
// the file leaves out takes its `json:",default=X"` tag.
type Loader struct {
	PathArg, DestArg int
}

// Loaders returns every configuration loader, by FullName.
func Loaders() map[string]Loader {
	out := map[string]Loader{}
	for _, f := range All() {
		for name, l := range f.Loaders {
			out[name] = l
		}
	}
	return out
}

// How says where a server entry point takes its address from.
type How uint8

const (
	FromArg        How = iota // argument Arg is the address
	FromNetArgs               // argument Arg-1 is the network, Arg the address (net.Listen)
	FromRecvField             // the receiver's Field (http.Server.Addr)
	FromArgField              // argument Arg is a struct (pointer); its Field
	FromVariadic              // variadic argument Arg, else Env, else Default (gin's Run)
	FromOptions               // the constructor's AddrOption, else Default (hertz)
	FromTCPAddr               // argument Arg is a *net.TCPAddr (net.ListenTCP)
	FromOwnOptions            // the call's own AddrOption argument, else Default (Kratos's NewServer)
	FromHostPort              // argument Arg is a struct; its Field (host) and PortField (go-zero's RestConf)
	FixedAddr                 // always Default: no argument changes it (autotls)
	NotASite                  // serves an existing listener or a unix socket: no address of its own
	// FromBuilt: the receiver's constructor decides (GoFrame's Run): no site
	// when the package calls one of Setters, else BuiltFile's addresses for
	// a constructor in FileConstructors, else Default.
	FromBuilt
	// FromPorts: each integer argument from Arg on is a port the server
	// listens on as well as the others (GoFrame's SetPort).
	FromPorts
	// FromMapKey: argument Arg is a map literal whose key Field, matched
	// without case or symbols, is the address (GoFrame's SetConfigWithMap);
	// no site without the key.
	FromMapKey
)

// Listen is one server entry point.
type Listen struct {
	How   How
	Arg   int
	Field string
	Env   string // the environment variable a missing address reads (gin: PORT)
	// Default is the address when none is given; DefaultWhy completes
	// "port N is ...": "gin's default because Run() has no address".
	Default, DefaultWhy string
	// EmptyAddr is what an empty address means (":http"); EmptyWhy explains
	// it: it completes "port N is ..." for a nonzero port, else it is a sentence.
	EmptyAddr, EmptyWhy string
	// Constructors build the server whose options hold the address
	// (FromOptions); AddrOption is the option that sets it.
	Constructors []string
	AddrOption   string
	// PortField is the integer port field beside the host Field (FromHostPort).
	PortField string
	// FromFile reads the address a missing argument means from a file beside
	// the package (beego's conf/app.conf), with the environment env; ok is
	// false without the file (Default then applies). FromVariadic only.
	FromFile func(dir string, env func(string) (string, bool)) (addr FileAddr, ok bool)
	// Setters (FromBuilt) set the address of a built server; when the
	// package calls one, those calls are the sites and the start is none.
	Setters []string
	// FileConstructors (FromBuilt) are the Constructors whose server reads
	// the configuration file; BuiltFile reads its addresses there for the
	// instance name ("" without a name argument) from the folders dirs, in
	// order. ok is false without a file (Default then applies); addrs is
	// nil when the file cannot be read: the address is unknown. Several
	// addresses are all listened on.
	FileConstructors []string
	BuiltFile        func(instance string, dirs []string, env Env) (addrs []FileAddr, ok bool)
}

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
	// MaxConnectionAge is gRPC's: after it (±10 %) the server sends GOAWAY
	// and ends the connection, busy or idle.
	MaxConnectionAge
	// MaxRequestsPerConn is fasthttp's: a positive value closes a connection
	// after that many requests (Connection: close on the last response).
	MaxRequestsPerConn
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
	case MaxConnectionAge:
		return "MaxConnectionAge"
	case MaxRequestsPerConn:
		return "MaxRequestsPerConn"
	}
	return "Knob(?)"
}

// Timeout reports whether the knob is a duration that can cut connections.
func (k Knob) Timeout() bool {
	return k == ReadTimeout || k == WriteTimeout || k == IdleTimeout || k == MaxConnectionAge
}

// Timing describes how a server family interprets its timeouts; several
// frameworks share one (echo serves through net/http).
type Timing struct {
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
	// ServerName names a server configured by setter methods in messages
	// ("GoFrame server"); "" is "http.Server".
	ServerName string
}

// NetHTTP is net/http's timing, shared by the frameworks serving through it.
var NetHTTP = &Timing{Name: "net/http", IdleFallsBackToRead: true, HeaderTimeout: "ReadHeaderTimeout"}

// Struct is a struct type whose fields configure a server, in a composite
// literal or by assignment.
type Struct struct {
	Timing *Timing
	Name   string // as users write it, for messages: "http.Server"
	Fields map[string]Knob
}

// Option sets Knob from its first argument.
type Option struct {
	Timing *Timing
	Knob   Knob
}

// Replacer is a method whose first argument, a struct, replaces the
// receiver's whole configuration (GoFrame's s.SetConfig(ghttp.ServerConfig{}))
// so that a field a composite literal leaves out is its zero value: no
// timeout, and keep-alive off for a KeepAlive switch. An argument that is not
// a literal is not followed.
type Replacer struct {
	Timing *Timing
	Type   string // as users write it, for messages: "ghttp.ServerConfig"
	Fields map[string]Knob
}

// Start is a call that builds and serves a server with defaults.
type Start struct {
	Timing   *Timing
	From     string // whose defaults, for messages: "echo v5"
	Defaults map[Knob]time.Duration
	// Options: the call's arguments are functional options of OptionPkg.
	Options   bool
	OptionPkg string
	// Hook names the receiver's field holding a func(*http.Server) that may
	// change the defaults before serving (echo v5's BeforeServeFunc).
	Hook string
	// Name names the server in messages ("hertz server" when empty, or
	// "http.Server" for net/http timing).
	Name string
	// JoinVariable: the variable the call's result is stored in is the
	// server, so setter methods called on it join it (GoFrame's
	// s := g.Server(); s.SetIdleTimeout(0)).
	JoinVariable bool
	// Fix is the fix text when defaults stay in force; "" for the built-in
	// texts of echo v5 and hertz.
	Fix string
	// FileSettings reads the knobs the configuration file gives the server
	// the call builds (GoFrame's g.Server): instance is the call's name
	// argument ("" without one), dirs the folders searched in order. They
	// replace Defaults. found is false without a file; known is false when
	// the file cannot be read, so the defaults are unknown.
	FileSettings func(instance string, dirs []string, env Env) (settings []FileSetting, found, known bool)
}

// ConfDeadline is a deadline in a configuration struct: argument Arg's Field
// counts Unit each, and applies when the boolean field path Switch is true.
// Note completes the message (what else the same value sets).
type ConfDeadline struct {
	Arg    int
	Field  string
	Unit   time.Duration
	Switch []string
	Note   string
}

// DefaultDeadline is a middleware constructor's own deadline and the option
// (FullName) that sets another.
type DefaultDeadline struct {
	Deadline time.Duration
	Option   string
}

var (
	mu         sync.Mutex
	registered = map[string]*Framework{}
)

// Register adds a framework; a second framework of the same name, or a name
// another framework already registers, is a programming error.
func Register(f *Framework) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registered[f.Name]; dup {
		panic(fmt.Sprintf("frameworks: %s registered twice", f.Name))
	}
	for _, other := range registered {
		for name := range f.Listen {
			if _, dup := other.Listen[name]; dup {
				panic(fmt.Sprintf("frameworks: %s and %s both list %s", f.Name, other.Name, name))
			}
		}
	}
	registered[f.Name] = f
}

// All returns the registered frameworks by name.
func All() []*Framework {
	mu.Lock()
	defer mu.Unlock()
	out := make([]*Framework, 0, len(registered))
	for _, f := range registered {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ListenEntry is a server entry point with its framework.
type ListenEntry struct {
	Listen
	Framework *Framework
}

// Listens returns every server entry point, by FullName.
func Listens() map[string]ListenEntry {
	out := map[string]ListenEntry{}
	for _, f := range All() {
		for name, l := range f.Listen {
			out[name] = ListenEntry{l, f}
		}
	}
	return out
}
