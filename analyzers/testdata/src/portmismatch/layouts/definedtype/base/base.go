// Package base declares a settings struct.
package base

// Settings are a server's settings.
type Settings struct {
	Port string
}
