package config

import "strings"

// customRuntimes is the fc3 schema's runtime enum for custom runtimes
// (devsapp/fc3 src/schema.json, isCustomRuntime).
var customRuntimes = map[string]bool{
	"custom":          true,
	"custom.debian10": true,
	"custom.debian11": true,
	"custom.debian12": true,
}

// IsCustomRuntime reports whether rt is one of FC's custom runtimes: exactly
// custom, custom.debian10, custom.debian11 or custom.debian12.
func IsCustomRuntime(rt string) bool { return customRuntimes[rt] }

// runtimeFamilies maps runtime ID prefixes to a language family, longest
// prefixes first where they overlap ("custom-container" before "custom").
var runtimeFamilies = []struct{ prefix, family string }{
	{"custom-container", "custom-container"},
	{"custom", "custom"},
	{"python", "python"},
	{"nodejs", "nodejs"},
	{"java", "java"},
	{"go", "go"},
	{"php", "php"},
	{"dotnet", "dotnet"},
	{"ruby", "ruby"},
}

// RuntimeFamily names the language family of a runtime ID for messages:
// "python" for python3.10, "nodejs" for nodejs18, "go" for go1, "dotnet" for
// dotnetcore3.1, "custom" for custom.debian10, "custom-container", ...; ""
// when rt is not a known family.
func RuntimeFamily(rt string) string {
	rt = strings.ToLower(strings.TrimSpace(rt))
	for _, f := range runtimeFamilies {
		if strings.HasPrefix(rt, f.prefix) {
			return f.family
		}
	}
	return ""
}

// InitializerConfigured reports whether FC will call POST /initialize: an
// initializer handler is set (GetFunction shows an unconfigured one as an
// empty handler) or is a placeholder that may be set.
func (f *Function) InitializerConfigured() bool {
	return f != nil && f.Initializer.Set && (f.Initializer.Unknown || strings.TrimSpace(f.Initializer.Value) != "")
}

// LookupEnv reports what the configuration says about environment variable
// name: Set when declared, Unknown when its value (or the whole
// environmentVariables) is a placeholder, Pos where the value is written.
func (f *Function) LookupEnv(name string) Field[string] {
	if f == nil {
		return Field[string]{}
	}
	if v, ok := f.Env[name]; ok {
		return Field[string]{Value: v, Set: true, Pos: f.EnvPos[name]}
	}
	if f.EnvUnknown[name] {
		return Field[string]{Set: true, Unknown: true, Pos: f.EnvPos[name]}
	}
	if f.EnvUnresolved {
		return Field[string]{Set: true, Unknown: true, Pos: f.Pos}
	}
	return Field[string]{Pos: f.Pos}
}
