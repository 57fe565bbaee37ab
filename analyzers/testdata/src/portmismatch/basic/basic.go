// Package main covers FC102's port shapes: literals, service names, strconv,
// flag defaults and environment fallbacks.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/redis/go-redis/v9"
	"github.com/valyala/fasthttp"
)

// literal port other than CAPort.
func literal() {
	http.ListenAndServe(":8080", nil) // want `server listens on port 8080, but FC sends requests to CAPort 9000`
}

// named service: ":http" is port 80.
func namedService() {
	net.Listen("tcp", ":http") // want `listens on port 80.*the service name "http" is port 80`
}

// random port: ":0".
func randomPort() {
	net.Listen("tcp", "0.0.0.0:0") // want `listens on port 0.*port 0 picks a random port`
}

// strconv of a constant.
const appPort = 8081

func strconvConst() {
	http.ListenAndServe(":"+strconv.Itoa(appPort), nil) // want `listens on port 8081`
}

// flag default with Sprintf %d.
var port = flag.Int("port", 3000, "listen port")

func flagDefault() {
	http.ListenAndServe(fmt.Sprintf(":%d", *port), nil) // want `listens on port 3000.*3000 comes from the -port flag's default`
}

// a non-FC environment variable with a non-CAPort fallback.
func envFallback() {
	p := os.Getenv("PORT")
	if p == "" {
		p = "8080"
	}
	http.ListenAndServe(":"+p, nil) // want `can listen on port 8080 \(the fallback when PORT is unset\)`
}

// LookupEnv with a fallback under !ok.
func lookupEnvFallback() {
	p, ok := os.LookupEnv("APP_PORT")
	if !ok {
		p = "7000"
	}
	fiber.New().Listen(":" + p) // want `can listen on port 7000 \(the fallback when APP_PORT is unset\)`
}

// Atoi of an env fallback, then Sprintf.
func atoiFallback() {
	s := os.Getenv("HTTP_PORT")
	if len(s) == 0 {
		s = "8000"
	}
	n, _ := strconv.Atoi(s)
	fasthttp.ListenAndServe(fmt.Sprintf("0.0.0.0:%d", n), nil) // want `can listen on port 8000`
}

// http.Serve and (*http.Server).Serve report at the listener they serve.
func serveListener() {
	ln, _ := net.Listen("tcp", ":8090") // want `listens on port 8090`
	http.Serve(ln, nil)
	ln2, _ := net.Listen("tcp6", "[::]:8091") // want `listens on port 8091`
	(&http.Server{}).Serve(ln2)
}

// Unknown: an environment variable FC does not set, without fallback.
func unknownEnv() {
	http.ListenAndServe(":"+os.Getenv("PORT"), nil)
}

// Traps: client configurations are not servers.
func traps() {
	redis.NewClient(&redis.Options{Addr: ":6379"})
	_ = &fasthttp.Client{Name: ":8080"}
	http.Get("http://localhost:8080/")
}

func main() {}
