package packaging

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/rules"
)

// writeTree creates files (mode in the name map value) under a new folder.
func writeTree(t *testing.T, files map[string]string, modes map[string]os.FileMode) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		mode := modes[name]
		if mode == 0 {
			mode = 0o644
		}
		if err := os.WriteFile(p, []byte(body), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
	}
	return root
}

func checkDir(t *testing.T, dir string, fn *config.Function) []string {
	t.Helper()
	fs, err := Check(Options{Path: dir, Function: fn, WorkDir: filepath.Dir(dir)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Severity.String()+" "+f.File+" "+f.Message)
	}
	return out
}

func TestDirectory(t *testing.T) {
	t.Run("exec bit from the file system", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"bootstrap": "#!/bin/sh\necho\n"}, nil)
		got := checkDir(t, dir, fnWith(nil))
		if len(got) != 1 || !strings.HasPrefix(got[0], "FC203 error "+filepath.Base(dir)+"/bootstrap") {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("fcignore hides the bootstrap", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"bootstrap": "#!/bin/sh\n", ".fcignore": "# comment\nbootstrap\n"}, map[string]os.FileMode{"bootstrap": 0o755})
		got := checkDir(t, dir, fnWith(nil))
		if len(got) != 1 || !strings.HasPrefix(got[0], "FC201") {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("pre-deploy builds the missing target: warning", func(t *testing.T) {
		proj := t.TempDir()
		code := filepath.Join(proj, "code", "target")
		os.MkdirAll(code, 0o755)
		os.WriteFile(filepath.Join(code, "README"), []byte("x"), 0o644)
		fn := fnWith(command("/code/main"))
		fn.File = filepath.Join(proj, "s.yaml")
		fn.Actions = []config.Action{{Hook: "pre-deploy", Run: "GOOS=linux GOARCH=amd64 CGO_ENABLED=0 go build -o target/main main.go", Path: "./code"}}
		got := checkDir(t, code, fn)
		if len(got) != 1 || !strings.HasPrefix(got[0], "FC207 warning") || !strings.Contains(got[0], "pre-deploy") {
			t.Fatalf("got %q", got)
		}
		fn.Actions = nil
		if got := checkDir(t, code, fn); len(got) != 1 || !strings.HasPrefix(got[0], "FC207 error") {
			t.Fatalf("without the action: %q", got)
		}
	})
	t.Run("nested root in a code folder", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"app/bootstrap": "#!/bin/sh\n"}, map[string]os.FileMode{"app/bootstrap": 0o755})
		got := checkDir(t, dir, fnWith(nil))
		if len(got) != 1 || !strings.HasPrefix(got[0], "FC202") || !strings.Contains(got[0], "point code: at") {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("escaping symlink", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"bootstrap": "#!/bin/sh\n"}, map[string]os.FileMode{"bootstrap": 0o755})
		os.Symlink("../../etc/passwd", filepath.Join(dir, "passwd"))
		os.Symlink("bootstrap", filepath.Join(dir, "start"))
		got := checkDir(t, dir, fnWith(nil))
		if len(got) != 1 || !strings.HasPrefix(got[0], "FC208") || !strings.Contains(got[0], "passwd") {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("script line in findings", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"bootstrap": "#!/bin/bash\n\nuvicorn app:app --host 127.0.0.1 --port 9000 --timeout-keep-alive 86400\n"}, map[string]os.FileMode{"bootstrap": 0o755})
		fs, err := Check(Options{Path: dir, Function: fnWith(nil), WorkDir: filepath.Dir(dir)})
		if err != nil || len(fs) != 1 {
			t.Fatalf("%v %v", fs, err)
		}
		f := fs[0]
		if f.Rule != "FC302" || f.Line != 3 || f.Source != "uvicorn app:app --host 127.0.0.1 --port 9000 --timeout-keep-alive 86400" || f.File != filepath.Base(dir)+"/bootstrap" {
			t.Fatalf("%+v", f)
		}
	})
}

func TestConfig(t *testing.T) {
	pos := func(line int) config.Pos { return config.Pos{File: "/proj/s.yaml", Line: line} }
	fn := fnWith(func(f *config.Function) {
		f.File = "/proj/s.yaml"
		f.Runtime = config.Field[string]{Value: "python3.10", Set: true, Pos: pos(7)}
		f.Port = config.Field[int]{Value: 70000, Set: true, Pos: pos(9)}
		f.Timeout = config.Field[int]{Value: 0, Set: true, Pos: pos(10)}
		f.HealthCheck.TimeoutSeconds = config.Field[int]{Value: 5, Set: true, Pos: pos(12)}
		f.HealthCheck.InitialDelaySeconds = config.Field[int]{Value: 0, Set: true, Pos: pos(13)}
		f.HealthCheck.HTTPGetURL = config.Field[string]{Value: "ready", Set: true, Pos: pos(14)}
		f.Code = config.Field[string]{Value: "./nowhere", Set: true, Pos: pos(8)}
		f.CodeDir = "/proj/nowhere"
	})
	fs := checkZip(t, fn, zf{Name: "bootstrap", Body: okScript, Mode: 0o755}, zf{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755})
	lines := map[int]string{}
	for _, f := range fs {
		if f.Rule == "FC301" {
			if f.File != "/proj/s.yaml" || f.Severity != rules.Error {
				t.Errorf("FC301 at %s (%v)", f.File, f.Severity)
			}
			lines[f.Line] = f.Message
		}
	}
	want := map[int]string{7: "python", 8: "does not exist", 9: "70000", 10: "timeout is 0", 12: "1 to 3", 14: "starting with /"}
	for line, s := range want {
		if !strings.Contains(lines[line], s) {
			t.Errorf("line %d: %q, want %q", line, lines[line], s)
		}
	}
	if len(lines) != len(want) {
		t.Errorf("FC301 lines %v", lines)
	}
}

// fclint package . names files as they are, not ./bootstrap.
func TestDirectoryItself(t *testing.T) {
	dir := writeTree(t, map[string]string{"bootstrap": "#!/bin/sh\necho\n"}, nil)
	fs, err := Check(Options{Path: dir, Function: fnWith(nil), WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].File != "bootstrap" {
		t.Fatalf("findings %+v, want one on bootstrap", fs)
	}
}
