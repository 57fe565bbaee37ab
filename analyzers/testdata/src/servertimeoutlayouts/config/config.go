// Package config holds the server's timeouts.
package config

import "time"

// ReadTimeout bounds reading a whole request.
var ReadTimeout = 30 * time.Second

// Timeouts are the server's limits.
type Timeouts struct {
	Read, Idle time.Duration
}

// Load returns the timeouts.
func Load() Timeouts {
	return Timeouts{Read: 0, Idle: 0}
}

// Short returns a read timeout too short for FC.
func Short() Timeouts {
	return Timeouts{Read: 5 * time.Second}
}
