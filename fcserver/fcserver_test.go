package fcserver

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log sink that the server goroutines and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start serves s on a free loopback port and stops it when the test ends.
func start(t *testing.T, s *Server) (addr string, logs *syncBuffer, stop func() error) {
	t.Helper()
	logs = &syncBuffer{}
	if s.Logger == nil {
		s.Logger = log.New(logs, "", 0)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	var once sync.Once
	var result error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(10 * time.Second):
				result = errors.New("server did not stop")
			}
		})
		return result
	}
	t.Cleanup(func() { stop() })
	return ln.Addr().String(), logs, stop
}

// client is one keep-alive connection, as FC holds it.
type client struct {
	t    *testing.T
	conn net.Conn
	br   *bufio.Reader
}

func dial(t *testing.T, addr string) *client {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	return &client{t: t, conn: conn, br: bufio.NewReader(conn)}
}

func (c *client) do(method, path, requestID, body string) (*http.Response, string) {
	c.t.Helper()
	req, _ := http.NewRequest(method, "http://fc"+path, strings.NewReader(body))
	req.Header.Set("x-fc-request-id", requestID)
	req.Header.Set("Content-Type", "application/octet-stream")
	if err := req.Write(c.conn); err != nil {
		c.t.Fatalf("%s %s: writing: %v", method, path, err)
	}
	resp, err := http.ReadResponse(c.br, req)
	if err != nil {
		c.t.Fatalf("%s %s: reading: %v", method, path, err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("%s %s: body: %v", method, path, err)
	}
	return resp, string(b)
}

func echo(_ context.Context, event []byte) ([]byte, error) { return event, nil }

func TestInvokeKeepAlive(t *testing.T) {
	addr, logs, _ := start(t, &Server{Invoke: echo})
	c := dial(t, addr)
	for i, payload := range []string{`{"n":1}`, `{"n":2}`} {
		resp, body := c.do("POST", "/invoke", "req-"+strconv.Itoa(i), payload)
		if resp.StatusCode != 200 || resp.Header.Get("x-fc-status") != "200" || body != payload {
			t.Fatalf("invoke %d: status %d, x-fc-status %q, body %q", i, resp.StatusCode, resp.Header.Get("x-fc-status"), body)
		}
		if resp.Close {
			t.Fatalf("invoke %d: server asked to close the connection", i)
		}
	}
	got := logs.String()
	for _, want := range []string{"FC Invoke Start RequestId: req-0\n", "FC Invoke End RequestId: req-0\n", "FC Invoke Start RequestId: req-1\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("log lacks %q:\n%s", want, got)
		}
	}
}

func TestInvokeError(t *testing.T) {
	addr, logs, _ := start(t, &Server{Invoke: func(context.Context, []byte) ([]byte, error) {
		return nil, errors.New("bad event")
	}})
	c := dial(t, addr)
	resp, body := c.do("POST", "/invoke", "r-err", "x")
	if resp.StatusCode != 404 || resp.Header.Get("x-fc-status") != "404" || !strings.Contains(body, "bad event") {
		t.Fatalf("status %d, x-fc-status %q, body %q", resp.StatusCode, resp.Header.Get("x-fc-status"), body)
	}
	if !strings.Contains(logs.String(), "RequestId: r-err Error: bad event") {
		t.Errorf("error not logged:\n%s", logs)
	}
	// The connection survives a failed invocation.
	if resp, _ := c.do("POST", "/invoke", "r-2", "x"); resp.StatusCode != 404 {
		t.Fatalf("second request: status %d", resp.StatusCode)
	}
}

func TestPanicBecomes500WithRequestID(t *testing.T) {
	addr, logs, _ := start(t, &Server{
		Invoke: func(context.Context, []byte) ([]byte, error) { panic("boom") },
		HTTP:   http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("http boom") }),
	})
	c := dial(t, addr)
	resp, body := c.do("POST", "/invoke", "r-panic", "")
	if resp.StatusCode != 500 || resp.Header.Get("x-fc-status") != "404" || !strings.Contains(body, "r-panic") || !strings.Contains(body, "boom") {
		t.Fatalf("status %d, x-fc-status %q, body %q", resp.StatusCode, resp.Header.Get("x-fc-status"), body)
	}
	resp, body = c.do("GET", "/page", "r-panic2", "")
	if resp.StatusCode != 500 || !strings.Contains(body, "r-panic2") {
		t.Fatalf("HTTP panic: status %d, body %q", resp.StatusCode, body)
	}
	got := logs.String()
	if !strings.Contains(got, "RequestId: r-panic panic: boom") || !strings.Contains(got, "FC Invoke End RequestId: r-panic\n") {
		t.Errorf("panic not logged with request ID and end marker:\n%s", got)
	}
}

func TestLifecycle(t *testing.T) {
	var calls []string
	var mu sync.Mutex
	hook := func(name string, err error) func(context.Context) error {
		return func(ctx context.Context) error {
			mu.Lock()
			calls = append(calls, name+":"+RequestID(ctx))
			mu.Unlock()
			return err
		}
	}
	addr, logs, _ := start(t, &Server{
		Initialize: hook("init", nil),
		PreStop:    hook("prestop", nil),
		PreFreeze:  hook("prefreeze", errors.New("cannot freeze")),
	})
	c := dial(t, addr)
	cases := []struct {
		method, path string
		status       int
		fcStatus     string
	}{
		{"POST", "/initialize", 200, "200"},
		{"GET", "/pre-stop", 200, "200"},
		{"GET", "/pre-freeze", 404, "404"},
		{"POST", "/invoke", 404, "404"}, // no Invoke and no HTTP handler
		{"GET", "/other", 404, "404"},
	}
	for i, tc := range cases {
		resp, _ := c.do(tc.method, tc.path, "id"+strconv.Itoa(i), "")
		if resp.StatusCode != tc.status || resp.Header.Get("x-fc-status") != tc.fcStatus {
			t.Errorf("%s %s: status %d x-fc-status %q, want %d %q", tc.method, tc.path, resp.StatusCode, resp.Header.Get("x-fc-status"), tc.status, tc.fcStatus)
		}
	}
	want := "init:id0 prestop:id1 prefreeze:id2"
	if got := strings.Join(calls, " "); got != want {
		t.Errorf("hooks called %q, want %q", got, want)
	}
	if !strings.Contains(logs.String(), "FC Initialize Start RequestId: id0\nFC Initialize End RequestId: id0\n") {
		t.Errorf("initialize markers missing:\n%s", logs)
	}
}

func TestNilHooksAnswerOK(t *testing.T) {
	addr, _, _ := start(t, &Server{})
	c := dial(t, addr)
	for _, p := range [][2]string{{"POST", "/initialize"}, {"GET", "/pre-stop"}, {"GET", "/pre-freeze"}} {
		if resp, _ := c.do(p[0], p[1], "x", ""); resp.StatusCode != 200 {
			t.Errorf("%s %s: status %d, want 200", p[0], p[1], resp.StatusCode)
		}
	}
}

func TestHTTPFunction(t *testing.T) {
	addr, _, _ := start(t, &Server{
		Invoke: echo,
		HTTP: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, r.Method+" "+r.URL.Path+" "+RequestID(r.Context()))
		}),
	})
	c := dial(t, addr)
	if _, body := c.do("PUT", "/api/items", "h1", "{}"); body != "PUT /api/items h1" {
		t.Errorf("HTTP handler got %q", body)
	}
	// GET /invoke is not an event invocation: it belongs to the HTTP function.
	if _, body := c.do("GET", "/invoke", "h2", ""); body != "GET /invoke h2" {
		t.Errorf("GET /invoke got %q", body)
	}
	if _, body := c.do("POST", "/invoke", "h3", "evt"); body != "evt" {
		t.Errorf("POST /invoke got %q", body)
	}
}

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	entered := make(chan struct{})
	release := make(chan struct{})
	addr, _, stop := start(t, &Server{Invoke: func(_ context.Context, e []byte) ([]byte, error) {
		close(entered)
		<-release
		return []byte("done"), nil
	}})
	c := dial(t, addr)
	type result struct {
		status int
		body   string
	}
	got := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest("POST", "http://fc/invoke", strings.NewReader("x"))
		req.Write(c.conn)
		resp, err := http.ReadResponse(c.br, req)
		if err != nil {
			got <- result{body: err.Error()}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		got <- result{resp.StatusCode, string(b)}
	}()
	<-entered
	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("Serve returned (%v) while a request was in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	// New connections are refused once shutdown began (polled: the
	// shutdown goroutine may not have run yet on a busy machine).
	refused := false
	for i := 0; i < 100 && !refused; i++ {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			refused = true
			break
		}
		conn.Close()
		time.Sleep(50 * time.Millisecond)
	}
	if !refused {
		t.Error("listener still accepts after shutdown began")
	}
	close(release)
	if r := <-got; r.status != 200 || r.body != "done" {
		t.Fatalf("in-flight request: %+v", r)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("Serve: %v", err)
	}
}

func TestPort(t *testing.T) {
	cases := []struct{ custom, server, want string }{
		{"", "", "9000"},
		{"", "8000", "8000"},
		{"7000", "8000", "7000"},
	}
	for _, tc := range cases {
		t.Setenv("FC_CUSTOM_LISTEN_PORT", tc.custom)
		t.Setenv("FC_SERVER_PORT", tc.server)
		if got := Port(); got != tc.want {
			t.Errorf("Port() with %q/%q = %q, want %q", tc.custom, tc.server, got, tc.want)
		}
		if got := Addr(); got != ":"+tc.want {
			t.Errorf("Addr() = %q", got)
		}
	}
}

func TestListenAndServeOnAllInterfaces(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	t.Setenv("FC_CUSTOM_LISTEN_PORT", port)
	t.Setenv("FC_SERVER_PORT", "1")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	s := &Server{Invoke: echo, Logger: log.New(io.Discard, "", 0)}
	go func() { done <- s.ListenAndServe(ctx) }()
	var conn net.Conn
	for i := 0; i < 200; i++ {
		if conn, err = net.Dial("tcp", "127.0.0.1:"+port); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil {
		cancel()
		t.Fatalf("server never accepted on port %s: %v", port, err)
	}
	conn.Close()
	// The dial above would succeed on a loopback listener too: check the
	// bound address in the kernel's table, where the platform has one.
	if addrs, ok := listenAddrs(port); ok {
		for _, a := range addrs {
			if strings.Trim(a, "0") != "" {
				t.Errorf("listening on address %s (hex), want the wildcard address", a)
			}
		}
		if len(addrs) == 0 {
			t.Errorf("no listening socket on port %s in /proc/net/tcp{,6}", port)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("ListenAndServe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ListenAndServe did not return after cancel")
	}
}

// listenAddrs returns the hex local addresses of the listening TCP sockets
// on port from /proc/net/tcp and tcp6; ok is false where they do not exist.
func listenAddrs(port string) (addrs []string, ok bool) {
	p, _ := strconv.Atoi(port)
	suffix := ":" + strings.ToUpper(strconv.FormatInt(int64(p), 16))
	for len(suffix) < 5 {
		suffix = ":0" + suffix[1:]
	}
	for _, file := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		ok = true
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) > 3 && f[3] == "0A" && strings.HasSuffix(f[1], suffix) {
				addrs = append(addrs, strings.TrimSuffix(f[1], suffix))
			}
		}
	}
	return addrs, ok
}
