package packaging

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/fclint/fclint/config"
	"github.com/fclint/fclint/packaging/internal/testbin"
	"github.com/fclint/fclint/packaging/internal/ziptest"
	"github.com/fclint/fclint/report"
	"github.com/fclint/fclint/rules"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

type zf = ziptest.File

const okScript = "#!/bin/bash\nexec /code/main\n"

func fnWith(mod func(f *config.Function)) *config.Function {
	f := &config.Function{Format: config.FormatFC3, File: "/nonexistent/s.yaml"}
	f.Runtime = config.Field[string]{Value: "custom.debian10", Set: true}
	if mod != nil {
		mod(f)
	}
	return f
}

func command(words ...string) func(*config.Function) {
	return func(f *config.Function) { f.Command = config.Field[[]string]{Value: words, Set: true} }
}

func commandArgs(cmd []string, args []string) func(*config.Function) {
	return func(f *config.Function) {
		f.Command = config.Field[[]string]{Value: cmd, Set: true}
		f.Args = config.Field[[]string]{Value: args, Set: true}
	}
}

// checkZip writes the entries as function.zip and checks it from its folder.
func checkZip(t *testing.T, fn *config.Function, files ...zf) []report.Finding {
	t.Helper()
	p := ziptest.Write(t, "function.zip", files...)
	fs, err := Check(Options{Path: p, Function: fn, WorkDir: filepath.Dir(p)})
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	return fs
}

// ruleIDs lists the rules found, without FC5xx: the application-server
// rules have their own tests (appserver_test.go, packaging/appserver).
func ruleIDs(fs []report.Finding) string {
	var ids []string
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "FC5") {
			continue
		}
		ids = append(ids, f.Rule)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func dump(fs []report.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  " + f.Rule + " " + f.Severity.String() + " " + f.File + ":" + strconv.Itoa(f.Line) + " " + f.Message)
	}
	return b.String()
}

// find returns the first finding of a rule, failing when there is none.
func find(t *testing.T, fs []report.Finding, rule string) report.Finding {
	t.Helper()
	for _, f := range fs {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no %s finding; got:%s", rule, dump(fs))
	return report.Finding{}
}

func TestLayoutAndModes(t *testing.T) {
	cases := []struct {
		name  string
		fn    *config.Function
		files []zf
		want  string // sorted rule IDs
		check func(t *testing.T, fs []report.Finding)
	}{
		{
			name:  "clean bootstrap script running a file",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "#!/bin/bash\nexec python3 -V\n", Mode: 0o755}},
			want:  "FC210", // python3 is not on PATH in debian10
		},
		{
			name:  "nothing to start",
			fn:    fnWith(nil),
			files: []zf{{Name: "main", Body: "x", Mode: 0o755}},
			want:  "FC201",
		},
		{
			name:  "nested root: the folder was zipped",
			fn:    fnWith(nil),
			files: []zf{{Name: "app/", Mode: 0o755 | os.ModeDir}, {Name: "app/bootstrap", Body: "#!/bin/sh\necho hi\n", Mode: 0o755}},
			want:  "FC202",
			check: func(t *testing.T, fs []report.Finding) {
				f := find(t, fs, "FC202")
				if f.File != "function.zip!app/bootstrap" || !strings.Contains(f.Fix, "rm function.zip && cd app && zip -r ../function.zip .") {
					t.Errorf("FC202 = %s %q fix %q", f.File, f.Message, f.Fix)
				}
			},
		},
		{
			name:  "nested root with a command",
			fn:    fnWith(command("/code/main")),
			files: []zf{{Name: "dist/main", Body: "#!/bin/sh\n", Mode: 0o755}},
			want:  "FC202",
		},
		{
			name:  "bootstrap without exec bit",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "#!/bin/sh\necho\n", Mode: 0o644}},
			want:  "FC203",
			check: func(t *testing.T, fs []report.Finding) {
				f := find(t, fs, "FC203")
				if !strings.Contains(f.Message, "0644") || !strings.Contains(f.Message, "CAFilePermission") || !strings.Contains(f.Message, "code 13") {
					t.Errorf("FC203 message %q", f.Message)
				}
				// zip -X drops extra attributes; it does not set the exec bit.
				if strings.Contains(f.Fix, "zip -X") || !strings.Contains(f.Fix, "chmod +x bootstrap") {
					t.Errorf("FC203 fix %q", f.Fix)
				}
			},
		},
		{
			name:  "made on Windows: no Unix mode",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "#!/bin/sh\necho\n", NoUnix: true}},
			want:  "FC203",
			check: func(t *testing.T, fs []report.Finding) {
				f := find(t, fs, "FC203")
				if !strings.Contains(f.Message, "no Unix mode") || !strings.Contains(f.Fix, "fclint pack") || !strings.Contains(f.Fix, "chmod +x") || strings.Contains(f.Fix, "zip -X") {
					t.Errorf("FC203 %q fix %q", f.Message, f.Fix)
				}
			},
		},
		{
			name: "command target without exec bit, args file present",
			fn:   fnWith(command("/code/start.sh")),
			files: []zf{
				{Name: "start.sh", Body: "#!/bin/sh\n", Mode: 0o600},
			},
			want: "FC203",
		},
		{
			name: "python command: no exec bit needed, file missing",
			fn: fnWith(func(f *config.Function) {
				command("python3", "app.py")(f)
				f.Env = map[string]string{"PATH": "/var/fc/lang/python3.10/bin:$PATH"}
			}),
			files: []zf{{Name: "server.py", Body: "print()"}},
			want:  "FC207",
			check: func(t *testing.T, fs []report.Finding) {
				if f := find(t, fs, "FC207"); !strings.Contains(f.Message, "app.py") {
					t.Errorf("FC207 %q", f.Message)
				}
			},
		},
		{
			name:  "unsafe names",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755}, {Name: "../evil", Body: "x"}, {Name: "/etc/passwd", Body: "x"}, {Name: `dir\file`, Body: "x"}, {Name: "link", Body: "../../etc/shadow", Mode: os.ModeSymlink | 0o777}, {Name: "abs", Body: "/etc/hosts", Mode: os.ModeSymlink | 0o777}, {Name: "ok", Body: "/code/bootstrap", Mode: os.ModeSymlink | 0o777}, {Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755}},
			want:  "FC208,FC208,FC208,FC208,FC208,FC208",
		},
		{
			// unzip writes copies in order: the last bootstrap (not executable) is what runs.
			name:  "duplicate entry: the last copy is judged",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o755}, {Name: "bootstrap", Body: "#!/bin/sh\n", Mode: 0o644}},
			want:  "FC203,FC208",
		},
		{
			name:  "bootstrap symlink to the binary (build-fc-zip style) is followed",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "main", Mode: os.ModeSymlink | 0o755}, {Name: "main", Body: "#!/bin/sh\necho\n", Mode: 0o644}},
			want:  "FC203",
			check: func(t *testing.T, fs []report.Finding) {
				if f := find(t, fs, "FC203"); f.File != "function.zip!main" {
					t.Errorf("FC203 on %s, want the link target", f.File)
				}
			},
		},
		{
			name:  "dangling bootstrap symlink",
			fn:    fnWith(nil),
			files: []zf{{Name: "bootstrap", Body: "target/main", Mode: os.ModeSymlink | 0o755}},
			want:  "FC201",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkZip(t, tc.fn, tc.files...)
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q%s", got, tc.want, dump(fs))
			}
			if tc.check != nil {
				tc.check(t, fs)
			}
		})
	}
}

func TestScripts(t *testing.T) {
	cases := []struct {
		name, body string
		fn         *config.Function
		extra      []zf
		want       string
		line       int    // line of the first finding
		contains   string // in the first finding's message
	}{
		{name: "empty", body: "", want: "FC204", line: 0, contains: "is empty"},
		{name: "no shebang", body: "exec /code/main\n", extra: []zf{{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, want: "FC204", line: 1, contains: "exec format error"},
		{name: "crlf", body: "#!/bin/bash\r\nexec /code/main\r\n", extra: []zf{{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, want: "FC204", line: 1, contains: "/bin/bash^M: bad interpreter"},
		{name: "crlf after an LF shebang", body: "#!/bin/bash\nset -e\r\nexec /code/main\r\n", extra: []zf{{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, want: "FC204", line: 2, contains: "$'\\r': command not found"},
		{name: "byte-order mark", body: "\xEF\xBB\xBF#!/bin/bash\nexec /code/main\n", extra: []zf{{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, want: "FC204", line: 1, contains: "byte-order mark"},
		{name: "a jar as bootstrap", body: "PK\x03\x04jar", want: "FC204", line: 0, contains: "java -jar"},
		{name: "interpreter absent from debian10", body: "#!/usr/bin/python3\nprint(1)\n", want: "FC204", line: 1, contains: "custom.debian10 has no /usr/bin/python3"},
		{name: "env python3 needs PATH on debian10", body: "#!/usr/bin/env python3\nprint(1)\n", want: "FC204", line: 1, contains: "not on PATH"},
		{name: "interpreter inside the package", body: "#!/code/venv/bin/python3\nprint(1)\n", extra: []zf{{Name: "venv/bin/python3", Body: "\x7fELF", Mode: 0o755}}, want: ""},
		{name: "interpreter missing from the package", body: "#!/code/venv/bin/python3\nprint(1)\n", want: "FC207", line: 1, contains: "venv/bin/python3"},
		{name: "perl is not judged", body: "#!/usr/bin/perl\nprint 1;\n", want: ""},
		{name: "env python3 fine on debian12", body: "#!/usr/bin/env python3\nprint(1)\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom.debian12" }), want: ""},
		{name: "missing file run by the script", body: "#!/bin/bash\nset -e\n\nexec ./target/main --x\n", want: "FC207", line: 4, contains: "target/main"},
		{name: "cd then relative", body: "#!/bin/bash\ncd /code/app\n./server\n", extra: []zf{{Name: "app/server", Body: "#!/bin/sh\n", Mode: 0o755}}, want: ""},
		{name: "files tested before use", body: "#!/bin/bash\nif [ -f /code/.env ]; then\n  source /code/.env\nfi\n[ -x ./migrate ] && ./migrate\n[[ -e venv/bin/activate ]] && . venv/bin/activate\nexec /code/main\n", extra: []zf{{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, want: ""},
		{name: "a test of another file guards nothing", body: "#!/bin/bash\n[ -f /code/.env ] && echo env\nexec ./server\n", want: "FC207", line: 3, contains: "server"},
		{name: "unknown cd disables relative refs", body: "#!/bin/bash\ncd $APP_DIR\n./server\n", want: ""},
		{name: "gunicorn on loopback", body: "#!/bin/bash\nexport PATH=/var/fc/lang/python3.10/bin:$PATH\ngunicorn -b 127.0.0.1:9000 app:app\n", want: "FC302", line: 3, contains: "127.0.0.1"},
		{name: "gunicorn default bind", body: "#!/bin/bash\ngunicorn app:app\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }), want: "FC302", line: 2, contains: "gunicorn's default"},
		{name: "gunicorn default with gunicorn.conf.py", body: "#!/bin/bash\ngunicorn app:app\n", extra: []zf{{Name: "gunicorn.conf.py", Body: "bind='0.0.0.0:9000'"}}, want: ""},
		{name: "gunicorn on CAPort env", body: "#!/bin/bash\ngunicorn --bind=0.0.0.0:${FC_CUSTOM_LISTEN_PORT:-9000} app:app\n", want: ""},
		{name: "uvicorn defaults", body: "#!/bin/bash\npython3 -m uvicorn main:app\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom.debian12" }), want: "FC302", line: 2, contains: "uvicorn's default host 127.0.0.1"},
		{name: "loopback side service beside a CAPort server", body: "#!/bin/bash\n./cache --listen 127.0.0.1:6379 &\nexec ./server --port $FC_CUSTOM_LISTEN_PORT\n", extra: []zf{{Name: "cache", Body: "#!/bin/sh\n", Mode: 0o755}, {Name: "server", Body: "#!/bin/sh\n", Mode: 0o755}}, want: ""},
		{name: "loopback on CAPort beside a side service", body: "#!/bin/bash\n./cache --port 6379 &\nexec ./server --listen 127.0.0.1:9000\n", extra: []zf{{Name: "cache", Body: "#!/bin/sh\n", Mode: 0o755}, {Name: "server", Body: "#!/bin/sh\n", Mode: 0o755}}, want: "FC302,FC302", line: 2, contains: "port 6379"},
		{name: "uvicorn wrong port", body: "#!/bin/bash\nuvicorn main:app --host 0.0.0.0 --port 8080\n", want: "FC302", line: 2, contains: "port 8080"},
		{name: "port from variable set in the script", body: "#!/bin/bash\nPORT=8000\nexec node server.js --port $PORT\n", extra: []zf{{Name: "server.js", Body: ""}}, fn: fnWith(func(f *config.Function) {
			f.Layers = []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}
			f.Env = map[string]string{"PATH": "/opt/nodejs20/bin:/usr/bin:/bin"}
		}), want: "FC302", line: 3, contains: "port 8000"},
		{name: "unknown variable is no finding", body: "#!/bin/bash\nexec php -S 0.0.0.0:$MYPORT router.php\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }), extra: []zf{{Name: "router.php", Body: ""}}, want: ""},
		{name: "php -S localhost", body: "#!/bin/bash\nexec php -S localhost:9000 -t public\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }), want: "FC302", line: 2, contains: "localhost"},
		{name: "java server.port and missing jar", body: "#!/bin/bash\njava -Dserver.port=8080 -jar target/demo.jar\n", fn: fnWith(func(f *config.Function) { f.Runtime.Value = "custom" }), want: "FC207,FC302", line: 2},
		{name: "configured CAPort", body: "#!/bin/bash\nflask run --host=0.0.0.0 --port=8080\n", fn: fnWith(func(f *config.Function) { f.Port = config.Field[int]{Value: 8080, Set: true} }), want: ""},
		{name: "flask default port", body: "#!/bin/bash\nflask run --host 0.0.0.0\n", want: "FC302", line: 2, contains: "5000"},
		{name: "node on debian10 without PATH", body: "#!/bin/bash\nnode server.js\n", extra: []zf{{Name: "server.js", Body: ""}}, want: "FC210", line: 2, contains: "node"},
		{name: "node with PATH exported", body: "#!/bin/bash\nexport PATH=/var/fc/lang/nodejs20/bin:$PATH\nnode server.js\n", extra: []zf{{Name: "server.js", Body: ""}}, want: ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fn := tc.fn
			if fn == nil {
				fn = fnWith(nil)
			}
			files := append([]zf{{Name: "bootstrap", Body: tc.body, Mode: 0o755}}, tc.extra...)
			fs := checkZip(t, fn, files...)
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q%s", got, tc.want, dump(fs))
			}
			if tc.want == "" {
				return
			}
			report.Sort(fs)
			f := fs[0]
			if f.Line != tc.line || !strings.Contains(f.Message, tc.contains) {
				t.Errorf("first finding %s line %d %q; want line %d containing %q", f.Rule, f.Line, f.Message, tc.line, tc.contains)
			}
			if f.File != "function.zip!bootstrap" || (f.Source == "") != (f.Line == 0) {
				t.Errorf("finding file %q source %q", f.File, f.Source)
			}
		})
	}
}

func TestCommandLine(t *testing.T) {
	cases := []struct {
		name  string
		fn    *config.Function
		files []zf
		want  string
	}{
		{"java -jar missing", fnWith(func(f *config.Function) {
			f.Runtime.Value = "custom"
			commandArgs([]string{"java"}, []string{"-jar", "target/demo.jar"})(f)
		}), nil, "FC207"},
		{"java on debian10", fnWith(commandArgs([]string{"java"}, []string{"-jar", "demo.jar"})), []zf{{Name: "demo.jar", Body: "PK"}}, "FC210"},
		{"node from an official layer on PATH", fnWith(func(f *config.Function) {
			command("node", "server.js")(f)
			f.Layers = []string{"acs:fc:${region}:official:layers/Nodejs20/versions/1"}
			f.Env = map[string]string{"PATH": "/opt/nodejs20/bin:/usr/local/bin:/usr/bin:/bin"}
		}), []zf{{Name: "server.js", Body: ""}}, ""},
		// The layer's README: "PATH 环境变量需要添加 /opt/nodejs20/bin".
		{"node from an official layer without PATH", fnWith(func(f *config.Function) {
			command("node", "server.js")(f)
			f.Layers = []string{"acs:fc:${region}:official:layers/Nodejs20/versions/1"}
		}), []zf{{Name: "server.js", Body: ""}}, "FC210"},
		{"unknown program: no finding", fnWith(command("gunicorn", "-b", "0.0.0.0:9000", "app:app")), nil, ""},
		{"python3 needs PATH", fnWith(command("python3", "server.py")), []zf{{Name: "server.py", Body: ""}}, "FC210"},
		{"full path to /var/fc/lang", fnWith(command("/var/fc/lang/python3.10/bin/python3", "server.py")), []zf{{Name: "server.py", Body: ""}}, ""},
		{"php server.php on custom", fnWith(func(f *config.Function) { f.Runtime.Value = "custom"; command("php", "server.php")(f) }), nil, "FC207"},
		{"bash start.sh with a loopback gunicorn", fnWith(command("bash", "start.sh")), []zf{{Name: "start.sh", Body: "export PATH=/var/fc/lang/python3.10/bin:$PATH\ngunicorn -b 127.0.0.1:9000 app:app\n"}}, "FC302"},
		{"sh /code/start.sh with CRLF", fnWith(command("sh", "/code/start.sh")), []zf{{Name: "start.sh", Body: "#!/bin/sh\r\nexec /code/main\r\n"}, {Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, "FC204"},
		{"bash start.sh needs no exec bit or shebang", fnWith(command("bash", "start.sh")), []zf{{Name: "start.sh", Body: "exec /code/main\n"}, {Name: "main", Body: "#!/bin/sh\n", Mode: 0o755}}, ""},
		{"bash -c with a loopback gunicorn", fnWith(command("/bin/bash", "-c", "gunicorn -b localhost:9000 app:app")), nil, "FC302"},
		{"uvicorn port from env var", fnWith(func(f *config.Function) {
			command("/code/.venv/bin/uvicorn", "main:app", "--host", "0.0.0.0", "--port", "${FC_SERVER_PORT}")(f)
		}), []zf{{Name: ".venv/bin/uvicorn", Body: "#!/bin/sh\n", Mode: 0o755}}, ""},
		{"unknown runtime is checked against debian10 and says so", &config.Function{Format: config.FormatFlags, Command: config.Field[[]string]{Value: []string{"python3", "a.py"}, Set: true}}, []zf{{Name: "a.py"}}, "FC210"},
		{"placeholder command: nothing", fnWith(func(f *config.Function) { f.Command = config.Field[[]string]{Set: true, Unknown: true} }), nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkZip(t, tc.fn, tc.files...)
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q%s", got, tc.want, dump(fs))
			}
		})
	}
}

func TestUnknownRuntimeNote(t *testing.T) {
	fn := &config.Function{Format: config.FormatFlags, Command: config.Field[[]string]{Value: []string{"python3", "a.py"}, Set: true}}
	fs := checkZip(t, fn, zf{Name: "a.py"})
	if f := find(t, fs, "FC210"); !strings.Contains(f.Message, "custom.debian10 (assumed: the runtime is unknown)") {
		t.Errorf("FC210 %q", f.Message)
	}
}

func TestInvalidArchive(t *testing.T) {
	dir := t.TempDir()
	valid := ziptest.Bytes(t, zf{Name: "bootstrap", Body: okScript, Mode: 0o755})
	inputs := map[string][]byte{
		"text.zip":      []byte("this is not a zip file"),
		"empty.zip":     nil,
		"truncated.zip": valid[:len(valid)-10],
	}
	for name, data := range inputs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fs, err := Check(Options{Path: p, WorkDir: dir})
		if err != nil {
			t.Fatalf("%s: Check error %v, want a finding", name, err)
		}
		if got := ruleIDs(fs); got != "FC211" || fs[0].File != name {
			t.Errorf("%s: %q%s", name, got, dump(fs))
		}
	}
	if _, err := Check(Options{Path: filepath.Join(dir, "missing.zip")}); err == nil {
		t.Error("a path that does not exist must be an error (exit 2)")
	}
}

func TestCorruptEntry(t *testing.T) {
	data := ziptest.Bytes(t, zf{Name: "bootstrap", Body: strings.Repeat("#!/bin/bash\necho hello world\n", 50), Mode: 0o755})
	// Flip bytes inside the deflated data (after the 30-byte local header and name).
	for i := 45; i < 60; i++ {
		data[i] ^= 0xff
	}
	p := filepath.Join(t.TempDir(), "function.zip")
	os.WriteFile(p, data, 0o644)
	fs, err := Check(Options{Path: p, WorkDir: filepath.Dir(p)})
	if err != nil {
		t.Fatal(err)
	}
	find(t, fs, "FC211")
}

func TestSize(t *testing.T) {
	// A sparse file gives a ZIP of the right size without writing it.
	dir := t.TempDir()
	body := ziptest.Bytes(t, zf{Name: "bootstrap", Body: okScript, Mode: 0o755}, zf{Name: "main", Body: "#!/bin/sh\n", Mode: 0o755})
	for _, tc := range []struct {
		size int64
		sev  rules.Severity
	}{{150 << 20, rules.Warning}, {600 << 20, rules.Error}} {
		p := filepath.Join(dir, "big.zip")
		// Prepend padding: archive/zip finds the directory from the end, and
		// offsets are relative to where the ZIP starts (like a self-extractor).
		f, _ := os.Create(p)
		f.Truncate(tc.size - int64(len(body)))
		f.Seek(0, 2)
		f.Write(body)
		f.Close()
		fs, err := Check(Options{Path: p, WorkDir: dir, Function: fnWith(nil)})
		if err != nil {
			t.Fatal(err)
		}
		f209 := find(t, fs, "FC209")
		if f209.Severity != tc.sev {
			t.Errorf("size %d: severity %v, want %v (%s)", tc.size, f209.Severity, tc.sev, f209.Message)
		}
	}
}

func TestBombFromDeclaredSizes(t *testing.T) {
	// Declared sizes are all FC209 reads: forge them in the central directory.
	data := ziptest.Bytes(t, zf{Name: "bootstrap", Body: okScript, Mode: 0o755}, zf{Name: "blob", Body: strings.Repeat("0", 1000)})
	patchUncompressed(t, data, "blob", 3<<30)
	p := filepath.Join(t.TempDir(), "function.zip")
	os.WriteFile(p, data, 0o644)
	fs, err := Check(Options{Path: p, WorkDir: filepath.Dir(p), Function: fnWith(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if f := find(t, fs, "FC209"); !strings.Contains(f.Message, "decompression-bomb") {
		t.Errorf("FC209 %q", f.Message)
	}
}

// patchUncompressed rewrites an entry's declared uncompressed size in the
// central directory.
func patchUncompressed(t *testing.T, data []byte, name string, size uint32) {
	t.Helper()
	sig := []byte{0x50, 0x4b, 0x01, 0x02}
	for i := 0; i+46 < len(data); i++ {
		if string(data[i:i+4]) != string(sig) {
			continue
		}
		n := int(data[i+28]) | int(data[i+29])<<8
		if string(data[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(data[i+24:], size)
			return
		}
	}
	t.Fatalf("no central directory entry %s", name)
}

func TestNonShellScriptIsNotScanned(t *testing.T) {
	body := "#!/usr/bin/env node\nconst port = 8080; // node server.js --port 8080\nrequire('./missing.js')\n"
	fn := fnWith(func(f *config.Function) {
		f.Layers = []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}
		f.Env = map[string]string{"PATH": "/opt/nodejs20/bin:/usr/bin:/bin"}
	})
	fs := checkZip(t, fn, zf{Name: "bootstrap", Body: body, Mode: 0o755})
	if len(fs) != 0 {
		t.Fatalf("findings in a node script:%s", dump(fs))
	}
}

// A script run by another starts in its caller's directory (/code for the
// entrypoint), not in its own folder.
func TestScriptWorkingDir(t *testing.T) {
	const pathPy = "export PATH=/var/fc/lang/python3.10/bin:$PATH\n"
	cases := []struct {
		name  string
		fn    *config.Function
		files []zf
		want  string
	}{
		{"sub-script names a root file", fnWith(nil), []zf{
			{Name: "bootstrap", Body: "#!/bin/bash\nexec ./scripts/start.sh\n", Mode: 0o755},
			{Name: "scripts/start.sh", Body: "#!/bin/bash\n" + pathPy + "exec python3 app.py\n", Mode: 0o755},
			{Name: "app.py", Body: ""},
		}, ""},
		{"sub-script names a missing file", fnWith(nil), []zf{
			{Name: "bootstrap", Body: "#!/bin/bash\nexec ./scripts/start.sh\n", Mode: 0o755},
			{Name: "scripts/start.sh", Body: "#!/bin/bash\n" + pathPy + "exec python3 app.py\n", Mode: 0o755},
		}, "FC207"},
		{"sub-script after cd into its folder", fnWith(nil), []zf{
			{Name: "bootstrap", Body: "#!/bin/bash\nexec ./scripts/start.sh\n", Mode: 0o755},
			{Name: "scripts/start.sh", Body: "#!/bin/bash\ncd \"$(dirname \"$0\")\"\n" + pathPy + "exec python3 ../app.py\n", Mode: 0o755},
			{Name: "app.py", Body: ""},
		}, ""},
		{"command script names a file beside it", fnWith(command("/code/bin/run.sh")), []zf{
			{Name: "bin/run.sh", Body: "#!/bin/sh\nexec ./server\n", Mode: 0o755},
			{Name: "bin/server", Body: "#!/bin/sh\n", Mode: 0o755},
		}, ""},
		{"command script names a root file", fnWith(command("/code/bin/run.sh")), []zf{
			{Name: "bin/run.sh", Body: "#!/bin/sh\nexec ./server\n", Mode: 0o755},
			{Name: "server", Body: "#!/bin/sh\n", Mode: 0o755},
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkZip(t, tc.fn, tc.files...)
			if got := ruleIDs(fs); got != tc.want {
				t.Fatalf("rules = %q, want %q%s", got, tc.want, dump(fs))
			}
		})
	}
}

func TestLayerToolFix(t *testing.T) {
	fn := fnWith(func(f *config.Function) {
		command("node", "server.js")(f)
		f.Layers = []string{"acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/1"}
	})
	f := find(t, checkZip(t, fn, zf{Name: "server.js"}), "FC210")
	if !strings.Contains(f.Message, "its official layer has only at /opt/nodejs20/bin/node") ||
		!strings.Contains(f.Fix, "PATH=/opt/nodejs20/bin:/usr/local/bin:") || strings.Contains(f.Fix, "$PATH") {
		t.Errorf("FC210 %q fix %q", f.Message, f.Fix)
	}
	if f.Severity != rules.Warning {
		t.Errorf("FC210 for a layer's interpreter is %s, want warning (FC docs call layer tools available)", f.Severity)
	}
}

func TestMissingInterpreterSuggestsLayer(t *testing.T) {
	fn := fnWith(commandArgs([]string{"java"}, []string{"-jar", "demo.jar"}))
	f := find(t, checkZip(t, fn, zf{Name: "demo.jar", Body: "PK"}), "FC210")
	if !strings.Contains(f.Fix, "official:layers/Java17") || !strings.Contains(f.Fix, "PATH=/opt/java17/bin:") {
		t.Errorf("FC210 fix %q", f.Fix)
	}
}

// A bootstrap reached through 20 symlinks starts on Linux (which follows up
// to 40): no FC201.
func TestLongSymlinkChainIsNotMissing(t *testing.T) {
	files := []zf{{Name: "main", Body: "#!/bin/sh\necho ok\n", Mode: 0o755}}
	prev := "main"
	for i := range 20 {
		name := fmt.Sprintf("l%02d", i)
		files = append(files, zf{Name: name, Body: prev, Mode: os.ModeSymlink | 0o777})
		prev = name
	}
	files = append(files, zf{Name: "bootstrap", Body: prev, Mode: os.ModeSymlink | 0o777})
	if got := ruleIDs(checkZip(t, fnWith(nil), files...)); got != "" {
		t.Errorf("rules = %q, want none", got)
	}
}
