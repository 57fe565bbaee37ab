package fiber

import "net"

// ListenConfig configures Listen; ListenerNetwork defaults to tcp4.
type ListenConfig struct {
	ListenerNetwork       string
	CertFile              string
	CertKeyFile           string
	DisableStartupMessage bool
	EnablePrefork         bool
}

func (app *App) Listen(addr string, config ...ListenConfig) error       { return nil }
func (app *App) Listener(ln net.Listener, config ...ListenConfig) error { return nil }
