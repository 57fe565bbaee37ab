// Package iris is a test stand-in for github.com/kataras/iris/v12: the real
// import path and signatures, no behavior.
package iris

import (
	"net"
	"net/http"
	"time"

	"github.com/kataras/iris/v12/core/host"
)

// Application is an iris application.
type Application struct{}

// Runner starts an application's server.
type Runner func(*Application) error

// Configurator changes an application's configuration.
type Configurator func(*Application)

func New() *Application     { return &Application{} }
func Default() *Application { return &Application{} }

// Addr serves on addr (":8080" when it is empty).
func Addr(addr string, hostConfigs ...host.Configurator) Runner { return nil }

func TLS(addr string, certFileOrContents, keyFileOrContents string, hostConfigs ...host.Configurator) Runner {
	return nil
}
func Server(srv *http.Server, hostConfigs ...host.Configurator) Runner { return nil }
func Listener(l net.Listener, hostConfigs ...host.Configurator) Runner { return nil }

// WithTimeout installs a handler timeout and fills the zero server
// timeouts from it (read +10 s, write +15 s, idle +25 s).
func WithTimeout(timeoutDur time.Duration, htmlBody ...string) Configurator { return nil }

// Run starts the runner's server; Listen is Run(Addr(hostPort)).
func (app *Application) Run(serve Runner, withOrWithout ...Configurator) error       { return nil }
func (app *Application) Listen(hostPort string, withOrWithout ...Configurator) error { return nil }
