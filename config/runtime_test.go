package config

import (
	"math"
	"testing"
)

func TestIsCustomRuntime(t *testing.T) {
	for rt, want := range map[string]bool{
		"custom": true, "custom.debian10": true, "custom.debian11": true, "custom.debian12": true,
		"custom.debian9": false, "custom-container": false, "Custom": false, " custom": false,
		"go1": false, "python3.10": false, "": false,
	} {
		if got := IsCustomRuntime(rt); got != want {
			t.Errorf("IsCustomRuntime(%q) = %v, want %v", rt, got, want)
		}
	}
}

func TestRuntimeFamily(t *testing.T) {
	for rt, want := range map[string]string{
		"custom": "custom", "custom.debian12": "custom", "custom-container": "custom-container",
		"python3.10": "python", "python2.7": "python", "nodejs20": "nodejs", "java11": "java",
		"go1": "go", "php7.2": "php", "dotnetcore3.1": "dotnet", "dotnet6": "dotnet",
		"ruby2.7": "ruby", "rust": "", "": "",
	} {
		if got := RuntimeFamily(rt); got != want {
			t.Errorf("RuntimeFamily(%q) = %q, want %q", rt, got, want)
		}
	}
}

func TestInitializerConfigured(t *testing.T) {
	for _, tc := range []struct {
		f    Field[string]
		want bool
	}{
		{Field[string]{}, false},
		{Field[string]{Set: true, Value: ""}, false}, // GetFunction's "not configured"
		{Field[string]{Set: true, Value: "  "}, false},
		{Field[string]{Set: true, Value: "index.init"}, true},
		{Field[string]{Set: true, Unknown: true, Value: "${env(INIT)}"}, true},
	} {
		fn := &Function{Initializer: tc.f}
		if got := fn.InitializerConfigured(); got != tc.want {
			t.Errorf("InitializerConfigured(%+v) = %v, want %v", tc.f, got, tc.want)
		}
	}
	var nilFn *Function
	if nilFn.InitializerConfigured() || nilFn.CAPort() != DefaultPort {
		t.Error("nil function")
	}
}

func TestParseInt(t *testing.T) {
	for s, want := range map[string]int{
		"9000": 9000, " 9000 ": 9000, "-1": -1, "0x2328": 9000, "0o21450": 9000, "9_000": 9000,
		"9000.0": 9000, "1e3": 1000, "99999999999999999999": math.MaxInt, "-1e30": math.MinInt,
	} {
		if got, ok := parseInt(s); !ok || got != want {
			t.Errorf("parseInt(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "abc", "9000abc", "3.5", "true", "NaN", "inf", ".inf", "0x", "_"} {
		if got, ok := parseInt(s); ok {
			t.Errorf("parseInt(%q) = %d, want not a number", s, got)
		}
	}
}
