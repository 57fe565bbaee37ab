package frameworks

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func noEnv(string) (string, bool, bool) { return "", false, false }

func TestGoFrameAddrs(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, instance string
		want                       []string // host:port, nil for unknown
	}{
		{"yaml", "manifest/config/config.yaml", "server:\n  address: \":8000\"\n", "", []string{":8000"}},
		{"port alone", "config.yaml", "server:\n  address: 8000\n", "", []string{":8000"}},
		{"several", "config/config.yml", "server:\n  address: \"127.0.0.1:8000, :9000#3\"\n", "", []string{"127.0.0.1:8000", ":9000"}},
		{"empty", "config.yaml", "server:\n  address: \"\"\n", "", []string{":80"}},
		{"no address", "config.yaml", "server:\n  openapiPath: /api.json\n", "", []string{":0"}},
		{"no server", "config.yaml", "logger:\n  level: all\n", "", []string{":0"}},
		{"empty file", "config.yaml", "", "", []string{":0"}},
		{"instance", "config.yaml", "server:\n  address: :9000\n  api:\n    address: :8000\n", "api", []string{":8000"}},
		{"other instance", "config.yaml", "server:\n  address: :9000\n  api:\n    address: :8000\n", "admin", []string{":9000"}},
		{"httpserver, case", "config.json", `{"HTTP_Server": {"ADDRESS": ":7000"}}`, "", []string{":7000"}},
		{"exact server first", "config.yaml", "Server:\n  address: :1\nserver:\n  address: :2\n", "", []string{":2"}},
		{"merge key", "config.yaml", "base: &b\n  address: :8000\nserver:\n  <<: *b\n", "", []string{":8000"}},
		{"toml unknown", "config.toml", "[server]\naddress = \":8000\"\n", "", nil},
		{"broken yaml unknown", "config.yaml", "server: [\n", "", nil},
		{"sequence unknown", "config.yaml", "server:\n  address: [a]\n", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, tc.file), tc.text)
			fas, ok := goFrameAddrs(tc.instance, []string{dir}, noEnv)
			if !ok {
				t.Fatal("no file found")
			}
			var got []string
			for _, fa := range fas {
				got = append(got, fa.Host+":"+fa.Port)
			}
			if len(got) != len(tc.want) || (tc.want == nil) != (fas == nil) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %q, want %q", got, tc.want)
				}
			}
		})
	}
	if _, ok := goFrameAddrs("", []string{t.TempDir()}, noEnv); ok {
		t.Error("no file: want ok false")
	}
}

// TestGoFrameSearch: gcfg's order (all paths and folders for one file type
// before the next type) and its environment variables.
func TestGoFrameSearch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "manifest/config/config.yaml"), "server:\n  address: :1\n")
	writeFile(t, filepath.Join(dir, "config/config.json"), `{"server": {"address": ":2"}}`)
	writeFile(t, filepath.Join(dir, "prod.yaml"), "server:\n  address: :3\n")
	writeFile(t, filepath.Join(dir, "etc/config.yaml"), "server:\n  address: :4\n")
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string // "" for unknown
	}{
		{"yaml before json", nil, ":1"},
		{"GF_GCFG_FILE", map[string]string{"GF_GCFG_FILE": "prod.yaml"}, ":3"},
		{"GF_GCFG_PATH", map[string]string{"GF_GCFG_PATH": "etc"}, ":4"},
		{"GF_GCFG_PATH absolute", map[string]string{"GF_GCFG_PATH": "/code/etc"}, ""},
	} {
		env := func(k string) (string, bool, bool) { v, ok := tc.env[k]; return v, ok, false }
		fas, ok := goFrameAddrs("", []string{dir}, env)
		got := ""
		if len(fas) > 0 {
			got = fas[0].Host + ":" + fas[0].Port
		}
		if !ok || got != tc.want {
			t.Errorf("%s: got %q (ok %v), want %q", tc.name, got, ok, tc.want)
		}
	}
	unknown := func(k string) (string, bool, bool) { return "", false, k == "GF_GCFG_FILE" }
	if fas, ok := goFrameAddrs("", []string{dir}, unknown); !ok || fas != nil {
		t.Errorf("unknown GF_GCFG_FILE: got %v %v, want unknown", fas, ok)
	}
}

func TestGoFrameSettings(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "server:\n  readTimeout: 30s\n  write_timeout: 1d2h\n  IdleTimeout: 5\n")
	got, found, known := goFrameSettings("", []string{dir}, noEnv)
	want := map[Knob]time.Duration{ReadTimeout: 30 * time.Second, WriteTimeout: 26 * time.Hour, IdleTimeout: 5}
	if !found || !known || len(got) != 3 {
		t.Fatalf("got %+v %v %v", got, found, known)
	}
	for _, s := range got {
		if want[s.Knob] != s.Duration {
			t.Errorf("%v: got %v, want %v (%s)", s.Knob, s.Duration, want[s.Knob], s.Where)
		}
	}
	if got[0].Where != "server.readTimeout: 30s in config.yaml:2" {
		t.Errorf("where: %q", got[0].Where)
	}
	writeFile(t, filepath.Join(dir, "config.yaml"), "server:\n  readTimeout: soon\n")
	if _, found, known := goFrameSettings("", []string{dir}, noEnv); !found || known {
		t.Errorf("unreadable duration: found %v known %v, want found and unknown", found, known)
	}
}

func TestGfDuration(t *testing.T) {
	for s, want := range map[string]time.Duration{"60s": time.Minute, "0": 0, "60": 60, "-1": -1, "1d": 24 * time.Hour, "2D30m": 48*time.Hour + 30*time.Minute, "1h": time.Hour} {
		if d, ok := gfDuration(s); !ok || d != want {
			t.Errorf("%q: got %v %v, want %v", s, d, ok, want)
		}
	}
	for _, s := range []string{"", "1.5", "soon", "d", "1dx"} {
		if _, ok := gfDuration(s); ok {
			t.Errorf("%q: want not ok", s)
		}
	}
}

// TestGfBool: keepAlive's value as gconv.Bool reads what YAML resolves.
func TestGfBool(t *testing.T) {
	for text, want := range map[string]bool{
		"false": false, "False": false, "~": false, `""`: false, "0": false, "0.0": false, "no": false,
		"OFF": false, `"false"`: false, "true": true, "1": true, "yes": true, "on": true, "-1": true, `" false"`: true,
	} {
		root, ok := ParseYAML([]byte("keepAlive: " + text + "\n"))
		if !ok {
			t.Fatalf("%q does not parse", text)
		}
		_, v := gfKey(root, "keepAlive")
		if got, ok := gfBool(v); !ok || got != want {
			t.Errorf("keepAlive: %s is %v (ok %v), want %v", text, got, ok, want)
		}
	}
	root, _ := ParseYAML([]byte("keepAlive: [false]\n"))
	if _, v := gfKey(root, "keepAlive"); v == nil {
		t.Fatal("no keepAlive")
	} else if _, ok := gfBool(v); ok {
		t.Error("a sequence is read as a switch")
	}
}

// FuzzGoFrameConfig: any configuration file parses and is looked up without
// panicking.
func FuzzGoFrameConfig(f *testing.F) {
	f.Add([]byte("server:\n  address: \":8000\"\n  readTimeout: 30s\n  api:\n    address: 1\n"), "api")
	f.Add([]byte(`{"httpServer": {"Address": ":1,:2#3", "idle_timeout": "1d"}}`), "")
	f.Add([]byte("a: &a\n  b: *a\nserver:\n  <<: [*a, {x: 1}]\n  <<: *a\n"), "b")
	f.Fuzz(func(t *testing.T, data []byte, instance string) {
		root, ok := ParseYAML(data)
		if !ok {
			return
		}
		f := gfFile{rel: "config.yaml", root: root}
		for _, fa := range gfAddrs(f, instance) {
			if fa.Why == "" {
				t.Fatalf("address %+v without a reason", fa)
			}
		}
		settings, _ := gfSettings(f, instance)
		for _, s := range settings {
			if s.Where == "" || s.Fix == "" {
				t.Fatalf("setting %+v without where or fix", s)
			}
		}
	})
}
