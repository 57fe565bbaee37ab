// Package config reads settings from the environment, with optional
// defaults passed as a variadic parameter (as gofiber's aws-ses-sender does).
package config

import "os"

// GetEnv returns the variable key, else the first default when one is given.
func GetEnv(key string, defaults ...string) string {
	if len(defaults) > 0 {
		if value := os.Getenv(key); value != "" {
			return value
		}
		return defaults[0]
	}
	return os.Getenv(key)
}

// Env returns the variable key, else def.
func Env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
