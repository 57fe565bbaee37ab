package frameworks

import (
	"os"
	"path/filepath"
	"testing"
)

func TestBeegoAppConf(t *testing.T) {
	env := map[string]string{"APP_PORT": "7000"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	for _, tc := range []struct {
		name, conf      string
		host, port, env string
	}{
		{"plain", "httpport = 9000\n", "", "9000", ""},
		{"case and quotes", "HTTPAddr = \"127.0.0.1\"\nHttpPort=8081\n", "127.0.0.1", "8081", ""},
		{"runmode section", "runmode = dev\nhttpport = 9000\n[dev]\nhttpport = 8088\n", "", "8088", ""},
		{"other section ignored", "httpport = 9000\n[test]\nhttpport = 8088\n", "", "9000", ""},
		{"env set", "httpport = ${APP_PORT||8080}\n", "", "7000", ""},
		{"env unset", "httpport = ${PORT||8080}\n", "", "8080", "PORT"},
		{"fc port", "httpport = ${FC_CUSTOM_LISTEN_PORT}\n", "", "", "FC_CUSTOM_LISTEN_PORT"},
		{"no key: default", "appname = x\n# httpport = 1\n", "", "8080", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, "conf"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "conf", "app.conf"), []byte(tc.conf), 0o644); err != nil {
				t.Fatal(err)
			}
			fa, ok := beegoAppConf(dir, lookup)
			if !ok || fa.Host != tc.host || fa.Port != tc.port || fa.PortEnv != tc.env {
				t.Errorf("got %+v (ok %v), want host %q port %q env %q", fa, ok, tc.host, tc.port, tc.env)
			}
		})
	}
	if _, ok := beegoAppConf(t.TempDir(), lookup); ok {
		t.Error("no conf/app.conf: want ok false")
	}
}

// FuzzParseINI: any app.conf parses without panicking, and a key written on
// a line of its own is found.
func FuzzParseINI(f *testing.F) {
	f.Add([]byte("appname = hello\nhttpport = 8080\n[dev]\nhttpport = ${P||1}\n"))
	f.Add([]byte("\ufeff[\n=\n\"\n;x\n[a]]\nk='v'"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ini := parseINI(data)
		for _, sec := range ini {
			for _, v := range sec {
				if v.line <= 0 {
					t.Fatalf("value %q without a line", v.value)
				}
				expandEnv(v.value, func(string) (string, bool) { return "", false })
			}
		}
	})
}
