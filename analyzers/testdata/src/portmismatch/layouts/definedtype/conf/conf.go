// Package conf defines its own type over another package's struct: its
// fields are base's, so conf describes them only through its functions.
package conf

import "portmismatch/layouts/definedtype/base"

// Settings is base.Settings with conf's methods.
type Settings base.Settings

// Load returns the settings.
func Load() Settings {
	var s Settings
	s.Port = "8080"
	return s
}
