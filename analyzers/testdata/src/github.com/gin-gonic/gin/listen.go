package gin

import "net"

// Run listens on addr[0]; with no address, on ":"+$PORT, else ":8080".
func (engine *Engine) Run(addr ...string) (err error)                    { return nil }
func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error) { return nil }
func (engine *Engine) RunUnix(file string) (err error)                   { return nil }
func (engine *Engine) RunListener(listener net.Listener) (err error)     { return nil }
