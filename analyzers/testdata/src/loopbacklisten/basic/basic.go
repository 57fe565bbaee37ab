// Package main covers FC101's address shapes on net/http and net, and the
// strings that merely look like addresses.
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/redis/go-redis/v9"
)

// literal: a loopback literal passed directly.
func literal() {
	http.ListenAndServe("127.0.0.1:9000", nil) // want `server listens on 127\.0\.0\.1:9000, a loopback address; FC sends requests to 0\.0\.0\.0:9000`
}

// localhostName: "localhost" is loopback too.
func localhostName() {
	http.ListenAndServeTLS("localhost:9000", "c.pem", "k.pem", nil) // want `listens on localhost:9000`
}

// constant used only here: the fix edits the constant's literal.
const loopbackAddr = "127.0.0.1:9000"

func constant() {
	http.ListenAndServe(loopbackAddr, nil) // want `listens on 127\.0\.0\.1:9000.*comes from the constant loopbackAddr`
}

// concatenation with FC's port variable: loopback whatever the port is.
func concat() {
	port := os.Getenv("FC_CUSTOM_LISTEN_PORT")
	http.ListenAndServe("localhost:"+port, nil) // want `listens on localhost:\$FC_CUSTOM_LISTEN_PORT`
}

// Sprintf with a loopback host in the format.
func sprintf() {
	port := os.Getenv("FC_SERVER_PORT")
	http.ListenAndServe(fmt.Sprintf("127.0.0.1:%s", port), nil) // want `listens on 127\.0\.0\.1:\$FC_SERVER_PORT`
}

// JoinHostPort with a loopback host.
func joinHostPort() {
	http.ListenAndServe(net.JoinHostPort("127.0.0.1", os.Getenv("FC_CUSTOM_LISTEN_PORT")), nil) // want `listens on 127\.0\.0\.1:`
}

// flag default: the host comes from a flag whose default is loopback.
var host = flag.String("host", "127.0.0.1", "listen host")

func flagDefault() {
	addr := *host + ":" + os.Getenv("FC_CUSTOM_LISTEN_PORT")
	http.ListenAndServe(addr, nil) // want `127\.0\.0\.1 comes from the -host flag's default \(basic\.go:\d+\)`
}

// struct literal: http.Server{Addr: loopback}.
func serverLiteral() {
	srv := &http.Server{Addr: "127.0.0.1:9000"}
	srv.ListenAndServe() // want `listens on 127\.0\.0\.1:9000`
}

// field assigned after the literal, IPv6 loopback.
func serverAssigned() {
	srv := &http.Server{}
	srv.Addr = "[::1]:9000"
	srv.ListenAndServeTLS("c.pem", "k.pem") // want `listens on \[::1\]:9000`
}

// a struct that holds the server.
type app struct {
	srv *http.Server
}

func heldServer() {
	a := &app{srv: &http.Server{Addr: "localhost:9000"}}
	a.srv.ListenAndServe() // want `listens on localhost:9000`
}

// helper parameter: evaluated at each call site.
func serve(addr string) {
	http.ListenAndServe(addr, nil) // want `listens on 127\.0\.0\.1:9000`
}

func callsHelper() { serve("127.0.0.1:9000") }

// net.Listen with tcp, tcp4 and a ListenConfig.
func netListen() {
	net.Listen("tcp", "127.0.0.1:9000")  // want `listens on 127\.0\.0\.1:9000`
	net.Listen("tcp4", "127.0.0.2:9000") // want `listens on 127\.0\.0\.2:9000`
	var lc net.ListenConfig
	lc.Listen(nil, "tcp6", "[::1]:9000") // want `listens on \[::1\]:9000`
}

// tls.Listen on a loopback address.
func tlsListen() {
	tls.Listen("tcp", "localhost:9000", &tls.Config{}) // want `listens on localhost:9000`
}

// net.ListenTCP with a TCPAddr built from ParseIP and from IPv6loopback.
func listenTCP() {
	net.ListenTCP("tcp", &net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 9000}) // want `listens on 127\.0\.0\.1:9000`
	net.ListenTCP("tcp6", &net.TCPAddr{IP: net.IPv6loopback, Port: 9000})        // want `listens on \[::1\]:9000`
}

// suppressed by a directive with a reason.
func suppressed() {
	//fclint:ignore FC101 a local debugging server, never deployed
	http.ListenAndServe("127.0.0.1:9000", nil)
}

// Traps: none of these is a server listening on loopback.
func traps() {
	// a log line that looks like an address
	log.Printf("listening on 127.0.0.1:9000")
	// a client URL
	http.Get("http://127.0.0.1:9000/healthz")
	// a client dial
	net.Dial("tcp", "localhost:9000")
	// a redis client's Addr
	redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	// httptest servers listen on loopback by design
	httptest.NewServer(http.NotFoundHandler())
	// unix sockets are not reached over TCP
	net.Listen("unix", "/tmp/fclint.sock")
	// a commented-out field is not an address:
	srv := &http.Server{
		// Addr: "127.0.0.1:9000",
		Handler: http.NotFoundHandler(),
	}
	_ = srv
	// an address that cannot be evaluated is not reported
	http.ListenAndServe(os.Args[1], nil)
}

func main() {}
