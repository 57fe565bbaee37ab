// Package fiber is a test stand-in for github.com/gofiber/fiber/v2: the real
// import path and signatures, no behavior.
package fiber

import "time"

// Network names for Config.Network.
const (
	NetworkTCP  = "tcp"
	NetworkTCP4 = "tcp4"
	NetworkTCP6 = "tcp6"
)

// Handler serves a request.
type Handler = func(*Ctx) error

// Router registers routes.
type Router interface {
	Get(path string, handlers ...Handler) Router
}

// Config configures an App (the fields fclint reads).
type Config struct {
	ReadTimeout      time.Duration
	WriteTimeout     time.Duration
	IdleTimeout      time.Duration
	DisableKeepalive bool
	Network          string
	AppName          string
	BodyLimit        int
}

// App is a fiber application.
type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Get(path string, handlers ...Handler) Router  { return nil }
func (app *App) Post(path string, handlers ...Handler) Router { return nil }
func (app *App) Use(args ...interface{}) Router               { return nil }
