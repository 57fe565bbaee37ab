// Package fcconfig provides the function configuration to the analyzers. It is
// an analyzer itself (like staticcheck's config.Analyzer) so that it works the
// same under `fclint check`, `go vet -vettool` and golangci-lint: each package
// finds its configuration from its own directory. The settings are an input
// of the analyzer, never a process-wide variable: go vet sets the default
// analyzer's flags, the other drivers analyze with Configure's copies.
package fcconfig

import (
	"path/filepath"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/fclint/fclint/config"
)

// Settings are the knobs every driver can set. Under go vet they are the flags
// -fclint.port, -fclint.runtime, -fclint.config and -fclint.tests.
type Settings struct {
	Port    int    // CAPort override; 0: from the configuration, else 9000
	Runtime string // runtime override
	Config  string // configuration file; "": discover from the package directory
	Tests   bool   // report findings in _test.go files
	// Function names the function of Config to use (fclint's project mode
	// checks each function of an s.yaml in turn); "": chosen by directory.
	Function string
	// Unimported are the analyzed packages no other analyzed package
	// imports: a driver that loads the whole module at once (fclint check)
	// knows them, and the server model exports no facts for them, since no
	// package would read those. nil: every package may be imported (go vet).
	Unimported *PackageSet
	// InMemoryFacts: the driver keeps analysis facts in memory and never
	// encodes them (fclint check), so the server model may hand out
	// summaries computed on first use instead of computing every package's
	// up front. false under go vet and golangci-lint, which encode facts.
	InMemoryFacts bool
}

// PackageSet is a set of import paths.
type PackageSet struct{ paths map[string]bool }

// NewPackageSet returns the set of paths.
func NewPackageSet(paths ...string) *PackageSet {
	s := &PackageSet{paths: map[string]bool{}}
	for _, p := range paths {
		s.paths[p] = true
	}
	return s
}

// Has reports whether path is in the set; a nil set has nothing.
func (s *PackageSet) Has(path string) bool { return s != nil && s.paths[path] }

// Analyzer resolves the configuration for the package under analysis with
// the settings of its flags (go vet); the analyzers require it. Drivers that
// hold settings of their own analyze with Configure's copies instead: there
// is no process-wide configuration.
var Analyzer = New(Settings{})

// New returns a configuration analyzer for the settings. Its flags change
// its own copy of them.
func New(s Settings) *analysis.Analyzer {
	settings := s
	// One run of the analyzer shares what it read: the module's packages share
	// their parent folders, and all packages of a folder one configuration.
	// Nothing outlives the analyzer, so a later run reads the files again.
	disc := &config.Discoverer{}
	var configs sync.Map // cacheKey -> *Config
	a := &analysis.Analyzer{
		Name:             "fclint",
		Doc:              "find the Function Compute configuration (s.yaml, template.yml) for the package; reports nothing",
		RunDespiteErrors: true,
		ResultType:       reflect.TypeOf((*Config)(nil)),
		Run: func(pass *analysis.Pass) (any, error) {
			dir := ""
			if len(pass.Files) > 0 {
				dir = filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
			}
			key := cacheKey{settings, dir}
			if c, ok := configs.Load(key); ok {
				return c, nil
			}
			c, _ := configs.LoadOrStore(key, resolve(settings, dir, disc))
			return c, nil
		},
	}
	a.Flags.IntVar(&settings.Port, "port", s.Port, "CAPort override (default: from s.yaml/template.yml, else 9000)")
	a.Flags.StringVar(&settings.Runtime, "runtime", s.Runtime, "runtime override, e.g. custom.debian10")
	a.Flags.StringVar(&settings.Config, "config", s.Config, "configuration file (default: the nearest s.yaml/template.yml from the package directory upward)")
	a.Flags.BoolVar(&settings.Tests, "tests", s.Tests, "also report findings in _test.go files")
	return a
}

// Configure returns the analyzers roots with their requirement on Analyzer
// replaced by a configuration analyzer for s: every analyzer that depends on
// the configuration, directly or not, is copied; the others are shared. The
// results of the copies are found by type (Of, ResultOf), never by analyzer.
func Configure(roots []*analysis.Analyzer, s Settings) []*analysis.Analyzer {
	cfg := New(s)
	copies := map[*analysis.Analyzer]*analysis.Analyzer{Analyzer: cfg}
	var configure func(a *analysis.Analyzer) *analysis.Analyzer
	configure = func(a *analysis.Analyzer) *analysis.Analyzer {
		if c, ok := copies[a]; ok {
			return c
		}
		copies[a] = a // a cycle is not valid anyway; keep the original
		reqs := make([]*analysis.Analyzer, len(a.Requires))
		changed := false
		for i, r := range a.Requires {
			reqs[i] = configure(r)
			changed = changed || reqs[i] != r
		}
		if !changed {
			return a
		}
		c := *a
		c.Requires = reqs
		copies[a] = &c
		return &c
	}
	out := make([]*analysis.Analyzer, len(roots))
	for i, a := range roots {
		out[i] = configure(a)
	}
	return out
}

// ResultOf returns the result of type T among the results of the pass's
// requirements: analyzers copied by Configure are found by what they return.
func ResultOf[T any](pass *analysis.Pass) (T, bool) {
	for _, r := range pass.ResultOf {
		if t, ok := r.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// Config is the analyzer's result.
type Config struct {
	Function *config.Function // never nil
	Found    bool             // a configuration file was found or given
	Tests    bool             // report in test files
	// Unimported are the packages no other analyzed package imports
	// (Settings.Unimported).
	Unimported *PackageSet
	// InMemoryFacts is Settings.InMemoryFacts.
	InMemoryFacts bool
}

// CAPort is the port the function's server must listen on.
func (c *Config) CAPort() int { return c.Function.CAPort() }

// Of returns the configuration result from a pass that requires Analyzer
// (or a copy of it); the defaults when it does not.
func Of(pass *analysis.Pass) *Config {
	if c, ok := ResultOf[*Config](pass); ok && c != nil {
		return c
	}
	return &Config{Function: &config.Function{Format: config.FormatFlags}}
}

// PortKey is the configuration key that sets CAPort for the pass's function,
// for messages and fixes (customContainerConfig.port for a custom container);
// customRuntimeConfig.port when the configuration does not tell.
func PortKey(pass *analysis.Pass) string {
	if k := Of(pass).Function.PortKey(); k != "" {
		return k
	}
	return "customRuntimeConfig.port"
}

// cacheKey: the settings include the flags, which may change after New.
type cacheKey struct {
	s   Settings
	dir string
}

// Resolve returns the configuration for a directory under the given settings.
// A configuration that cannot be read leaves the defaults in force; the CLI
// reports such errors itself.
func Resolve(s Settings, dir string) *Config { return resolve(s, dir, nil) }

func resolve(s Settings, dir string, disc *config.Discoverer) *Config {
	c := &Config{Tests: s.Tests, Unimported: s.Unimported, InMemoryFacts: s.InMemoryFacts}
	res, err := config.Resolve(config.Options{ConfigPath: s.Config, Dir: dir, Port: s.Port, Runtime: s.Runtime, Function: s.Function, Discoverer: disc})
	if err != nil || res == nil || res.Function == nil {
		res = &config.Result{Function: &config.Function{Format: config.FormatFlags}}
		if s.Port != 0 {
			res.Function.Port = config.Field[int]{Value: s.Port, Set: true}
		}
		if s.Runtime != "" {
			res.Function.Runtime = config.Field[string]{Value: s.Runtime, Set: true}
		}
	}
	c.Function = res.Function
	c.Found = res.File != nil
	return c
}
