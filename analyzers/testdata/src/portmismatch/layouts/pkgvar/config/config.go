// Package config holds the port as a package variable.
package config

// Port is the port the service listens on.
var Port = "8080"

// FCPort is FC's port.
var FCPort = "9000"

// Addr returns the listen address.
func Addr() string { return ":" + Port }
