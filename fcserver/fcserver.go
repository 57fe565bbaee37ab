// Package fcserver is a reference HTTP server for Alibaba Cloud Function
// Compute custom runtimes. It follows the platform contract so that a function
// built on it passes every fclint check:
//
//   - it listens on 0.0.0.0 at FC_CUSTOM_LISTEN_PORT, else FC_SERVER_PORT, else 9000;
//   - it sets no read, write or idle timeout and keeps connections alive, because
//     FC reuses one connection for many invocations and cancels nothing by itself;
//   - it serves POST /invoke (event functions), POST /initialize, GET /pre-stop
//     and GET /pre-freeze, and hands every other request to an http.Handler
//     (HTTP functions);
//   - it writes FC's "FC Invoke Start/End RequestId:" log markers, reports
//     handler errors with status 404 and x-fc-status: 404, and turns panics
//     into a 500 that names the request ID;
//   - it shuts down gracefully when its context ends (SIGTERM in [Run]).
//
// A minimal event function:
//
//	func main() {
//		fcserver.Run(&fcserver.Server{
//			Invoke: func(ctx context.Context, event []byte) ([]byte, error) {
//				return event, nil
//			},
//		})
//	}
package fcserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"

	"github.com/fclint/fclint/internal/fcfacts"
)

// Header names of the FC contract.
const (
	HeaderRequestID = "x-fc-request-id"
	HeaderStatus    = "x-fc-status" // response: 200 = success, 404 = failure
)

// Paths FC sends lifecycle and event requests to.
const (
	PathInvoke     = "/invoke"
	PathInitialize = "/initialize"
	PathPreStop    = "/pre-stop"
	PathPreFreeze  = "/pre-freeze"
)

// Server is a Function Compute custom-runtime server. Every field is optional;
// the zero Server answers lifecycle requests with 200 and everything else with 404.
type Server struct {
	// Invoke handles an event invocation (POST /invoke): it gets the payload
	// and returns the response body. An error becomes status 404 with
	// x-fc-status: 404, as FC expects for a failed invocation.
	// When nil, POST /invoke goes to HTTP.
	Invoke func(ctx context.Context, event []byte) ([]byte, error)
	// Initialize runs once per instance (POST /initialize) when the function
	// has an initializer configured. Nil answers 200.
	Initialize func(ctx context.Context) error
	// PreStop runs before FC stops the instance (GET /pre-stop). Nil answers 200.
	PreStop func(ctx context.Context) error
	// PreFreeze runs before FC freezes the instance (GET /pre-freeze, FC 2.0). Nil answers 200.
	PreFreeze func(ctx context.Context) error
	// HTTP serves every other request (HTTP functions get the original method
	// and path). Nil answers 404.
	HTTP http.Handler
	// Logger receives the FC log markers and errors. Nil writes plain lines to
	// standard output, where FC collects function logs.
	Logger *log.Logger
}

// Port is the port FC sends requests to: FC_CUSTOM_LISTEN_PORT (FC 3.0), else
// FC_SERVER_PORT (FC 2.0 and local emulators), else 9000, FC's default CAPort.
func Port() string {
	port := os.Getenv(fcfacts.ListenPortEnv)
	if port == "" {
		port = os.Getenv(fcfacts.ServerPortEnv)
	}
	if port == "" {
		port = strconv.Itoa(fcfacts.DefaultCAPort)
	}
	return port
}

// Addr is the address to listen on: all interfaces at [Port]. FC connects
// from outside the instance, so a loopback address would never be reached.
func Addr() string { return ":" + Port() }

// Run serves s on [Addr] until SIGTERM or SIGINT, then shuts down gracefully.
// It logs the error and exits with status 1 if the server cannot run.
func Run(s *Server) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := s.ListenAndServe(ctx); err != nil {
		s.logger().Print(err)
		stop()
		os.Exit(1)
	}
}

// ListenAndServe listens on all interfaces at the FC port (see [Port]) and
// serves until ctx is done; then it stops accepting connections and waits for
// in-flight requests to finish. It returns nil after a graceful shutdown.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", Addr())
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, then shuts down gracefully like
// [Server.ListenAndServe]. It closes ln.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	// No ReadTimeout, WriteTimeout or IdleTimeout: FC keeps one connection
	// open across invocations, and any timeout under the function's run time
	// (up to 24 h) makes FC fail with "Process exited unexpectedly before
	// completing request". Keep-alive stays on (the default).
	hs := &http.Server{
		Handler:  s.Handler(),
		ErrorLog: s.logger(),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Shutdown waits for in-flight requests without a deadline: FC bounds an
	// instance's stop itself and kills it when its time is up.
	if err := hs.Shutdown(context.Background()); err != nil {
		return err
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler returns the server's request router, for use with a listener or
// test server of the caller's choosing.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

type requestIDKey struct{}

// RequestID returns the FC request ID of the request that ctx belongs to,
// or "" outside a request.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

func (s *Server) logger() *log.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return defaultLogger
}

var defaultLogger = log.New(os.Stdout, "", 0)

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.Header.Get(HeaderRequestID)
	r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
	marker := "Invoke"
	if r.URL.Path == PathInitialize && r.Method == http.MethodPost {
		marker = "Initialize"
	}
	lg := s.logger()
	lg.Printf("FC %s Start RequestId: %s", marker, id)
	defer lg.Printf("FC %s End RequestId: %s", marker, id)
	defer s.recoverPanic(w, id)

	switch {
	case r.Method == http.MethodPost && r.URL.Path == PathInvoke && s.Invoke != nil:
		s.serveInvoke(w, r)
	case r.Method == http.MethodPost && r.URL.Path == PathInitialize:
		s.serveHook(w, r, s.Initialize)
	case r.Method == http.MethodGet && r.URL.Path == PathPreStop:
		s.serveHook(w, r, s.PreStop)
	case r.Method == http.MethodGet && r.URL.Path == PathPreFreeze:
		s.serveHook(w, r, s.PreFreeze)
	case s.HTTP != nil:
		s.HTTP.ServeHTTP(w, r)
	default:
		fail(w, http.StatusNotFound, fmt.Sprintf("no handler for %s %s", r.Method, r.URL.Path))
	}
}

func (s *Server) serveInvoke(w http.ResponseWriter, r *http.Request) {
	event, err := io.ReadAll(r.Body)
	if err != nil {
		fail(w, http.StatusBadRequest, "reading the event: "+err.Error())
		return
	}
	out, err := s.Invoke(r.Context(), event)
	if err != nil {
		s.logger().Printf("RequestId: %s Error: %v", RequestID(r.Context()), err)
		fail(w, http.StatusNotFound, err.Error())
		return
	}
	w.Header().Set(HeaderStatus, "200")
	w.WriteHeader(http.StatusOK)
	w.Write(out)
}

func (s *Server) serveHook(w http.ResponseWriter, r *http.Request, hook func(context.Context) error) {
	if hook != nil {
		if err := hook(r.Context()); err != nil {
			s.logger().Printf("RequestId: %s Error: %s %s: %v", RequestID(r.Context()), r.Method, r.URL.Path, err)
			fail(w, http.StatusNotFound, err.Error())
			return
		}
	}
	w.Header().Set(HeaderStatus, "200")
	w.WriteHeader(http.StatusOK)
}

// recoverPanic turns a handler panic into a 500 naming the request, so that
// one bad request neither kills the instance nor closes FC's connection.
func (s *Server) recoverPanic(w http.ResponseWriter, id string) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v) // the handler asked net/http to abort the response
	}
	s.logger().Printf("RequestId: %s panic: %v\n%s", id, v, debug.Stack())
	// If the handler already wrote headers, this only appends to the body;
	// the log line above is what remains.
	fail(w, http.StatusInternalServerError, fmt.Sprintf("panic while handling request %s: %v", id, v))
}

func fail(w http.ResponseWriter, status int, msg string) {
	w.Header().Set(HeaderStatus, "404")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, msg+"\n")
}
