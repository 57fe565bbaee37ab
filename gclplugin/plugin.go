// Package gclplugin is fclint as a golangci-lint v2 module plugin. A custom
// golangci-lint built with `golangci-lint custom` from a .custom-gcl.yml that
// imports this package runs fclint's Go analyzers (FC101–FC107 and FC001) as
// the linter "fclint", configured under linters.settings.custom.fclint:
//
//	fclint:
//	  type: module
//	  settings:
//	    port: 9000                 # CAPort override
//	    runtime: custom.debian12   # runtime override
//	    config: deploy/s.yaml      # configuration file; default: the nearest s.yaml/template.yml
//	    tests: false               # also report in _test.go files
//	    enable: [FC101, FC102]     # rules to run (ID or name); default: all
//	    disable: [hardcoded-port]  # rules not to run
//
// golangci-lint handles //nolint:fclint itself (fclint honors it too).
//
// The settings are an input of the analyzers New returns (fcconfig.Configure),
// never a process-wide variable.
package gclplugin

import (
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/analyzers"
	"github.com/fclint/fclint/analyzers/fcconfig"
	"github.com/fclint/fclint/config"
)

// Name is the linter's name: the key under linters.settings.custom and in
// linters.enable, and the name //nolint: directives use.
const Name = "fclint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings, decoded from linters.settings.custom.fclint.settings.
type Settings struct {
	Port    int      `json:"port"`    // CAPort override; 0: from the configuration, else 9000
	Runtime string   `json:"runtime"` // runtime override, e.g. custom.debian12
	Config  string   `json:"config"`  // configuration file; "": the nearest one from each package upward
	Tests   bool     `json:"tests"`   // report findings in _test.go files
	Enable  []string `json:"enable"`  // rules to run, by ID or name; empty: all
	Disable []string `json:"disable"` // rules not to run, by ID or name
}

// Plugin is the register.LinterPlugin golangci-lint gets from New.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the settings, validates them, selects the analyzers and makes
// the analyzers with the settings (fcconfig.Configure). Bad settings are an error, which
// golangci-lint reports as "plugin(fclint): newPlugin ...".
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, err
	}
	if err := s.validate(); err != nil {
		return nil, err
	}
	settings := fcconfig.Settings{Port: s.Port, Runtime: s.Runtime, Config: s.Config, Tests: s.Tests}
	sel, err := selectAnalyzers(fcconfig.Configure(analyzers.All(), settings), s.Enable, s.Disable)
	if err != nil {
		return nil, err
	}
	return &Plugin{analyzers: sel}, nil
}

// BuildAnalyzers returns the selected analyzers, FC001 last.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers resolve callees and constants.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func (s *Settings) validate() error {
	if s.Port < 0 || s.Port > 65535 {
		return fmt.Errorf("port %d is outside 1-65535", s.Port)
	}
	if s.Runtime != "" && !config.IsCustomRuntime(s.Runtime) {
		return fmt.Errorf("runtime %q is not a custom runtime (custom, custom.debian10, custom.debian11, custom.debian12)", s.Runtime)
	}
	if s.Config != "" {
		// Fail at startup rather than silently falling back to defaults per package.
		if _, err := os.Stat(s.Config); err != nil {
			return fmt.Errorf("config: %w", err)
		}
	}
	return nil
}
