// Package servertimeoutechoserver covers echo v4 settings on a server field
// that the way the package starts echo does not serve.
package servertimeoutechoserver

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// StartServer serves s, so e.Server's timeout is never used; s's is.
func startServer() {
	e := echo.New()
	e.Server.ReadTimeout = 30 * time.Second
	s := &http.Server{Addr: ":9000", WriteTimeout: time.Minute} // want `http.Server WriteTimeout is 1m`
	_ = e.StartServer(s)
}

// StartTLS serves e.TLSServer: its timeout counts, e.Server's does not.
func startTLS() {
	e := echo.New()
	e.Server.IdleTimeout = 10 * time.Second
	e.TLSServer.IdleTimeout = 20 * time.Second // want `http.Server IdleTimeout is 20s`
	_ = e.StartTLS(":9000", "cert.pem", "key.pem")
}
