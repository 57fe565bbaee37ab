package archive

import (
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	bad := []string{"", "/etc/passwd", "../x", "a/../../x", `a\b`, "C:/x", "a\x00b", strings.Repeat("a", 256), strings.Repeat("a/", 2049)}
	for _, n := range bad {
		if CheckName(n) == nil {
			t.Errorf("CheckName(%.40q) = nil", n)
		}
	}
	for n, want := range map[string]string{"a/../../x": "escapes", "a/b/../../x": "has a .. component", "a/../x": "has a .. component"} {
		if err := CheckName(n); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckName(%q) = %v, want %q", n, err, want)
		}
	}
	good := []string{"bootstrap", "a/b/c", "./main", "a/..b", "node_modules/.bin/x", strings.Repeat("a", 255)}
	for _, n := range good {
		if err := CheckName(n); err != nil {
			t.Errorf("CheckName(%q) = %v", n, err)
		}
	}
}
