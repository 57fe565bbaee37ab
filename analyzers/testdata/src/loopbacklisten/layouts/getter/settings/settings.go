// Package settings gives the listen host through a getter with a fallback.
package settings

import "os"

// Host is where the server listens: $BIND_HOST, else loopback.
func Host() string {
	if h := os.Getenv("BIND_HOST"); h != "" {
		return h
	}
	return "127.0.0.1"
}

// PublicHost is all interfaces.
func PublicHost() string { return "0.0.0.0" }
