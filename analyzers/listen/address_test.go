package listen

import (
	"go/token"
	"testing"

	"github.com/fclint/fclint/analyzers/eval"
)

func text(s string) eval.Value { return eval.TextValue(s, eval.KindLiteral, token.NoPos, "") }

func caport() eval.Value {
	return eval.Value{Parts: []eval.Part{{Sym: eval.CAPort, Origin: "FC_CUSTOM_LISTEN_PORT"}}}
}

func join(vs ...eval.Value) eval.Value {
	var out eval.Value
	for _, v := range vs {
		out.Parts = append(out.Parts, v.Str()...)
	}
	return out
}

func TestParseAddr(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		v        eval.Value
		loopback bool
		caport   bool // IsCAPort(9000)
		port     int  // -1: unknown
	}{
		{"literal", text("127.0.0.1:9000"), true, true, 9000},
		{"all interfaces", text(":9000"), false, true, 9000},
		{"ipv6 loopback", text("[::1]:8080"), true, false, 8080},
		{"ipv6 any", text("[::]:9000"), false, true, 9000},
		{"localhost", text("localhost:http"), true, false, 80},
		{"empty port", text("0.0.0.0:"), false, false, 0},
		{"env port", join(text("0.0.0.0:"), caport()), false, true, -1},
		{"loopback with unknown port", join(text("127.0.0.1:"), eval.Value{}), true, false, -1},
		{"unknown host", join(eval.Value{}, text(":9000")), false, true, 9000},
		{"no colon", text("9000"), false, false, -1},
		{"unbracketed ipv6", text("::1:9000"), false, true, 9000},
		{"split literal", join(text("127.0.0.1:90"), text("00")), true, true, 9000},
	} {
		a := parseAddr(tc.v)
		if got := a.Loopback(); got != tc.loopback {
			t.Errorf("%s: Loopback() = %v, want %v (%s)", tc.name, got, tc.loopback, a)
		}
		if got := a.IsCAPort(9000); got != tc.caport {
			t.Errorf("%s: IsCAPort(9000) = %v, want %v (%s)", tc.name, got, tc.caport, a)
		}
		n, ok := a.PortNumber()
		if !ok {
			n = -1
		}
		if n != tc.port {
			t.Errorf("%s: PortNumber() = %d, want %d (%s)", tc.name, n, tc.port, a)
		}
	}
}

// FuzzParseAddr: any text, alone or around FC's port variable, parses
// without panicking, and a port it reports is a valid port number.
func FuzzParseAddr(f *testing.F) {
	for _, s := range []string{"127.0.0.1:9000", ":", "[::1]:", "[", "]:", "a:b:c", "", "localhost:https", ":65536"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, before, after string) {
		for _, v := range []eval.Value{text(before), join(text(before), caport(), text(after)), join(eval.Value{}, text(after))} {
			a := parseAddr(v)
			_ = a.Loopback()
			_ = a.String()
			if n, ok := a.PortNumber(); ok && (n < 0 || n > 65535) {
				t.Fatalf("PortNumber() = %d for %q", n, v.String())
			}
		}
	})
}
