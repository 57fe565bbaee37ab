package echo

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Start is StartConfig{Address: address}.Start(ctx, e).
func (e *Echo) Start(address string) error { return nil }

// StartConfig configures the http.Server that serves an Echo; its default
// ReadTimeout is 30 s.
type StartConfig struct {
	Address          string
	HideBanner       bool
	HidePort         bool
	ListenerNetwork  string
	ListenerAddrFunc func(addr net.Addr)
	GracefulTimeout  time.Duration
	OnShutdownError  func(err error)
	BeforeServeFunc  func(s *http.Server) error
}

func (sc StartConfig) Start(ctx context.Context, h http.Handler) error { return nil }
func (sc StartConfig) StartTLS(ctx context.Context, h http.Handler, certFile, keyFile any) error {
	return nil
}
