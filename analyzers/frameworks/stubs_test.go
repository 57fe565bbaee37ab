package frameworks_test

import (
	"strings"
	"testing"

	"github.com/fclint/fclint/analyzers/frameworks"
	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/internal/stubcheck"
)

// TestNamesResolveInStandIns: every name a framework file uses (entry
// points, constructors, options, structs and their fields, starts and their
// hooks, deadline middleware, header setters) is declared, as named and with
// that receiver, by the framework stand-in under analyzers/testdata/src (or
// by the standard library). The stand-ins are checked against the real
// modules by analyzers/internal/stubcheck, so a row cannot name an API that
// does not exist.
func TestNamesResolveInStandIns(t *testing.T) {
	stubcheck.CheckNames(t, fixture.Dir(t), registryNames()...)
}

func registryNames() []string {
	var names []string
	for _, fw := range frameworks.All() {
		for name, l := range fw.Listen {
			names = append(names, name)
			names = append(names, l.Constructors...)
			if l.AddrOption != "" {
				names = append(names, l.AddrOption)
			}
			if l.Field != "" && (l.How == frameworks.FromRecvField) {
				names = append(names, receiverType(name)+"."+l.Field)
			}
		}
		for typ, s := range fw.Structs {
			names = append(names, typ)
			for field := range s.Fields {
				names = append(names, typ+"."+field)
			}
		}
		for name := range fw.Options {
			names = append(names, name)
		}
		for name, s := range fw.Starts {
			names = append(names, name)
			if s.Hook != "" {
				names = append(names, receiverType(name)+"."+s.Hook)
			}
		}
		for name := range fw.Deadlines {
			names = append(names, name)
		}
		for typ, field := range fw.DeadlineFields {
			names = append(names, typ, typ+"."+field)
		}
		for name, d := range fw.DefaultDeadlines {
			names = append(names, name, d.Option)
		}
		names = append(names, fw.HeaderSetters...)
		names = append(names, fw.ConnectionClosers...)
	}
	return names
}

// receiverType turns "(*importpath.T).M" into "importpath.T".
func receiverType(fullName string) string {
	recv, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(fullName, "("), "*"), ")")
	return recv
}
