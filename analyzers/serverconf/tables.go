package serverconf

import (
	"maps"
	"slices"
	"strings"

	"github.com/fclint/fclint/analyzers/frameworks"
)

// Knob is one server setting fclint judges; the registry defines them.
type Knob = frameworks.Knob

const (
	ReadTimeout      = frameworks.ReadTimeout
	WriteTimeout     = frameworks.WriteTimeout
	IdleTimeout      = frameworks.IdleTimeout
	KeepAliveTimeout = frameworks.KeepAliveTimeout
	KeepAlive        = frameworks.KeepAlive
	DisableKeepalive = frameworks.DisableKeepalive
	// MaxConnectionAge and MaxRequestsPerConn: see the registry.
	MaxConnectionAge   = frameworks.MaxConnectionAge
	MaxRequestsPerConn = frameworks.MaxRequestsPerConn
)

// Framework describes how a server family interprets its timeouts.
type Framework = frameworks.Timing

// NetHTTP is net/http's timing (echo serves through it).
var NetHTTP = frameworks.NetHTTP

// The registry's tables, merged: structs by "importpath.TypeName", options
// and starts by types.Func.FullName. Client configurations (http.Client,
// fasthttp.Client, redis.Options, net.Dialer) are absent on purpose: their
// timeouts bound outgoing calls, not FC's connections.
var (
	structs = merged(func(fw *frameworks.Framework) map[string]frameworks.Struct { return fw.Structs })
	options = merged(func(fw *frameworks.Framework) map[string]frameworks.Option { return fw.Options })
	// replacers by types.Func.FullName.
	replacers = merged(func(fw *frameworks.Framework) map[string]frameworks.Replacer { return fw.Replacers })
	starts    = merged(func(fw *frameworks.Framework) map[string]frameworks.Start { return fw.Starts })
)

// merged is the union of one table over every registered framework.
func merged[V any](table func(*frameworks.Framework) map[string]V) map[string]V {
	out := map[string]V{}
	for _, fw := range frameworks.All() {
		maps.Copy(out, table(fw))
	}
	return out
}

// serverAPI holds every object the tables name (types, fields, functions,
// methods); a package that uses none of them is skipped.
var serverAPI = func() *APISet {
	var names []string
	for typ, s := range structs {
		names = append(names, typ)
		pkg, _ := splitQualified(typ)
		for f := range s.Fields {
			names = append(names, pkg+"."+f)
		}
	}
	for fn := range options {
		names = append(names, fn)
	}
	for fn := range starts {
		names = append(names, fn)
	}
	for fn := range replacers {
		names = append(names, fn)
	}
	return NewAPISet(names...).WithResults(slices.Collect(maps.Keys(structs))...)
}()

// callNames are the bare names of options, starts and replacers: a cheap filter
// before building a callee's FullName.
var callNames = func() map[string]bool {
	m := map[string]bool{}
	for fn := range options {
		_, name := splitQualified(qualifiedName(fn))
		m[name] = true
	}
	for fn := range starts {
		_, name := splitQualified(qualifiedName(fn))
		m[name] = true
	}
	for fn := range replacers {
		_, name := splitQualified(qualifiedName(fn))
		m[name] = true
	}
	return m
}()

// qualifiedName turns a types.Func.FullName ("(*net/http.Server).Close",
// "net/http.Serve") into "importpath.Name" ("net/http.Close").
func qualifiedName(full string) string {
	if strings.HasPrefix(full, "(") {
		recv, name, _ := strings.Cut(full[1:], ").")
		pkg, _ := splitQualified(strings.TrimPrefix(recv, "*"))
		return pkg + "." + name
	}
	return full
}

// splitQualified splits "importpath.Name" at the dot after the last slash.
func splitQualified(s string) (pkg, name string) {
	i := strings.LastIndex(s, "/")
	j := strings.Index(s[i+1:], ".")
	if j < 0 {
		return s, ""
	}
	return s[:i+1+j], s[i+2+j:]
}
