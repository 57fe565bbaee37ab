package serverconf

import (
	"strings"
	"testing"

	"github.com/fclint/fclint/analyzers/internal/fixture"
	"github.com/fclint/fclint/analyzers/internal/stubcheck"
)

// TestRowsResolveInStandIns: every type, field, option and start the tables
// name is declared, as named, by the framework stand-in the fixtures use (or
// by the standard library).
func TestRowsResolveInStandIns(t *testing.T) {
	var names []string
	for typ, s := range structs {
		names = append(names, typ)
		for field := range s.Fields {
			names = append(names, typ+"."+field)
		}
	}
	for name := range options {
		names = append(names, name)
	}
	for name, st := range starts {
		names = append(names, name)
		if st.Hook != "" {
			recv, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(name, "("), "*"), ")")
			names = append(names, recv+"."+st.Hook)
		}
	}
	for method, field := range echoServers {
		names = append(names, "(*"+echo4+".Echo)."+method)
		if field != "" {
			names = append(names, echo4+".Echo."+field)
		}
	}
	stubcheck.CheckNames(t, fixture.Dir(t), names...)
}
