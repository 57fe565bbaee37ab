package script

import (
	"strings"

	"github.com/fclint/fclint/internal/fcfacts"
)

// PortVars are the environment variables FC sets to CAPort: reading one of
// them is always the right port (FC 3.0 documents FC_CUSTOM_LISTEN_PORT; FC
// 2.0 samples and the emulator use FC_SERVER_PORT).
var PortVars = map[string]bool{fcfacts.ListenPortEnv: true, fcfacts.ServerPortEnv: true}

// CAPortValue is what Expand returns for a word that reads a PortVars variable.
const CAPortValue = "\x00CAPort\x00"

// Vars maps shell variables to known values.
type Vars map[string]string

// Expand substitutes $X, ${X} and ${X:-default} in w. FC port variables
// become CAPortValue (also inside host:port words); a variable with no known
// value makes the result unknown (ok false): the check then says nothing.
func Expand(w string, vars Vars) (string, bool) {
	if !strings.Contains(w, "$") {
		return w, true
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] != '$' || i+1 == len(w) {
			b.WriteByte(w[i])
			continue
		}
		var name string
		if w[i+1] == '{' {
			j := strings.IndexByte(w[i:], '}')
			if j < 0 {
				return "", false
			}
			inner := w[i+2 : i+j]
			i += j
			name = inner
			// ${X:-default}: FC sets no variable but its port ones, yet the
			// function's environment or an earlier line might set X, so the
			// default is only a guess and X decides.
			if k := strings.IndexAny(inner, ":-="); k >= 0 {
				name = inner[:k]
			}
		} else {
			j := i + 1
			for j < len(w) && (w[j] == '_' || w[j] >= 'A' && w[j] <= 'Z' || w[j] >= 'a' && w[j] <= 'z' || w[j] >= '0' && w[j] <= '9') {
				j++
			}
			if j == i+1 { // "$(", "$1"...: not a plain variable
				return "", false
			}
			name = w[i+1 : j]
			i = j - 1
		}
		switch v, known := vars[name]; {
		case PortVars[name]:
			b.WriteString(CAPortValue)
		case known:
			b.WriteString(v)
		default:
			return "", false
		}
	}
	return b.String(), true
}
