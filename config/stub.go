package config

import "errors"

// Find returns the nearest configuration file from dir upward (SPEC §2), or "" when none.
func Find(dir string) (string, error) { return "", errors.New("config.Find: not implemented") }

// Load parses a configuration file (s.yaml, s.yml, template.yml/.yaml, or FC API JSON).
func Load(path string) (*File, error) { return nil, errors.New("config.Load: not implemented") }

// Resolve finds (or opens --config), loads, selects the function and applies overrides.
// It returns an error only for --config files that cannot be read or parsed, and for
// discovered files that cannot be parsed.
func Resolve(opts Options) (*Result, error) {
	f := &Function{Format: FormatFlags}
	if opts.Port != 0 {
		f.Port = Field[int]{Value: opts.Port, Set: true}
	}
	if opts.Runtime != "" {
		f.Runtime = Field[string]{Value: opts.Runtime, Set: true}
	}
	return &Result{Function: f}, nil
}
