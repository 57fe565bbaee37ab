// Package keepalivedisabled is the FC105 fixture for net/http. Each case says
// which shape it covers.
package keepalivedisabled

import (
	"context"
	"flag"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
)

// SetKeepAlivesEnabled(false) before serving.
func switchedOff(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h}
	srv.SetKeepAlivesEnabled(false) // want `srv.SetKeepAlivesEnabled\(false\) turns HTTP keep-alive off: the server closes each connection after one response; FC keeps connections`
	_ = srv.ListenAndServe()
}

// Switched on again later in the same block: fine.
func switchedBack(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h}
	srv.SetKeepAlivesEnabled(false)
	srv.SetKeepAlivesEnabled(true)
	_ = srv.ListenAndServe()
}

// The graceful-shutdown idiom: keep-alive off right before Shutdown is fine.
func gracefulShutdown(ctx context.Context, srv *http.Server) {
	srv.SetKeepAlivesEnabled(false)
	_ = srv.Shutdown(ctx)
}

// A handler answering Connection: close, in every spelling.
func handler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Connection", "close")             // want `the handler sets the response header Connection: close, so the server closes the connection after this response`
	w.Header().Add("connection", "Close")             // want `the handler sets the response header Connection: close`
	w.Header().Set("CONNECTION", "keep-alive, close") // want `Connection: close`
	h := w.Header()
	h.Set("Connection", "close")                               // want `Connection: close`
	w.Header()["Connection"] = []string{"close"}               // want `the handler sets the response header Connection: close`
	w.Header()["connection"] = []string{"keep-alive", "close"} // want `Connection: close`
	w.Header().Set("Connection", "keep-alive")
	w.Header().Set("Content-Type", "close")
}

// A client request: Connection: close on an outgoing call is not this server's answer.
func client() error {
	req, err := http.NewRequest("GET", "http://example.invalid/", strings.NewReader(""))
	if err != nil {
		return err
	}
	req.Close = true
	req.Header.Set("Connection", "close")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Header.Set("Connection", "close")
	hdr := make(http.Header)
	hdr.Set("Connection", "close")
	return resp.Body.Close()
}

// A log line mentioning the header is not code.
func logLine() string { return `w.Header().Set("Connection", "close")` }

// httptest's shape: keep-alive off after closing the listener, in Close.
type testServer struct {
	Listener net.Listener
	Config   *http.Server
}

func (s *testServer) Close() {
	_ = s.Listener.Close()
	s.Config.SetKeepAlivesEnabled(false)
}

// A stop hook in a closure that closes the listener.
func stopHook(ln net.Listener, srv *http.Server) func() {
	return func() {
		srv.SetKeepAlivesEnabled(false)
		_ = ln.Close()
	}
}

// A deferred Close in main does not make the switch a shutdown.
func mainWithDefer(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h}
	defer srv.Close()
	srv.SetKeepAlivesEnabled(false) // want `srv.SetKeepAlivesEnabled\(false\) turns HTTP keep-alive off`
	_ = srv.ListenAndServe()
}

// A flag's default turns keep-alive off: the message names the flag, and
// there is no fix, since the flag is meant to be set from outside.
var keepAlive = flag.Bool("keepalive", false, "HTTP keep-alive")

func fromFlag(h http.Handler) {
	srv := &http.Server{Addr: ":9000", Handler: h}
	srv.SetKeepAlivesEnabled(*keepAlive) // want `srv.SetKeepAlivesEnabled\(false\) turns HTTP keep-alive off: .*; false comes from the -keepalive flag's default \(nethttp.go:98\)$`
	_ = srv.ListenAndServe()
}

// A test server's Config (a test helper outside a _test.go file): not the
// function's server.
func testServerConfig(h http.Handler) string {
	ts := httptest.NewUnstartedServer(h)
	ts.Config.SetKeepAlivesEnabled(false)
	ts.Start()
	return ts.URL
}
