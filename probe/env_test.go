package probe

import (
	"slices"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
)

func TestEnvironment(t *testing.T) {
	f := &config.Function{
		Name:       "orders",
		Env:        map[string]string{"DSN": "from-config", "PATH": "/opt/bin:/usr/bin"},
		EnvUnknown: map[string]bool{"TOKEN": true, "KEY": true},
	}
	env := environment(f, 9001, "/code", []string{"DSN=from-flag", "EXTRA=a=b"}, 512)
	want := []string{
		"FC_CUSTOM_LISTEN_PORT=9001", "FC_SERVER_PORT=9001", "FC_FUNC_CODE_PATH=/code",
		"FC_FUNCTION_NAME=orders", "DSN=from-flag", "EXTRA=a=b", "PATH=/opt/bin:/usr/bin",
		"LD_LIBRARY_PATH=/code:/code/lib:/usr/local/lib",
	}
	for _, w := range want {
		if !slices.Contains(env, w) {
			t.Errorf("environment lacks %s: %v", w, env)
		}
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "HOME=/root") || strings.HasPrefix(kv, "GOPATH=") {
			t.Errorf("host variable leaked: %s", kv)
		}
	}
	if got := unresolvedEnv(f, []string{"KEY=x"}); !slices.Equal(got, []string{"TOKEN"}) {
		t.Errorf("unresolvedEnv = %v, want [TOKEN]", got)
	}
}

func TestCommandLine(t *testing.T) {
	if got := commandLine(nil); !slices.Equal(got, []string{"/code/bootstrap"}) {
		t.Errorf("default: %v", got)
	}
	f := &config.Function{
		Command: config.Field[[]string]{Value: []string{"python3"}, Set: true},
		Args:    config.Field[[]string]{Value: []string{"/code/app.py", "--port", "9000"}, Set: true},
	}
	got := commandLine(f)
	if !slices.Equal(got, []string{"python3", "/code/app.py", "--port", "9000"}) {
		t.Errorf("command + args: %v", got)
	}
	if moved := outsideCode(got, "/tmp/pkg"); !slices.Equal(moved, []string{"python3", "/tmp/pkg/app.py", "--port", "9000"}) {
		t.Errorf("outsideCode: %v", moved)
	}
	// Placeholders are unknown: FC's default applies.
	f.Command.Unknown, f.Args.Unknown = true, true
	if got := commandLine(f); !slices.Equal(got, []string{"/code/bootstrap"}) {
		t.Errorf("unknown command: %v", got)
	}
}

func TestParseEnv(t *testing.T) {
	if err := ParseEnv([]string{"A=1", "B=", "C=x=y"}); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"A", "=1", "A B=1"} {
		if err := ParseEnv([]string{bad}); err == nil {
			t.Errorf("ParseEnv(%q) accepted", bad)
		}
	}
}
