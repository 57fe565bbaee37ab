package frameworks

import (
	"strings"
	"testing"
)

// TestRegistryShape checks what every framework file must hold: a name, entry
// points whose How has what it needs, and names in FullName form.
func TestRegistryShape(t *testing.T) {
	t.Parallel()
	all := All()
	if len(all) < 10 {
		t.Fatalf("%d frameworks registered, want the ten of today and more", len(all))
	}
	for _, fw := range all {
		if fw.Name == "" {
			t.Errorf("a framework without a name: %+v", fw)
		}
		for name, l := range fw.Listen {
			if !strings.Contains(name, ".") || strings.ContainsAny(name, " \t") {
				t.Errorf("%s: %q is not a types.Func.FullName", fw.Name, name)
			}
			switch l.How {
			case FromOptions:
				if len(l.Constructors) == 0 || l.AddrOption == "" || l.Default == "" {
					t.Errorf("%s: %s takes its address from options but names no constructor, option or default", fw.Name, name)
				}
			case FromRecvField, FromArgField:
				if l.Field == "" {
					t.Errorf("%s: %s takes its address from a field but names none", fw.Name, name)
				}
			case FromVariadic:
				if l.Default == "" {
					t.Errorf("%s: %s has no default address", fw.Name, name)
				}
			case FromOwnOptions:
				if l.AddrOption == "" || l.Default == "" {
					t.Errorf("%s: %s takes its address from its own options but names no option or default", fw.Name, name)
				}
			case FromHostPort:
				if l.Field == "" || l.PortField == "" {
					t.Errorf("%s: %s takes its address from host and port fields but names none", fw.Name, name)
				}
			case FixedAddr:
				if l.Default == "" || l.DefaultWhy == "" {
					t.Errorf("%s: %s has a fixed address but no default or reason", fw.Name, name)
				}
			}
			if l.How != NotASite && fw.Fix == "" {
				t.Errorf("%s starts servers but has no fix text", fw.Name)
			}
		}
		for name, s := range fw.Structs {
			if s.Timing == nil || len(s.Fields) == 0 {
				t.Errorf("%s: struct %s without timing or fields", fw.Name, name)
			}
		}
		for name, s := range fw.Starts {
			if s.Timing == nil || s.From == "" {
				t.Errorf("%s: start %s without timing or source", fw.Name, name)
			}
		}
	}
}

// TestRegisterTwice: a framework registered twice, or an entry point claimed
// by two frameworks, is refused.
func TestRegisterTwice(t *testing.T) {
	t.Parallel()
	for _, fw := range []*Framework{
		{Name: "gin"},
		{Name: "gin again", Listen: map[string]Listen{"(*github.com/gin-gonic/gin.Engine).Run": {}}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%s) did not refuse", fw.Name)
				}
			}()
			Register(fw)
		}()
	}
}
