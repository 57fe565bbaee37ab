// Package fcconfig provides the function configuration to the analyzers. It is
// an analyzer itself (like staticcheck's config.Analyzer) so that it works the
// same under `fclint check`, `go vet -vettool` and golangci-lint: each package
// finds its configuration from its own directory.
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
}

// Current holds the settings in effect. Drivers set it before analysis starts.
var Current Settings

// Analyzer resolves the configuration for the package under analysis.
var Analyzer = &analysis.Analyzer{
	Name:             "fclint",
	Doc:              "find the Function Compute configuration (s.yaml, template.yml) for the package; reports nothing",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeOf((*Config)(nil)),
}

func init() {
	Analyzer.Flags.IntVar(&Current.Port, "port", 0, "CAPort override (default: from s.yaml/template.yml, else 9000)")
	Analyzer.Flags.StringVar(&Current.Runtime, "runtime", "", "runtime override, e.g. custom.debian10")
	Analyzer.Flags.StringVar(&Current.Config, "config", "", "configuration file (default: the nearest s.yaml/template.yml from the package directory upward)")
	Analyzer.Flags.BoolVar(&Current.Tests, "tests", false, "also report findings in _test.go files")
}

// Config is the analyzer's result.
type Config struct {
	Function *config.Function // never nil
	Found    bool             // a configuration file was found or given
	Tests    bool             // report in test files
}

// CAPort is the port the function's server must listen on.
func (c *Config) CAPort() int { return c.Function.CAPort() }

// Of returns the configuration result from a pass that requires Analyzer.
func Of(pass *analysis.Pass) *Config { return pass.ResultOf[Analyzer].(*Config) }

var cache sync.Map // key: Settings + dir -> *Config

type cacheKey struct {
	s   Settings
	dir string
}

func run(pass *analysis.Pass) (any, error) {
	dir := ""
	if len(pass.Files) > 0 {
		dir = filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	}
	return Resolve(Current, dir), nil
}

// Resolve returns the configuration for a directory under the given settings,
// cached: all packages of one folder share one read. A configuration that cannot
// be read leaves the defaults in force; the CLI reports such errors itself.
func Resolve(s Settings, dir string) *Config {
	key := cacheKey{s, dir}
	if c, ok := cache.Load(key); ok {
		return c.(*Config)
	}
	c := &Config{Tests: s.Tests}
	res, err := config.Resolve(config.Options{ConfigPath: s.Config, Dir: dir, Port: s.Port, Runtime: s.Runtime, Function: s.Function})
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
	actual, _ := cache.LoadOrStore(key, c)
	return actual.(*Config)
}
