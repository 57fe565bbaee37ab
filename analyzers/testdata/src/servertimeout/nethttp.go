// Package servertimeout is the FC104 fixture for net/http servers. Each case
// says which shape it covers.
package servertimeout

import (
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/redis/go-redis/v9"
)

// A lone ReadTimeout: it also becomes the idle timeout (IdleTimeout unset).
func loneRead(h http.Handler) *http.Server {
	return &http.Server{
		Addr:        ":9000",
		Handler:     h,
		ReadTimeout: 30 * time.Second, // want `http.Server ReadTimeout is 30s: the server cuts a request it has not read within 30s, and with IdleTimeout unset it also closes idle keep-alive connections after 30s; FC keeps connections open`
	}
}

// The gorilla/mux README shape: all three set, idle explicit so no fallback note.
func gorillaREADME(h http.Handler) {
	srv := &http.Server{
		Handler:      h,
		Addr:         "0.0.0.0:9000",
		WriteTimeout: 15 * time.Second, // want `http.Server WriteTimeout is 15s: the server cuts a response not written within 15s;`
		ReadTimeout:  15 * time.Second, // want `http.Server ReadTimeout is 15s: the server cuts a request it has not read within 15s; FC`
		IdleTimeout:  time.Minute,      // want `http.Server IdleTimeout is 1m: the server closes idle keep-alive connections after 1m;`
	}
	log.Fatal(srv.ListenAndServe())
}

// A field assigned after the literal.
func assignedLater(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h}
	srv.WriteTimeout = 10 * time.Second // want `http.Server WriteTimeout is 10s`
	log.Fatal(srv.ListenAndServe())
}

// A struct holding the server: s.srv.IdleTimeout = ...
type app struct {
	srv *http.Server
}

func (a *app) configure() {
	a.srv = &http.Server{Addr: ":9000"}
	a.srv.IdleTimeout = 2 * time.Minute // want `http.Server IdleTimeout is 2m`
}

// A named constant.
const readTimeout = 5 * time.Second

func namedConst() *http.Server {
	return &http.Server{Addr: ":9000", ReadTimeout: readTimeout} // want `http.Server ReadTimeout is 5s`
}

// A server embedded in a struct of the program.
type wrapped struct {
	*http.Server
}

func embedded(w *wrapped) {
	w.ReadTimeout = 45 * time.Second // want `http.Server ReadTimeout is 45s: .*with IdleTimeout unset`
}

// Read is bad, but an explicit long idle timeout means no fallback note.
func readWithLongIdle() *http.Server {
	return &http.Server{
		ReadTimeout: 20 * time.Second, // want `ReadTimeout is 20s: the server cuts a request it has not read within 20s; FC`
		IdleTimeout: 48 * time.Hour,
	}
}

// A later assignment overrides the literal's value.
func overridden() *http.Server {
	srv := &http.Server{ReadTimeout: 30 * time.Second}
	srv.ReadTimeout = 0
	return srv
}

// Negatives: 24 h or more, zero, negative, unknown.
func fine(d time.Duration) []*http.Server {
	return []*http.Server{
		{ReadTimeout: 24 * time.Hour, WriteTimeout: 25 * time.Hour, IdleTimeout: 100 * time.Hour},
		{ReadTimeout: 0, WriteTimeout: 0},
		{ReadTimeout: -1, IdleTimeout: -1},
		{ReadTimeout: d, WriteTimeout: d},
	}
}

// ReadHeaderTimeout alone is the right slowloris guard: never a finding.
func headerOnly(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}

// Commented-out fields are not code.
func commented() *http.Server {
	return &http.Server{
		Addr: ":9000",
		// ReadTimeout: 30 * time.Second,
	}
}

// Client configurations bound outgoing calls, not FC's connections.
func clients() {
	c := &http.Client{Timeout: 30 * time.Second}
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	t := &http.Transport{IdleConnTimeout: 90 * time.Second, ResponseHeaderTimeout: 10 * time.Second}
	r := redis.NewClient(&redis.Options{Addr: "cache:6379", ReadTimeout: 3 * time.Second, WriteTimeout: 3 * time.Second})
	_, _, _, _ = c, d, t, r
}

// httptest servers are for tests.
func testServer(h http.Handler) string {
	return httptest.NewServer(h).URL
}

// A test server configured through its Config field (a test helper outside
// a _test.go file): not the function's server.
func testServerConfig(h http.Handler) string {
	ts := httptest.NewUnstartedServer(h)
	ts.Config.ReadTimeout = 5 * time.Second
	ts.Config.SetKeepAlivesEnabled(false)
	ts.Start()
	return ts.URL
}

// Near misses: a struct of the program with the same field names, and a log
// line that mentions the field.
type settings struct {
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

func nearMisses() settings {
	log.Printf("ReadTimeout: 30s")
	s := settings{ReadTimeout: 30 * time.Second}
	s.WriteTimeout = time.Second
	return s
}
