// Package config is the near-miss of ../configfield/config: the port is FC's.
package config

import "os"

// Config is the service's settings.
type Config struct {
	Port string
}

// Load reads the settings from the environment.
func Load() *Config {
	c := &Config{}
	c.Port = os.Getenv("FC_CUSTOM_LISTEN_PORT")
	if c.Port == "" {
		c.Port = "8080"
	}
	return c
}
