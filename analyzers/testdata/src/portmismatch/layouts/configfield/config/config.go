// Package config reads the settings into a struct.
package config

import "os"

// Config is the service's settings.
type Config struct {
	Port string
}

// Load reads the settings from the environment.
func Load() *Config {
	c := &Config{}
	c.Port = os.Getenv("APP_PORT")
	if c.Port == "" {
		c.Port = "8080"
	}
	return c
}
