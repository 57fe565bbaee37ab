// Package evalcases checks the evaluator: show(x) reports the values of x,
// joined by " | "; "?" is unknown, "$FC_CUSTOM_LISTEN_PORT" the CAPort.
package evalcases

import (
	"cmp"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"
)

func show(v any) {}

// constants and constant expressions
func constants() {
	show("a" + "b")                  // want `^ab$`
	show(30 * time.Second)           // want `^30000000000$`
	show(http.DefaultMaxHeaderBytes) // want `^1048576$`
}

// durations through locals and conversions
func durations() {
	n := 5
	show(time.Duration(n) * time.Second) // want `^5000000000$`
	d := 2 * time.Minute
	show(d / 2) // want `^60000000000$`
}

// locals with several assignments
func locals(cond bool) {
	addr := ":9000"
	if cond {
		addr = ":8080"
	}
	show(addr) // want `^:9000 \| :8080$`
}

// environment: FC's port variable is the CAPort; others are unknown
func env() {
	show(os.Getenv("FC_CUSTOM_LISTEN_PORT"))              // want `^\$FC_CUSTOM_LISTEN_PORT$`
	show(os.Getenv("HOME"))                               // want `^\?$`
	show(cmp.Or(os.Getenv("FC_SERVER_PORT"), "9000"))     // want `^\$FC_CUSTOM_LISTEN_PORT \| 9000 \(fallback FC_SERVER_PORT is unset\)$`
	show(cmp.Or("8080", os.Getenv("PORT")))               // want `^8080$`
	show("0.0.0.0:" + os.Getenv("FC_CUSTOM_LISTEN_PORT")) // want `^0\.0\.0\.0:\$FC_CUSTOM_LISTEN_PORT$`
	show(net.JoinHostPort("::1", "9000"))                 // want `^\[::1\]:9000$`
	show(fmt.Sprintf("%s:%d", "localhost", 9000))         // want `^localhost:9000$`
	show(fmt.Sprintf("%5d", 9000))                        // want `^\?$`
	show(strconv.Itoa(9000))                              // want `^9000$`
	show(strconv.FormatInt(int64(9001), 10))              // want `^9001$`
	p, _ := strconv.Atoi(os.Getenv("FC_CUSTOM_LISTEN_PORT"))
	show(fmt.Sprintf(":%d", p)) // want `^:\$FC_CUSTOM_LISTEN_PORT$`
}

// a default overridden when an environment variable is set
func overrides() {
	port := "8080"
	if p := os.Getenv("PORT"); p != "" {
		port = p
	}
	show(port) // want `^\? \| 8080 \(fallback PORT is unset\)$`
	fc := "9000"
	if v, ok := os.LookupEnv("FC_CUSTOM_LISTEN_PORT"); ok {
		fc = v
	}
	show(fc) // want `^\$FC_CUSTOM_LISTEN_PORT \| 9000 \(fallback FC_CUSTOM_LISTEN_PORT is unset\)$`
}

// flags: the default, by pointer and by Var
var (
	timeout = flag.Duration("timeout", 30*time.Second, "")
	addr    string
)

func init() { flag.StringVar(&addr, "addr", ":7000", "") }

var httpAddr = flag.String("http", "127.0.0.1:3999", "")

func flags() {
	show(*timeout) // want `^30000000000$`
	if os.Getenv("ON_CLOUD") != "" {
		*httpAddr = "0.0.0.0:" + os.Getenv("FC_CUSTOM_LISTEN_PORT")
	}
	show(*httpAddr) // want `^127\.0\.0\.1:3999 \| 0\.0\.0\.0:\$FC_CUSTOM_LISTEN_PORT$`
	show(addr)      // want `^:7000$`
}

// struct fields: every write in the package
type options struct{ port string }

func fields() {
	o := options{port: "1000"}
	o.port = "2000"
	show(o.port) // want `^1000 \| 2000$`
}

// a struct whose address goes to code we do not follow
type config struct{ Addr string }

func load(v any) {}

func escaped() {
	cfg := config{Addr: ":8080"}
	load(&cfg)
	show(cfg.Addr) // want `^:8080 \| \?$`
}

// parameters: every call site
func param(s string) { show(s) } // want `^x \| y$`

func callers() {
	param("x")
	param("y")
}

// cycles and recursion end in unknown
func loop(parts []string) {
	a := ""
	for _, p := range parts {
		a += p
	}
	show(a) // want `^ \| \?\?$`
}

// a numeric fallback under n == 0 reads "n is 0", not "n is empty"
func numericFallback(n int) {
	if n == 0 {
		n = 8080
	}
	show(n) // want `^\? \| 8080 \(fallback n is 0\)$`
}

func even(n int) string {
	if n == 0 {
		return "even"
	}
	return odd(n - 1)
}

func odd(n int) string { return even(n - 1) }

func recursion() { show(even(4)) } // want `^even \| \?$`

// values that cannot be known
func unknowns(args []string) {
	show(args[0])                 // want `^\?$`
	show(string(rune(len(args)))) // want `^\?$`
}

// getenv is a helper each caller gives its own key: a call's result is
// evaluated with the parameters bound to that call's arguments.
func getenv(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func hostPort(host, port string) string { return host + ":" + port }

func helpers() {
	show(getenv("FC_CUSTOM_LISTEN_PORT", "9000"))              // want `^\$FC_CUSTOM_LISTEN_PORT \| 9000 \(fallback FC_CUSTOM_LISTEN_PORT is unset\)$`
	show(getenv("PORT", "8080"))                               // want `^\? \| 8080 \(fallback PORT is unset\)$`
	show(hostPort("127.0.0.1", getenv("FC_SERVER_PORT", "1"))) // want `^127\.0\.0\.1:\$FC_CUSTOM_LISTEN_PORT \| 127\.0\.0\.1:1 \(fallback FC_SERVER_PORT is unset\)$`
	show(hostPort("", "80"))                                   // want `^:80$`
}

// straight-line code: the last assignment before a use wins
func deadStore(c bool) {
	addr := "127.0.0.1:9000"
	addr = ":9000"
	show(addr) // want `^:9000$`
	a := "x"
	if c {
		a = "y"
	}
	show(a) // want `^x \| y$`
	b := "x"
	for range 2 {
		show(b) // want `^x \| y$`
		b = "y"
	}
	d := "x"
	d = d + "z"
	show(d) // want `^xz$`
}

func overwrittenParam(addr string) {
	addr = ":1"
	show(addr) // want `^:1$`
}

func deadStoreCallers() { overwrittenParam(":2") }
