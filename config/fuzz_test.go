package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/internal/fuzzseed"
)

// FuzzLoad feeds arbitrary bytes to the parser, as YAML and as JSON. It must
// never panic, and its results must keep the package's invariants. The step
// budget bounds the work per input, whatever the aliases.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, p := range seeds {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	// The YAML of the CLI's testscripts, the examples and the analyzer fixtures.
	for _, data := range fuzzseed.Named(f, "*.y*ml", "analyzers/testdata", "examples", "report/testdata") {
		f.Add(data)
	}
	f.Add([]byte("edition: 3.0.0\nresources: [1, 2]\n"))
	f.Add([]byte("edition: 1.0.0\nservices:\n  s: {component: fc, props: {function: [x]}}\n"))
	f.Add([]byte("a: &a [*a]\nresources: *a\n"))
	f.Add([]byte(`{"functions": [{"functionName": "x", "layers": "y"}, 3]}`))
	f.Add([]byte("Resources:\n  s: {Type: 'Aliyun::Serverless::Service', f: {Type: 'Aliyun::Serverless::Function', Properties: !Ref P}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"s.yaml", "f.json"} {
			file, err := parse(data, filepath.Join(string(filepath.Separator), "fuzz", name))
			if err != nil {
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("multi-line error: %q", err)
				}
				continue
			}
			for _, fn := range file.Functions {
				checkInvariants(t, fn)
			}
		}
	})
}

func checkInvariants(t *testing.T, fn *Function) {
	t.Helper()
	if fn == nil {
		t.Fatal("nil function")
	}
	if fn.Env == nil || fn.EnvUnknown == nil || fn.EnvPos == nil {
		t.Error("nil env maps")
	}
	if fn.Port.Unknown && !fn.Port.Set {
		t.Error("Port unknown but not set")
	}
	if fn.CodeDir != "" && (!fn.Code.Known() || isRemote(fn.Code.Value)) {
		t.Errorf("CodeDir %q from code %+v", fn.CodeDir, fn.Code)
	}
	_ = fn.CAPort()
	_ = fn.InitializerConfigured()
}
