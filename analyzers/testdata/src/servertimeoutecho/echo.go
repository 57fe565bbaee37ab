// Package servertimeoutecho is the FC104 fixture for echo v4 and v5.
package servertimeoutecho

import (
	"context"
	"net/http"
	"time"

	echo4 "github.com/labstack/echo/v4"
	"github.com/labstack/echo/v5"
)

// echo v4: the server is e.Server; its fields are assigned.
func v4Assigned() {
	e := echo4.New()
	e.Server.ReadTimeout = 30 * time.Second // want `http.Server ReadTimeout is 30s: .*with IdleTimeout unset it also closes idle keep-alive connections after 30s`
	e.Server.ReadHeaderTimeout = 5 * time.Second
	_ = e.Start(":9000")
}

// echo v4: StartServer with the program's own http.Server.
func v4StartServer() {
	e := echo4.New()
	s := &http.Server{Addr: ":9000", WriteTimeout: 2 * time.Minute} // want `http.Server WriteTimeout is 2m`
	_ = e.StartServer(s)
}

// echo v4: New alone sets no timeout.
func v4Plain() {
	e := echo4.New()
	_ = e.Start(":9000")
}

// echo v5: Start keeps StartConfig's default 30 s read and write timeouts.
func v5Start() {
	e := echo.New()
	_ = e.Start(":9000") // want `e.Start serves with echo v5's default ReadTimeout 30s and WriteTimeout 30s, so idle keep-alive connections are also closed after 30s`
}

// echo v5: a StartConfig without BeforeServeFunc keeps the defaults too.
func v5StartConfig(ctx context.Context) {
	e := echo.New()
	sc := echo.StartConfig{Address: ":9000"}
	_ = sc.Start(ctx, e) // want `sc.Start serves with echo v5's default ReadTimeout 30s and WriteTimeout 30s`
}

// echo v5: BeforeServeFunc clears both: fine.
func v5Cleared(ctx context.Context) {
	e := echo.New()
	_ = echo.StartConfig{
		Address: ":9000",
		BeforeServeFunc: func(s *http.Server) error {
			s.ReadTimeout, s.WriteTimeout = 0, 0
			s.ReadHeaderTimeout = 10 * time.Second
			return nil
		},
	}.Start(ctx, e)
}

// echo v5: BeforeServeFunc clears only WriteTimeout: the read default stays.
func v5HalfCleared(ctx context.Context) {
	e := echo.New()
	sc := echo.StartConfig{Address: ":9000", BeforeServeFunc: clearWrite}
	_ = sc.Start(ctx, e) // want `sc.Start serves with echo v5's default ReadTimeout 30s, so idle keep-alive connections are also closed after 30s`
}

func clearWrite(s *http.Server) error {
	s.WriteTimeout = 0
	return nil
}

// echo v5: BeforeServeFunc sets a short idle timeout: reported there; the
// read and write defaults at the start call.
func v5ShortIdle(ctx context.Context) {
	e := echo.New()
	_ = echo.StartConfig{Address: ":9000", BeforeServeFunc: func(s *http.Server) error { // want `echo\.StartConfig\{\.\.\.\}\.Start serves with echo v5's default ReadTimeout 30s and WriteTimeout 30s;`
		s.IdleTimeout = time.Minute // want `http.Server IdleTimeout is 1m`
		return nil
	}}.Start(ctx, e)
}

// echo v5: a BeforeServeFunc fclint cannot read: unknown, no finding.
func v5Hidden(ctx context.Context, hook func(*http.Server) error) {
	e := echo.New()
	_ = echo.StartConfig{Address: ":9000", BeforeServeFunc: hook}.Start(ctx, e)
}

// echo v5: a StartConfig that comes from elsewhere: unknown, no finding.
func v5Param(ctx context.Context, sc echo.StartConfig) {
	_ = sc.Start(ctx, echo.New())
}

// echo v5: a pointer to a StartConfig literal keeps the defaults.
func v5Pointer(ctx context.Context) {
	sc := &echo.StartConfig{Address: ":9000"}
	_ = sc.Start(ctx, echo.New()) // want `sc.Start serves with echo v5's default ReadTimeout 30s and WriteTimeout 30s`
}

// echo v5: BeforeServeFunc assigned after the literal: unknown, no finding.
func v5HookAssigned(ctx context.Context, hook func(*http.Server) error) {
	sc := echo.StartConfig{Address: ":9000"}
	sc.BeforeServeFunc = hook
	_ = sc.Start(ctx, echo.New())
}
