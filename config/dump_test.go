package config

import (
	"fmt"
	"github.com/fclint/fclint/internal/golden"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dump renders a File as stable text for golden comparison: every field with
// its state and position, paths relative to base.
func dump(f *File, base string) string {
	var b strings.Builder
	rel := func(p string) string {
		if p == "" {
			return ""
		}
		r, err := filepath.Rel(base, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	pos := func(p Pos) string {
		if p.File == "" {
			return "@flag"
		}
		return fmt.Sprintf("@%s:%d:%d", rel(p.File), p.Line, p.Column)
	}
	field := func(name string, set, unknown bool, value any, p Pos) {
		switch {
		case !set:
			fmt.Fprintf(&b, "  %-20s unset %s\n", name, pos(p))
		case unknown:
			fmt.Fprintf(&b, "  %-20s unknown %q %s\n", name, fmt.Sprint(value), pos(p))
		default:
			fmt.Fprintf(&b, "  %-20s %q %s\n", name, fmt.Sprint(value), pos(p))
		}
	}
	str := func(name string, f Field[string]) { field(name, f.Set, f.Unknown, f.Value, f.Pos) }
	num := func(name string, f Field[int]) { field(name, f.Set, f.Unknown, f.Value, f.Pos) }
	list := func(name string, f Field[[]string]) { field(name, f.Set, f.Unknown, f.Value, f.Pos) }

	fmt.Fprintf(&b, "file %s format %q\n", rel(f.Path), f.Format)
	for _, fn := range f.Functions {
		fmt.Fprintf(&b, "function %q format %q file %s %s\n", fn.Name, fn.Format, rel(fn.File), pos(fn.Pos))
		str("Runtime", fn.Runtime)
		num("Port", fn.Port)
		list("Command", fn.Command)
		list("Args", fn.Args)
		str("Code", fn.Code)
		fmt.Fprintf(&b, "  %-20s %q\n", "CodeDir", rel(fn.CodeDir))
		num("Timeout", fn.Timeout)
		str("Handler", fn.Handler)
		str("Initializer", fn.Initializer)
		str("HC.HTTPGetURL", fn.HealthCheck.HTTPGetURL)
		num("HC.InitialDelay", fn.HealthCheck.InitialDelaySeconds)
		num("HC.Period", fn.HealthCheck.PeriodSeconds)
		num("HC.Timeout", fn.HealthCheck.TimeoutSeconds)
		num("HC.Failure", fn.HealthCheck.FailureThreshold)
		num("HC.Success", fn.HealthCheck.SuccessThreshold)
		var env []string
		for k, v := range fn.Env {
			env = append(env, fmt.Sprintf("%s=%q %s", k, v, pos(fn.EnvPos[k])))
		}
		for k := range fn.EnvUnknown {
			env = append(env, fmt.Sprintf("%s unknown %s", k, pos(fn.EnvPos[k])))
		}
		sort.Strings(env)
		for _, e := range env {
			fmt.Fprintf(&b, "  env %s\n", e)
		}
		if fn.EnvUnresolved {
			fmt.Fprintf(&b, "  env unresolved\n")
		}
		for _, l := range fn.Layers {
			fmt.Fprintf(&b, "  layer %q\n", l)
		}
		if fn.LayersUnresolved {
			fmt.Fprintf(&b, "  layers unresolved\n")
		}
		for _, a := range fn.Actions {
			if a.Component != "" {
				fmt.Fprintf(&b, "  action %s component=%q dir=%q %s\n", a.Hook, a.Component, rel(a.Dir), pos(a.Pos))
				continue
			}
			fmt.Fprintf(&b, "  action %s run=%q path=%q dir=%q %s\n", a.Hook, a.Run, a.Path, rel(a.Dir), pos(a.Pos))
		}
	}
	return b.String()
}

// golden compares got with testdata/name, rewriting it under -update.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, "go test ./config -update")
}
