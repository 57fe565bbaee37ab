package fiber

import "net"

// Listen serves on addr over Config.Network (default tcp4).
func (app *App) Listen(addr string) error                       { return nil }
func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }
func (app *App) Listener(ln net.Listener) error                 { return nil }
