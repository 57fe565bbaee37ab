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
	"path/filepath"

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
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if s.Config != "" && !filepath.IsAbs(s.Config) {
		s.Config = filepath.Join(wd, s.Config) // the same file for every package
	}
	settings := fcconfig.Settings{Port: s.Port, Runtime: s.Runtime, Config: s.Config, Tests: s.Tests}
	sel, err := selectAnalyzers(fcconfig.Configure(analyzers.All(), settings), s.Enable, s.Disable)
	if err != nil {
		return nil, err
	}
	key, err := configKeyAnalyzer(wd, s.Config)
	if err != nil {
		return nil, err
	}
	return &Plugin{analyzers: append([]*analysis.Analyzer{key}, sel...)}, nil
}

// configKeyAnalyzer returns an analyzer that reports nothing and whose name
// carries config.Fingerprint of the folder golangci-lint runs in.
//
// golangci-lint (v2) caches each package's issues under a key made of its
// own binary (or version), the linters' settings in .golangci.yml, go.mod,
// the package's Go files and the sorted names of the linter's analyzers
// (pkg/goanalysis: getIssuesCacheKey). s.yaml is none of these; the name of
// this analyzer makes it one, so a changed configuration, or another file
// found, never brings back a stale result.
//
// It also checks every configuration file up front: one that cannot be
// parsed stops golangci-lint with its file and line, instead of each package
// falling back to the defaults without a word.
func configKeyAnalyzer(wd, explicit string) (*analysis.Analyzer, error) {
	sum, files := config.Fingerprint(wd, explicit)
	if err := config.CheckFiles(files, explicit); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return &analysis.Analyzer{
		Name: "fclintconfig_" + sum[:16],
		Doc:  "keys golangci-lint's cache with fclint's configuration files; reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}, nil
}

// BuildAnalyzers returns the analyzer that keys golangci-lint's cache with
// the configuration, then the selected analyzers, FC001 last.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers resolve callees and constants.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func (s *Settings) validate() error {
	if s.Port < 0 || s.Port > 65535 {
		return fmt.Errorf("port %d is outside 1-65535", s.Port)
	}
	if s.Runtime != "" && !config.IsCustomRuntime(s.Runtime) && !config.IsContainerRuntime(s.Runtime) {
		return fmt.Errorf("runtime %q is not a custom runtime (custom, custom.debian10, custom.debian11, custom.debian12, custom-container)", s.Runtime)
	}
	if s.Config != "" {
		// Fail at startup rather than silently falling back to defaults per package.
		fi, err := os.Stat(s.Config)
		if err != nil {
			return fmt.Errorf("config: %w (a relative path is taken from the folder golangci-lint runs in)", err)
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("config: %s is not a regular file", s.Config)
		}
	}
	return nil
}
