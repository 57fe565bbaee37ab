// Package config exports what it decides: the model's facts.
package config

import (
	"fmt"
	"os"
	"time"
)

// Port is a package variable: summarized.
var Port = "8080" // want Port:`summary\(0 results\)`

// Verbose is a boolean: not summarized (not a port, address or duration).
var Verbose = true

// Settings are the server's settings.
type Settings struct {
	Addr    string // want Addr:`summary\(0 results\)`
	Retries int64
	Timeout time.Duration // want Timeout:`summary\(0 results\)`
}

// Load fills the settings; its writes to Addr are Addr's fact.
func Load() *Settings { // want Load:`summary\(1 results\)`
	s := &Settings{Timeout: 30 * time.Second}
	s.Addr = ":" + os.Getenv("APP_PORT")
	return s
}

// Listen builds an address from a parameter: a Param symbol.
func Listen(port int) string { // want Listen:`summary\(1 results\)`
	return fmt.Sprintf(":%d", port)
}

// Name is a Stringer-free getter of a string with nothing known: no fact.
func Name() string { return os.Args[0] }

// Code renders for people: never summarized.
type Code int

func (c Code) String() string { return "code" }
