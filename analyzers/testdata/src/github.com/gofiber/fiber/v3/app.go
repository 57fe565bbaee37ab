// Package fiber is a test stand-in for github.com/gofiber/fiber/v3: the real
// import path and signatures, no behavior.
package fiber

import "time"

// Network names for ListenConfig.ListenerNetwork.
const (
	NetworkTCP  = "tcp"
	NetworkTCP4 = "tcp4"
	NetworkTCP6 = "tcp6"
)

// Handler serves a request.
type Handler = func(Ctx) error

// Router registers routes.
type Router interface {
	Get(path string, handler any, handlers ...any) Router
}

// Config configures an App (the fields fclint reads).
type Config struct {
	ReadTimeout      time.Duration
	WriteTimeout     time.Duration
	IdleTimeout      time.Duration
	DisableKeepalive bool
	AppName          string
	BodyLimit        int
}

// App is a fiber application.
type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Get(path string, handler any, handlers ...any) Router  { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router { return nil }
func (app *App) Use(args ...any) Router                                { return nil }
